package dev.tinyml.examples.kws;

import dev.tinyml.preprocess.Wav;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The keyword clips, split into training and held-out sets, and the augmented examples made from
 * them.
 *
 * <p>Every fifth clip of each class (by file name) is held out. Training and held-out examples are
 * both made the same way from their own clips: a random shift in time of up to 100 ms and
 * background noise from a noise clip of the same split at a random level; silence examples are
 * noise clips at random levels. Nothing of a held-out clip reaches training.
 */
final class KwsData {

  /** Class names in the order of the model's outputs. */
  static final List<String> LABELS = List.of("silence", "unknown", "yes", "no");

  static final int SILENCE = 0;

  private static final int MAX_SHIFT = 1600;

  /** A set of examples ready for the model. */
  record Examples(float[][] features, int[] labels) {
    int size() {
      return labels.length;
    }
  }

  /** The raw clips of one split. */
  record Clips(List<short[]> words, List<Integer> wordLabels, List<short[]> noise) {}

  private KwsData() {}

  /** Reads the clips of the training ({@code heldOut == false}) or held-out split. */
  static Clips read(Path dataDir, boolean heldOut) {
    List<short[]> words = new ArrayList<>();
    List<Integer> wordLabels = new ArrayList<>();
    List<short[]> noise = new ArrayList<>();
    for (int label = 0; label < LABELS.size(); label++) {
      List<Path> files = wavFiles(dataDir.resolve(LABELS.get(label)));
      for (int i = 0; i < files.size(); i++) {
        if ((i % 5 == 4) != heldOut) {
          continue;
        }
        short[] pcm = readClip(files.get(i));
        if (label == SILENCE) {
          noise.add(pcm);
        } else {
          words.add(pcm);
          wordLabels.add(label);
        }
      }
    }
    return new Clips(words, wordLabels, noise);
  }

  /**
   * Makes {@code variants} examples of every word clip and as many silence examples as the average
   * word class has.
   */
  static Examples augment(Clips clips, int variants, long seed) {
    Random random = new Random(seed);
    List<float[]> features = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < clips.words().size(); i++) {
      for (int v = 0; v < variants; v++) {
        float speed = 0.9f + 0.2f * random.nextFloat();
        float gain = 0.4f + 1.2f * random.nextFloat();
        short[] pcm =
            shift(
                perturb(clips.words().get(i), speed, gain),
                random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT);
        short[] noise = clips.noise().get(random.nextInt(clips.noise().size()));
        features.add(KwsFeatures.of(mix(pcm, noise, random.nextFloat() * 0.8f)));
        labels.add(clips.wordLabels().get(i));
      }
    }
    int silence = features.size() / (LABELS.size() - 1);
    for (int i = 0; i < silence; i++) {
      short[] noise = clips.noise().get(random.nextInt(clips.noise().size()));
      // A tenth of the silence examples are near-digital silence, the rest noise at any level.
      float level = i % 10 == 0 ? 0.02f : random.nextFloat() * 1.5f;
      features.add(KwsFeatures.of(mix(new short[noise.length], noise, level)));
      labels.add(SILENCE);
    }
    return new Examples(
        features.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Speed perturbation: plays the clip {@code speed} times faster (pitch and tempo together, by
   * linear interpolation, keeping the length) and scales it by {@code gain}.
   */
  static short[] perturb(short[] pcm, float speed, float gain) {
    short[] out = new short[pcm.length];
    for (int i = 0; i < out.length; i++) {
      double src = i * (double) speed;
      int j = (int) src;
      if (j + 1 >= pcm.length) {
        break;
      }
      double frac = src - j;
      double v = gain * ((1 - frac) * pcm[j] + frac * pcm[j + 1]);
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }
    return out;
  }

  static short[] shift(short[] pcm, int by) {
    short[] out = new short[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      int src = i - by;
      if (src >= 0 && src < pcm.length) {
        out[i] = pcm[src];
      }
    }
    return out;
  }

  static short[] mix(short[] pcm, short[] noise, float level) {
    short[] out = new short[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      int v = Math.round(pcm[i] + level * noise[i % noise.length]);
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
    return out;
  }

  static List<Path> wavFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "missing class directory " + dir + ": expected " + LABELS + " below the data directory");
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> wavs = files.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
      if (wavs.size() < 5) {
        throw new IllegalArgumentException(
            dir + " holds " + wavs.size() + " WAV files; at least 5 are needed to hold one out");
      }
      return wavs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static short[] readClip(Path file) {
    var clip = Wav.read(file);
    if (clip.sampleRate() != KwsFeatures.SAMPLE_RATE) {
      throw new IllegalArgumentException(
          file + " is sampled at " + clip.sampleRate() + " Hz; the frontend needs 16000 Hz");
    }
    return clip.toPcm16();
  }
}
