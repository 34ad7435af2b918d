package dev.tinyml.ops.kernels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * TFLite's int16 LOGISTIC and TANH: the input is scaled by 3 (times a power of two), and the result
 * is interpolated linearly in a 256-entry table of sigmoid(i/24) in Q0.16. Used by the int8 LSTM's
 * gates (inputs in Q3.12, outputs in Q0.15).
 */
public final class Int16Activations {

  private Int16Activations() {}

  private static final int[] SIGMOID_TABLE = loadTable();

  private static int[] loadTable() {
    int[] t = new int[256];
    int n = 0;
    try (InputStream in = Int16Activations.class.getResourceAsStream("sigmoid_table_uint16.txt");
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        for (String v : line.trim().split("\\s+")) {
          t[n++] = Integer.parseInt(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the int16 sigmoid table", e);
    }
    if (n != 256) {
      throw new IllegalStateException("the int16 sigmoid table has " + n + " entries, not 256");
    }
    return t;
  }

  /** The 256 table entries sigmoid(i/24) in Q0.16 (a copy), for the c backend's constant array. */
  public static int[] sigmoidTable() {
    return SIGMOID_TABLE.clone();
  }

  /** Table entry {@code i} (for tests). */
  static int table(int i) {
    return SIGMOID_TABLE[i];
  }

  /**
   * Int16 logistic in place over {@code n} values, with the input multiplier and left shift TFLM
   * passes ({@code multiplier == 0} means the power-of-two case {@code 3 << shift}).
   */
  public static void logistic(int inputMultiplier, int inputLeftShift, int[] data, int off, int n) {
    if (inputMultiplier == 0) {
      inputMultiplier = 3 << inputLeftShift;
      inputLeftShift = 0;
    }
    int round = inputLeftShift > 0 ? 1 << (inputLeftShift - 1) : 0;
    for (int i = off; i < off + n; i++) {
      int x = (data[i] * inputMultiplier + round) >> inputLeftShift;
      int abs = Math.abs(x);
      int uh = abs >>> 9;
      long result;
      if (uh >= 255) {
        result = 0x7FFFL << 10;
      } else {
        long ua = SIGMOID_TABLE[uh];
        long ub = SIGMOID_TABLE[uh + 1];
        long ut = abs & 0x1ff;
        result = (ua << 9) + ut * (ub - ua);
      }
      result = x >= 0 ? result + (1 << 9) : (1L << (16 + 9)) - result + (1 << 9) - 1;
      result >>>= 10;
      data[i] = (short) result;
    }
  }

  /**
   * Int16 tanh from {@code in} to {@code out} over {@code n} values; see {@link #logistic} for the
   * multiplier convention. A non-zero multiplier comes with a right shift (rounded).
   */
  public static void tanh(
      int inputMultiplier, int inputLeftShift, int[] in, int inOff, int[] out, int outOff, int n) {
    if (inputMultiplier == 0) {
      inputMultiplier = 3 << inputLeftShift;
      inputLeftShift = 0;
    }
    int round = inputLeftShift > 0 ? 1 << (inputLeftShift - 1) : 0;
    for (int i = 0; i < n; i++) {
      int x = (in[inOff + i] * inputMultiplier + round) >> inputLeftShift;
      int abs = Math.abs(x);
      int uh = abs >>> 8;
      int result;
      if (uh >= 255) {
        result = 0xFFFF << 8;
      } else {
        int ua = SIGMOID_TABLE[uh];
        int ub = SIGMOID_TABLE[uh + 1];
        int ut = abs & 0xFF;
        result = (ua << 8) + ut * (ub - ua);
      }
      result =
          x >= 0
              ? result - (1 << (14 + 9)) + (1 << (9 - 2))
              : -result + (1 << (14 + 9)) + (1 << (9 - 2)) - 1;
      result >>= 9 - 1;
      out[outOff + i] = (short) result;
    }
  }
}
