package dev.tinyml.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tinyml.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutates the fixtures (bit flips, overwritten words, truncations, splices, inserted and deleted
 * bytes) and checks that reading either fails with {@link TfliteFormatException} or gives a model
 * that summarises, writes (or is rejected by the writer's validation) and reads back equal.
 * Deterministic: the seed and case number of a failure reproduce it.
 */
class TfliteFuzzTest {
  private static final long SEED = 0x7F1_17E5L;
  private static final int CASES = 20_000;

  /** Inputs under this size are mutated; larger fixtures would only slow the run down. */
  private static final long MAX_SEED_FILE = 60_000;

  private static final int[] INTERESTING = {
    0, 1, -1, 2, 4, 8, 16, 127, 128, 255, 0x7FFF, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0x1000_0000
  };

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void mutatedFixturesGiveAFormatExceptionOrAValidModel() throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    for (Path p : Fixtures.files("tflite", ".tflite")) {
      if (Files.size(p) <= MAX_SEED_FILE) {
        seeds.add(Files.readAllBytes(p));
      }
    }
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(8);
    SplittableRandom random = new SplittableRandom(SEED);
    int valid = 0;
    int rejected = 0;
    for (int c = 0; c < CASES; c++) {
      byte[] seed = seeds.get(random.nextInt(seeds.size()));
      byte[] other = seeds.get(random.nextInt(seeds.size()));
      byte[] input = mutate(seed, other, random);
      try {
        if (check(input)) {
          valid++;
        } else {
          rejected++;
        }
      } catch (Throwable t) {
        fail("Case " + c + " (seed " + SEED + ", " + input.length + " bytes) threw " + t, t);
      }
    }
    assertThat(valid + rejected).isEqualTo(CASES);
    assertThat(rejected).as("mutations that the reader rejects").isPositive();
    assertThat(valid).as("mutations that still read as a model").isPositive();
  }

  /** True if the input read as a model, false if it was rejected as malformed. */
  private static boolean check(byte[] input) throws TfliteFormatException {
    Model model;
    try {
      model = TfliteReader.read(input);
    } catch (TfliteFormatException e) {
      // Every rejection names the offset; one whose offsets point past the end says how short
      // the input is first.
      assertThat(e.getMessage())
          .matches("(?s)(truncated \\(\\d+ bytes, needs at least \\d+\\): )?offset .*");
      return false;
    }
    assertThat(ModelSummary.of(model).toJson()).isNotEmpty();
    byte[] written;
    try {
      written = TfliteWriter.write(model);
    } catch (TfliteFormatException e) {
      return true; // an invalid reference the writer's validation caught: a clear error
    }
    assertThat(TfliteReader.read(written)).isEqualTo(model);
    return true;
  }

  static byte[] mutate(byte[] seed, byte[] other, SplittableRandom r) {
    byte[] b = seed.clone();
    int kind = r.nextInt(7);
    switch (kind) {
      case 0 -> {
        for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
          int pos = r.nextInt(b.length);
          b[pos] ^= (byte) (1 << r.nextInt(8));
        }
      }
      case 1 -> {
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
          int pos = r.nextInt(b.length - 3) & ~3;
          int v = INTERESTING[r.nextInt(INTERESTING.length)];
          b[pos] = (byte) v;
          b[pos + 1] = (byte) (v >>> 8);
          b[pos + 2] = (byte) (v >>> 16);
          b[pos + 3] = (byte) (v >>> 24);
        }
      }
      case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length));
      case 3 -> {
        int len = 1 + r.nextInt(Math.min(64, other.length));
        int from = r.nextInt(other.length - len + 1);
        int to = r.nextInt(b.length - len + 1);
        System.arraycopy(other, from, b, to, len);
      }
      case 4 -> {
        int at = r.nextInt(b.length);
        int len = 1 + r.nextInt(16);
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, at);
        for (int i = 0; i < len; i++) {
          out[at + i] = (byte) r.nextInt(256);
        }
        System.arraycopy(b, at, out, at + len, b.length - at);
        b = out;
      }
      case 5 -> {
        int at = r.nextInt(b.length);
        int len = Math.min(1 + r.nextInt(16), b.length - at);
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + len, out, at, b.length - at - len);
        b = out;
      }
      default -> {
        int pos = r.nextInt(b.length);
        b[pos] = (byte) INTERESTING[r.nextInt(INTERESTING.length)];
      }
    }
    return b;
  }
}
