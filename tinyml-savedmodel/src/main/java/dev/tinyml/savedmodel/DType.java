package dev.tinyml.savedmodel;

import org.tensorflow.proto.DataType;

/** The TensorFlow element types the importer distinguishes. */
enum DType {
  FLOAT(4),
  DOUBLE(8),
  HALF(2),
  INT8(1),
  UINT8(1),
  INT16(2),
  INT32(4),
  INT64(8),
  BOOL(1),
  STRING(0),
  RESOURCE(0),
  OTHER(0);

  private final int byteSize;

  DType(int byteSize) {
    this.byteSize = byteSize;
  }

  /** Bytes per element in raw tensor data; 0 for types without a fixed size. */
  int byteSize() {
    return byteSize;
  }

  boolean isFloating() {
    return this == FLOAT || this == DOUBLE || this == HALF;
  }

  boolean isInteger() {
    return this == INT8
        || this == UINT8
        || this == INT16
        || this == INT32
        || this == INT64
        || this == BOOL;
  }

  static DType of(DataType t) {
    DataType base = t;
    int n = t.getNumber();
    if (n > 100) {
      // Reference types (DT_FLOAT_REF = 101, ...) name the same element type.
      base = DataType.forNumber(n - 100);
      if (base == null) {
        return OTHER;
      }
    }
    switch (base) {
      case DT_FLOAT:
        return FLOAT;
      case DT_DOUBLE:
        return DOUBLE;
      case DT_HALF:
        return HALF;
      case DT_INT8:
        return INT8;
      case DT_UINT8:
        return UINT8;
      case DT_INT16:
        return INT16;
      case DT_INT32:
        return INT32;
      case DT_INT64:
        return INT64;
      case DT_BOOL:
        return BOOL;
      case DT_STRING:
        return STRING;
      case DT_RESOURCE:
        return RESOURCE;
      default:
        return OTHER;
    }
  }

  /** The TensorFlow spelling, for messages. */
  static String tfName(DataType t) {
    return t.name().startsWith("DT_")
        ? t.name().substring(3).toLowerCase(java.util.Locale.ROOT)
        : t.name();
  }
}
