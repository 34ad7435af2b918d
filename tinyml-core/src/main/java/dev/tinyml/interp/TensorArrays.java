package dev.tinyml.interp;

import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Typed primitive arrays for tensor data, and their little-endian byte encoding. */
final class TensorArrays {

  private TensorArrays() {}

  /** True when the interpreter can hold tensors of this type. */
  static boolean storable(TensorType type) {
    return switch (type) {
      case FLOAT32, INT8, UINT8, BOOL, INT16, INT32, UINT32, INT64, UINT64 -> true;
      default -> false;
    };
  }

  /** A zeroed array for {@code n} elements of {@code type}. */
  static Object allocate(TensorType type, int n) {
    return switch (type) {
      case FLOAT32 -> new float[n];
      case INT8, UINT8, BOOL -> new byte[n];
      case INT16 -> new short[n];
      case INT32, UINT32 -> new int[n];
      case INT64, UINT64 -> new long[n];
      default -> throw new IllegalArgumentException("no storage for " + type);
    };
  }

  /** Decodes little-endian bytes into a new array of {@code n} elements. */
  static Object decode(TensorType type, byte[] bytes, int n) {
    Object a = allocate(type, n);
    fill(a, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    return a;
  }

  /** Copies little-endian elements from {@code src} (from its position) into {@code a}. */
  static void fill(Object a, ByteBuffer src) {
    ByteBuffer b = src.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (a instanceof float[] f) {
      b.asFloatBuffer().get(f);
    } else if (a instanceof byte[] x) {
      b.get(x);
    } else if (a instanceof short[] s) {
      b.asShortBuffer().get(s);
    } else if (a instanceof int[] i) {
      b.asIntBuffer().get(i);
    } else if (a instanceof long[] l) {
      b.asLongBuffer().get(l);
    }
  }

  /** Encodes an array as little-endian bytes. */
  static byte[] encode(Object a) {
    int n = length(a);
    int size = elementBytes(a);
    ByteBuffer b = ByteBuffer.allocate(n * size).order(ByteOrder.LITTLE_ENDIAN);
    if (a instanceof float[] f) {
      b.asFloatBuffer().put(f);
    } else if (a instanceof byte[] x) {
      b.put(x);
    } else if (a instanceof short[] s) {
      b.asShortBuffer().put(s);
    } else if (a instanceof int[] i) {
      b.asIntBuffer().put(i);
    } else if (a instanceof long[] l) {
      b.asLongBuffer().put(l);
    }
    return b.array();
  }

  static int length(Object a) {
    return java.lang.reflect.Array.getLength(a);
  }

  static int elementBytes(Object a) {
    if (a instanceof float[] || a instanceof int[]) {
      return 4;
    } else if (a instanceof short[]) {
      return 2;
    } else if (a instanceof long[]) {
      return 8;
    }
    return 1;
  }

  /** Element {@code i} as a double (integers exactly). */
  static double get(Object a, int i) {
    if (a instanceof float[] f) {
      return f[i];
    } else if (a instanceof byte[] x) {
      return x[i];
    } else if (a instanceof short[] s) {
      return s[i];
    } else if (a instanceof int[] v) {
      return v[i];
    }
    return ((long[]) a)[i];
  }
}
