package dev.tinyml.tflite;

/** The element types of TFLite tensors, each with its schema code ({@code TensorType} enum). */
public enum TensorType implements SchemaEnum {
  FLOAT32(0, 4),
  FLOAT16(1, 2),
  INT32(2, 4),
  UINT8(3, 1),
  INT64(4, 8),
  /** Variable-length strings; the buffer holds TFLite's own string encoding. */
  STRING(5, 0),
  BOOL(6, 1),
  INT16(7, 2),
  COMPLEX64(8, 8),
  INT8(9, 1),
  FLOAT64(10, 8),
  COMPLEX128(11, 16),
  UINT64(12, 8),
  RESOURCE(13, 0),
  VARIANT(14, 0),
  UINT32(15, 4),
  UINT16(16, 2),
  /** Two 4-bit values per byte; {@link #byteSize()} is 0, {@link Tensor#byteSize()} packs them. */
  INT4(17, 0),
  BFLOAT16(18, 2);

  private static final TensorType[] BY_CODE = values();

  private final int code;
  private final int byteSize;

  TensorType(int code, int byteSize) {
    this.code = code;
    this.byteSize = byteSize;
  }

  /** The type's code in the schema. */
  public int code() {
    return code;
  }

  /** Bytes per element; 0 where the size is not a whole number of bytes or not fixed. */
  public int byteSize() {
    return byteSize;
  }

  /**
   * The type with this schema code.
   *
   * @return the type, or {@code null} when the code is not a schema tensor type
   */
  public static TensorType fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
