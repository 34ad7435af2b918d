package dev.tinyml.savedmodel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A constant tensor known at import time. Floating values live in {@code floats}, integer and
 * boolean values in {@code ints}, strings in {@code strings}; exactly one of them is non-null.
 */
record TensorValue(DType type, int[] shape, float[] floats, long[] ints, List<byte[]> strings) {

  static TensorValue ofFloats(int[] shape, float[] values) {
    return new TensorValue(DType.FLOAT, shape.clone(), values, null, null);
  }

  static TensorValue ofInts(DType type, int[] shape, long[] values) {
    return new TensorValue(type, shape.clone(), null, values, null);
  }

  static TensorValue ofStrings(int[] shape, List<byte[]> values) {
    return new TensorValue(DType.STRING, shape.clone(), null, null, values);
  }

  static int count(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "tensor of shape " + Arrays.toString(shape) + " is too large");
    }
    return (int) n;
  }

  int elementCount() {
    return count(shape);
  }

  boolean isFloating() {
    return floats != null;
  }

  double doubleAt(int i) {
    return floats != null ? floats[i] : ints[i];
  }

  long longAt(int i) {
    return ints != null ? ints[i] : (long) floats[i];
  }

  /** The values as floats, converting integers. */
  float[] asFloats() {
    if (floats != null) {
      return floats;
    }
    float[] out = new float[ints.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = ints[i];
    }
    return out;
  }

  /** The values as ints (shape vectors, axes), converting. */
  int[] asInts() {
    int n = elementCount();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = (int) longAt(i);
    }
    return out;
  }

  /**
   * Decodes raw little-endian tensor bytes, the layout of tensor_content and of bundle shards.
   *
   * @throws IllegalArgumentException when the byte count does not fit the shape or the type has no
   *     fixed-size layout
   */
  static TensorValue fromRaw(DType type, int[] shape, byte[] data, int offset, int length) {
    int n = count(shape);
    if (type == DType.STRING) {
      return decodeStrings(shape, data, offset, length, n);
    }
    if (type.byteSize() == 0) {
      throw new IllegalArgumentException("type " + type + " has no raw layout");
    }
    if ((long) n * type.byteSize() != length) {
      throw new IllegalArgumentException(
          "holds "
              + length
              + " bytes but shape "
              + Arrays.toString(shape)
              + " of "
              + type
              + " needs "
              + (long) n * type.byteSize());
    }
    ByteBuffer b = ByteBuffer.wrap(data, offset, length).order(ByteOrder.LITTLE_ENDIAN);
    switch (type) {
      case FLOAT:
        {
          float[] f = new float[n];
          b.asFloatBuffer().get(f);
          return ofFloats(shape, f);
        }
      case DOUBLE:
        {
          float[] f = new float[n];
          for (int i = 0; i < n; i++) {
            f[i] = (float) b.getDouble(offset + 8 * i);
          }
          return ofFloats(shape, f);
        }
      case HALF:
        {
          float[] f = new float[n];
          for (int i = 0; i < n; i++) {
            f[i] = halfToFloat(b.getShort(offset + 2 * i));
          }
          return ofFloats(shape, f);
        }
      default:
        {
          long[] v = new long[n];
          for (int i = 0; i < n; i++) {
            int at = offset + type.byteSize() * i;
            switch (type) {
              case INT8:
                v[i] = b.get(at);
                break;
              case UINT8:
              case BOOL:
                v[i] = b.get(at) & 0xff;
                break;
              case INT16:
                v[i] = b.getShort(at);
                break;
              case INT32:
                v[i] = b.getInt(at);
                break;
              default:
                v[i] = b.getLong(at);
                break;
            }
          }
          return ofInts(type, shape, v);
        }
    }
  }

  static float halfToFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exp = (bits >>> 10) & 0x1f;
    int mant = bits & 0x3ff;
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    if (exp == 0) {
      float v = mant * 0x1p-24f;
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }

  /** Bundle string layout: varint lengths, a 4-byte checksum of them, then the bytes. */
  private static TensorValue decodeStrings(
      int[] shape, byte[] data, int offset, int length, int n) {
    int end = offset + length;
    int[] pos = {offset};
    long[] lengths = new long[n];
    for (int i = 0; i < n; i++) {
      lengths[i] = Snappy.readVarint(data, pos, end);
    }
    pos[0] += 4;
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (lengths[i] < 0 || pos[0] + lengths[i] > end) {
        throw new IllegalArgumentException("string element " + i + " runs past the tensor data");
      }
      out.add(Arrays.copyOfRange(data, pos[0], pos[0] + (int) lengths[i]));
      pos[0] += (int) lengths[i];
    }
    return ofStrings(shape, out);
  }
}
