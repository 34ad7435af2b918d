package dev.tinyml.interp;

import dev.tinyml.ops.kernels.FixedPoint;
import dev.tinyml.tflite.TensorType;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Typed access to one input or output tensor of an {@link Interpreter}. Setters check the element
 * type and count and fail with a message naming the tensor; getters return copies.
 */
public final class TensorBuffer {

  private final TensorInfo info;
  private final String role;
  private final Object array;

  TensorBuffer(TensorInfo info, String role, Object array) {
    this.info = info;
    this.role = role;
    this.array = array;
  }

  /** Name, type, shape and quantization of the tensor. */
  public TensorInfo info() {
    return info;
  }

  private InterpreterException wrongType(String method, TensorType needed) {
    return new InterpreterException(
        role
            + " "
            + info.describe()
            + " holds "
            + info.type()
            + "; "
            + method
            + " needs a "
            + needed
            + " tensor");
  }

  private void checkLength(int got) {
    if (got != info.elementCount()) {
      throw new InterpreterException(
          role + " " + info.describe() + " has " + info.elementCount() + " elements, got " + got);
    }
  }

  /** Sets an INT8 tensor. */
  public TensorBuffer setInt8(byte[] values) {
    return copyIn("setInt8", TensorType.INT8, values, values.length);
  }

  /** Sets an INT16 tensor. */
  public TensorBuffer setInt16(short[] values) {
    return copyIn("setInt16", TensorType.INT16, values, values.length);
  }

  /** Sets an INT32 tensor. */
  public TensorBuffer setInt32(int[] values) {
    return copyIn("setInt32", TensorType.INT32, values, values.length);
  }

  /** Sets a FLOAT32 tensor. */
  public TensorBuffer setFloat(float[] values) {
    return copyIn("setFloat", TensorType.FLOAT32, values, values.length);
  }

  /** Checks the type and length the setter {@code method} needs, then copies {@code values} in. */
  private TensorBuffer copyIn(String method, TensorType needed, Object values, int length) {
    if (info.type() != needed) {
      throw wrongType(method, needed);
    }
    checkLength(length);
    System.arraycopy(values, 0, array, 0, length);
    return this;
  }

  /** Sets the tensor from its raw little-endian bytes (exactly the tensor's byte size). */
  public TensorBuffer setBytes(byte[] littleEndian) {
    return set(ByteBuffer.wrap(littleEndian));
  }

  /** Sets the tensor from the remaining bytes of {@code data}, read little-endian. */
  public TensorBuffer set(ByteBuffer data) {
    int need = info.elementCount() * TensorArrays.elementBytes(array);
    if (data.remaining() != need) {
      throw new InterpreterException(
          role + " " + info.describe() + " needs " + need + " bytes, got " + data.remaining());
    }
    TensorArrays.fill(array, data.duplicate().order(ByteOrder.LITTLE_ENDIAN));
    return this;
  }

  /**
   * Sets the tensor from real values: quantized with the tensor's scale and zero point (rounding
   * half away from zero, saturating) for integer tensors, copied for float tensors.
   */
  public TensorBuffer setReal(double[] values) {
    checkLength(values.length);
    if (array instanceof float[] f) {
      for (int i = 0; i < values.length; i++) {
        f[i] = (float) values[i];
      }
      return this;
    }
    if (!info.quantized()) {
      throw new InterpreterException(
          role + " " + info.describe() + " is not quantized; give its raw integer values instead");
    }
    for (int i = 0; i < values.length; i++) {
      long q = (long) FixedPoint.roundHalfAway((float) values[i] / info.scale()) + info.zeroPoint();
      if (array instanceof byte[] b) {
        b[i] = (byte) Math.max(-128, Math.min(127, q));
      } else if (array instanceof short[] s) {
        s[i] = (short) Math.max(-32768, Math.min(32767, q));
      } else if (array instanceof int[] v) {
        v[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, q));
      } else {
        ((long[]) array)[i] = q;
      }
    }
    return this;
  }

  /** A copy of an INT8 tensor. */
  public byte[] int8() {
    return (byte[]) copyOut("int8()", TensorType.INT8);
  }

  /** A copy of an INT16 tensor. */
  public short[] int16() {
    return (short[]) copyOut("int16()", TensorType.INT16);
  }

  /** A copy of an INT32 tensor. */
  public int[] int32() {
    return (int[]) copyOut("int32()", TensorType.INT32);
  }

  /** A copy of a FLOAT32 tensor. */
  public float[] floats() {
    return (float[]) copyOut("floats()", TensorType.FLOAT32);
  }

  /** Checks the type the getter {@code method} needs, then copies the array out. */
  private Object copyOut(String method, TensorType needed) {
    if (info.type() != needed) {
      throw wrongType(method, needed);
    }
    int length = Array.getLength(array);
    Object copy = Array.newInstance(array.getClass().getComponentType(), length);
    System.arraycopy(array, 0, copy, 0, length);
    return copy;
  }

  /** The raw little-endian bytes. */
  public byte[] bytes() {
    return TensorArrays.encode(array);
  }

  /**
   * Every element as a double (integers exactly up to 2^53; UINT8 and UINT32 as unsigned, UINT64 as
   * unsigned rounded to double).
   */
  public double[] values() {
    int n = info.elementCount();
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] =
          switch (info.type()) {
            case UINT8 -> ((byte[]) array)[i] & 0xFF;
            case UINT32 -> Integer.toUnsignedLong(((int[]) array)[i]);
            case UINT64 -> unsigned(((long[]) array)[i]);
            default -> TensorArrays.get(array, i);
          };
    }
    return v;
  }

  private static double unsigned(long x) {
    return x >= 0 ? x : (double) (x >>> 1) * 2 + (x & 1);
  }

  /**
   * Real values: {@code scale * (q - zeroPoint)} for quantized tensors (computed in double and
   * rounded to float, as DEQUANTIZE does), the values themselves otherwise.
   */
  public float[] dequantized() {
    double[] v = values();
    float[] r = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] =
          info.quantized()
              ? (float) ((double) info.scale() * (v[i] - info.zeroPoint()))
              : (float) v[i];
    }
    return r;
  }
}
