package dev.tinyml.preprocess;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An n-dimensional array as a NumPy {@code .npy} file holds it: a dtype, a C-order shape and the
 * little-endian element bytes. Build one with the {@code of...} factories, read one with {@link
 * Npy#read}, and take the values out with {@link #toFloats()}, {@link #toDoubles()} or {@link
 * #toLongs()} whatever the dtype.
 *
 * @param dtype the element type
 * @param shape the dimensions, outermost first (empty for a scalar)
 * @param data {@code product(shape) * dtype.size()} bytes, little-endian, C order; held as given,
 *     not copied
 */
public record NpyArray(Dtype dtype, int[] shape, byte[] data) {

  /** The element types supported, by their NumPy {@code descr}. */
  public enum Dtype {
    /** {@code <f4}: float32. */
    FLOAT32("<f4"),
    /** {@code <f8}: float64. */
    FLOAT64("<f8"),
    /** {@code |i1}: int8. */
    INT8("|i1"),
    /** {@code |u1}: uint8. */
    UINT8("|u1"),
    /** {@code <i2}: int16. */
    INT16("<i2"),
    /** {@code <u2}: uint16. */
    UINT16("<u2"),
    /** {@code <i4}: int32. */
    INT32("<i4"),
    /** {@code <i8}: int64. */
    INT64("<i8");

    private final String descr;

    Dtype(String descr) {
      this.descr = descr;
    }

    /**
     * @return the NumPy type string, e.g. {@code <f4}
     */
    public String descr() {
      return descr;
    }

    /**
     * @return bytes per element
     */
    public int size() {
      // A NumPy descr ends with the element size in bytes.
      return descr.charAt(descr.length() - 1) - '0';
    }
  }

  /** Validates the array and copies the shape. */
  public NpyArray {
    shape = shape.clone();
    long count = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new PreprocessException(
            "NPY shape has a negative dimension: " + Arrays.toString(shape));
      }
      count *= d;
    }
    if (count * dtype.size() != data.length) {
      throw new PreprocessException(
          "NPY data holds "
              + data.length
              + " bytes but shape "
              + Arrays.toString(shape)
              + " of "
              + dtype.descr()
              + " needs "
              + count * dtype.size());
    }
  }

  /**
   * @return the shape (a copy)
   */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /**
   * @return the number of elements
   */
  public int size() {
    return data.length / dtype.size();
  }

  private ByteBuffer buffer() {
    return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * A float32 array.
   *
   * @param values the elements in C order
   * @param shape the dimensions; their product must equal {@code values.length}
   * @return the array
   */
  public static NpyArray ofFloats(float[] values, int... shape) {
    return encoded(Dtype.FLOAT32, shape, 4 * values.length, b -> b.asFloatBuffer().put(values));
  }

  /**
   * A float64 array.
   *
   * @param values the elements in C order
   * @param shape the dimensions
   * @return the array
   */
  public static NpyArray ofDoubles(double[] values, int... shape) {
    return encoded(Dtype.FLOAT64, shape, 8 * values.length, b -> b.asDoubleBuffer().put(values));
  }

  /**
   * An int8 ({@code signed}) or uint8 array of raw bytes.
   *
   * @param values the elements in C order
   * @param signed {@code true} for int8, {@code false} for uint8
   * @param shape the dimensions
   * @return the array
   */
  public static NpyArray ofBytes(byte[] values, boolean signed, int... shape) {
    return new NpyArray(signed ? Dtype.INT8 : Dtype.UINT8, shape, values.clone());
  }

  /**
   * An int16 array.
   *
   * @param values the elements in C order
   * @param shape the dimensions
   * @return the array
   */
  public static NpyArray ofShorts(short[] values, int... shape) {
    return encoded(Dtype.INT16, shape, 2 * values.length, b -> b.asShortBuffer().put(values));
  }

  /**
   * An int32 array.
   *
   * @param values the elements in C order
   * @param shape the dimensions
   * @return the array
   */
  public static NpyArray ofInts(int[] values, int... shape) {
    return encoded(Dtype.INT32, shape, 4 * values.length, b -> b.asIntBuffer().put(values));
  }

  /**
   * An int64 array.
   *
   * @param values the elements in C order
   * @param shape the dimensions
   * @return the array
   */
  public static NpyArray ofLongs(long[] values, int... shape) {
    return encoded(Dtype.INT64, shape, 8 * values.length, b -> b.asLongBuffer().put(values));
  }

  /**
   * The elements as doubles (exact for every dtype but int64 beyond 2^53).
   *
   * @return the elements in C order
   */
  public double[] toDoubles() {
    ByteBuffer b = buffer();
    double[] out = new double[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = element(b, i);
    }
    return out;
  }

  /**
   * The elements as floats, converted from the dtype.
   *
   * @return the elements in C order
   */
  public float[] toFloats() {
    ByteBuffer b = buffer();
    float[] out = new float[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) element(b, i);
    }
    return out;
  }

  /**
   * The elements as longs; float elements must hold integral values.
   *
   * @return the elements in C order
   * @throws PreprocessException if a float element is not an integer
   */
  public long[] toLongs() {
    ByteBuffer b = buffer();
    long[] out = new long[size()];
    for (int i = 0; i < out.length; i++) {
      if (dtype == Dtype.INT64) {
        out[i] = b.getLong(8 * i);
      } else {
        double v = element(b, i);
        if (v != Math.rint(v)) {
          throw new PreprocessException(
              "NPY element " + i + " is " + v + ", not an integer (dtype " + dtype.descr() + ")");
        }
        out[i] = (long) v;
      }
    }
    return out;
  }

  private double element(ByteBuffer b, int i) {
    switch (dtype) {
      case FLOAT32:
        return b.getFloat(4 * i);
      case FLOAT64:
        return b.getDouble(8 * i);
      case INT8:
        return b.get(i);
      case UINT8:
        return b.get(i) & 0xFF;
      case INT16:
        return b.getShort(2 * i);
      case UINT16:
        return b.getShort(2 * i) & 0xFFFF;
      case INT32:
        return b.getInt(4 * i);
      default:
        return b.getLong(8 * i);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpyArray a
        && a.dtype == dtype
        && Arrays.equals(a.shape, shape)
        && Arrays.equals(a.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "NpyArray[" + dtype.descr() + " " + Arrays.toString(shape) + "]";
  }

  /** Wraps {@code bytes} little-endian bytes that {@code write} fills from the caller's values. */
  private static NpyArray encoded(Dtype dtype, int[] shape, int bytes, Consumer<ByteBuffer> write) {
    ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    write.accept(b);
    return new NpyArray(dtype, shape, b.array());
  }
}
