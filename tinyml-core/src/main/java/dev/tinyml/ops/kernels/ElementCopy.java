package dev.tinyml.ops.kernels;

/**
 * Copies elements of primitive arrays of any one element type ({@code float[]}, {@code byte[]},
 * {@code short[]}, {@code int[]}, {@code long[]}), so the data-movement kernels serve every tensor
 * type with one implementation: they are exact by construction.
 */
public final class ElementCopy {

  private ElementCopy() {}

  /**
   * {@code out[i] = in[source[i]]} for every {@code i} with {@code source[i] >= 0}; elements whose
   * source is negative are left as they are (the caller filled them, e.g. with padding).
   */
  public static void gather(int[] source, Object in, Object out) {
    if (!(in instanceof float[]
        || in instanceof byte[]
        || in instanceof short[]
        || in instanceof int[]
        || in instanceof long[])) {
      throw new IllegalArgumentException("not a primitive tensor array: " + in);
    }
    // System.arraycopy copies any primitive element type bit for bit; consecutive sources go as one
    // run. In place (in == out) copies one element at a time, as an element-wise loop would.
    int i = 0;
    while (i < source.length) {
      if (source[i] < 0) {
        i++;
        continue;
      }
      int run = 1;
      while (in != out && i + run < source.length && source[i + run] == source[i] + run) {
        run++;
      }
      System.arraycopy(in, source[i], out, i, run);
      i += run;
    }
  }

  /**
   * Sets every element of {@code out} to {@code value}, converted to the array's element type
   * ({@code (byte) value} for an int8 zero point, {@code (float) value} for a float).
   */
  public static void fill(Object out, double value) {
    if (out instanceof float[] a) {
      java.util.Arrays.fill(a, (float) value);
    } else if (out instanceof byte[] a) {
      java.util.Arrays.fill(a, (byte) (long) value);
    } else if (out instanceof short[] a) {
      java.util.Arrays.fill(a, (short) (long) value);
    } else if (out instanceof int[] a) {
      java.util.Arrays.fill(a, (int) (long) value);
    } else if (out instanceof long[] a) {
      java.util.Arrays.fill(a, (long) value);
    } else {
      throw new IllegalArgumentException("not a primitive tensor array: " + out);
    }
  }

  /** Sets every element of {@code out} to the first element of {@code scalar} (same type). */
  public static void broadcastFirst(Object scalar, Object out) {
    if (scalar instanceof float[] a) {
      java.util.Arrays.fill((float[]) out, a[0]);
    } else if (scalar instanceof byte[] a) {
      java.util.Arrays.fill((byte[]) out, a[0]);
    } else if (scalar instanceof short[] a) {
      java.util.Arrays.fill((short[]) out, a[0]);
    } else if (scalar instanceof int[] a) {
      java.util.Arrays.fill((int[]) out, a[0]);
    } else if (scalar instanceof long[] a) {
      java.util.Arrays.fill((long[]) out, a[0]);
    } else {
      throw new IllegalArgumentException("not a primitive tensor array: " + scalar);
    }
  }
}
