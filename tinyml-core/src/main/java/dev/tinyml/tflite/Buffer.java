package dev.tinyml.tflite;

import java.util.Arrays;

/**
 * A raw data buffer of the model, referenced by tensors (constant data) and metadata. Buffer 0 is
 * the empty sentinel that tensors without data point to.
 */
public final class Buffer extends ModelElement {
  private static final byte[] EMPTY = new byte[0];

  private byte[] data;

  /** An empty buffer. */
  public Buffer() {
    this(EMPTY);
  }

  /** A buffer holding {@code data} (not copied). */
  public Buffer(byte[] data) {
    setData(data);
  }

  /** The bytes (the array itself; never {@code null}, empty for the sentinel). */
  public byte[] data() {
    return data;
  }

  /** Sets the bytes ({@code null} means empty). */
  public Buffer setData(byte[] data) {
    this.data = data == null ? EMPTY : data;
    return this;
  }

  @Override
  Object[] state() {
    return new Object[] {data};
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Buffer[" + data.length + " bytes]";
  }
}
