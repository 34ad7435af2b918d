package dev.tinyml.ops.kernels;

import dev.tinyml.tflite.TensorType;

/**
 * CAST as C++'s {@code static_cast}: integers narrow by wrapping, unsigned 32-bit values (held in
 * {@code int[]}) widen as unsigned, floats truncate toward zero, BOOL is {@code value != 0}.
 */
public final class Cast {
  private Cast() {}

  /** True when CAST between these types is implemented (TFLM's set). */
  public static boolean supports(TensorType from, TensorType to) {
    boolean in =
        switch (from) {
          case INT8, INT16, INT32, UINT32, FLOAT32 -> true;
          default -> false;
        };
    boolean out =
        switch (to) {
          case INT8, INT16, INT32, UINT32, FLOAT32, BOOL -> true;
          default -> false;
        };
    return in && out;
  }

  /**
   * Casts {@code n} elements of {@code in} (type {@code from}) into {@code out} (type {@code to}).
   */
  public static void eval(TensorType from, Object in, TensorType to, Object out, int n) {
    if (from == TensorType.FLOAT32 || to == TensorType.FLOAT32) {
      for (int i = 0; i < n; i++) {
        double v = from == TensorType.FLOAT32 ? ((float[]) in)[i] : integer(from, in, i);
        if (to == TensorType.FLOAT32) {
          ((float[]) out)[i] = (float) v;
        } else if (to == TensorType.BOOL) {
          ((byte[]) out)[i] = (byte) (v != 0 ? 1 : 0);
        } else {
          store(to, out, i, (long) v);
        }
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      long v = integer(from, in, i);
      if (to == TensorType.BOOL) {
        ((byte[]) out)[i] = (byte) (v != 0 ? 1 : 0);
      } else {
        store(to, out, i, v);
      }
    }
  }

  private static long integer(TensorType type, Object a, int i) {
    return switch (type) {
      case INT8 -> ((byte[]) a)[i];
      case INT16 -> ((short[]) a)[i];
      case UINT32 -> Integer.toUnsignedLong(((int[]) a)[i]);
      default -> ((int[]) a)[i];
    };
  }

  private static void store(TensorType type, Object a, int i, long v) {
    switch (type) {
      case INT8 -> ((byte[]) a)[i] = (byte) v;
      case INT16 -> ((short[]) a)[i] = (short) v;
      default -> ((int[]) a)[i] = (int) v;
    }
  }
}
