package dev.tinyml.tflite;

import java.util.Arrays;
import java.util.Objects;

/**
 * A raw data buffer of the model, referenced by tensors (constant data) and metadata. Buffer 0 is
 * the empty sentinel that tensors without data point to.
 */
public final class Buffer {
  private static final byte[] EMPTY = new byte[0];

  private byte[] data;
  private RawTable unknownFields;

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

  /** Fields the library does not model, or {@code null}. */
  public RawTable unknownFields() {
    return unknownFields;
  }

  Buffer setUnknownFields(RawTable unknownFields) {
    this.unknownFields = unknownFields == null || unknownFields.isEmpty() ? null : unknownFields;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Buffer b
        && Arrays.equals(data, b.data)
        && Objects.equals(unknownFields, b.unknownFields);
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
