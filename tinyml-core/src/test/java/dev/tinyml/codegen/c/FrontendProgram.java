package dev.tinyml.codegen.c;

import dev.tinyml.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test program around the C frontend: it reads clips from {@code clips.bin} (each a little-endian
 * uint32 sample count and int16 samples, read through stdio so it works under semihosting too),
 * resets the frontend per clip, feeds it in irregular chunks, and prints every frame as {@code f
 * <clip> <frame> <values...>}, then {@code done <clips>}.
 */
final class FrontendProgram {
  private FrontendProgram() {}

  private static final String MAIN =
      """
      #include <stdio.h>
      #include "tinyml_frontend.h"

      #define MAX_CHUNK 1013u
      static tml_frontend_state state;
      static unsigned char bytes[2 * MAX_CHUNK];
      static int16_t samples[MAX_CHUNK];

      int main(void) {
        unsigned char header[4];
        int clip = 0;
        FILE *in = fopen("clips.bin", "rb");
        if (in == NULL) {
          printf("error cannot open clips.bin\\n");
          return 1;
        }
        tml_frontend_init(&state);
        while (fread(header, 1, 4, in) == 4) {
          unsigned long remaining = header[0] | ((unsigned long)header[1] << 8) |
                                    ((unsigned long)header[2] << 16) |
                                    ((unsigned long)header[3] << 24);
          unsigned long chunk = 1;
          int frame = 0;
          tml_frontend_reset(&state);
          while (remaining > 0) {
            size_t n = chunk < remaining ? chunk : remaining;
            size_t off = 0, k;
            if (fread(bytes, 2, n, in) != n) {
              printf("error short clip %d\\n", clip);
              return 1;
            }
            for (k = 0; k < n; k++) {
              samples[k] = (int16_t)(uint16_t)(bytes[2 * k] | (bytes[2 * k + 1] << 8));
            }
            while (off < n) {
              size_t used;
              uint16_t features[TML_FE_NUM_CHANNELS];
              if (tml_frontend_process(&state, samples + off, n - off, &used, features)) {
                int c;
                printf("f %d %d", clip, frame++);
                for (c = 0; c < TML_FE_NUM_CHANNELS; c++) printf(" %u", (unsigned)features[c]);
                printf("\\n");
              }
              off += used;
            }
            remaining -= n;
            chunk = chunk * 7 % MAX_CHUNK + 1;
          }
          clip++;
        }
        fclose(in);
        printf("done %d\\n", clip);
        return 0;
      }
      """;

  /** Writes the frontend sources, {@code main.c} and {@code clips.bin} into {@code dir}. */
  static void write(Path dir, CFrontendSources frontend, List<short[]> clips) throws IOException {
    frontend.writeTo(dir);
    AtomicFiles.write(dir.resolve("main.c"), MAIN);
    int bytes = 0;
    for (short[] clip : clips) {
      bytes += 4 + 2 * clip.length;
    }
    ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (short[] clip : clips) {
      b.putInt(clip.length);
      for (short s : clip) {
        b.putShort(s);
      }
    }
    AtomicFiles.write(dir.resolve("clips.bin"), b.array());
  }

  /** Parses the output into one {@code [frame][channel]} matrix per clip. */
  static List<int[][]> parse(String stdout, int clips) {
    List<List<int[]>> frames = new ArrayList<>();
    for (int i = 0; i < clips; i++) {
      frames.add(new ArrayList<>());
    }
    boolean done = false;
    for (String line : stdout.split("\n")) {
      String[] f = line.trim().split(" ");
      if (f[0].equals("f")) {
        int[] values = new int[f.length - 3];
        for (int i = 0; i < values.length; i++) {
          values[i] = Integer.parseInt(f[i + 3]);
        }
        frames.get(Integer.parseInt(f[1])).add(values);
      } else if (f[0].equals("done") && Integer.parseInt(f[1]) == clips) {
        done = true;
      }
    }
    if (!done) {
      throw new AssertionError("the frontend program did not finish all clips:\n" + stdout);
    }
    List<int[][]> result = new ArrayList<>();
    for (List<int[]> clip : frames) {
      result.add(clip.toArray(int[][]::new));
    }
    return result;
  }
}
