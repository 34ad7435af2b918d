package dev.tinyml.savedmodel;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.TensorProto;

/** Decodes {@link TensorProto} constants: raw {@code tensor_content} or the typed value lists. */
final class Constants {
  private Constants() {}

  static TensorValue decode(TensorProto t) {
    DType type = DType.of(t.getDtype());
    int[] shape = TensorBundle.shapeOf(t.getTensorShape());
    int n = TensorValue.count(shape);
    if (!t.getTensorContent().isEmpty()) {
      byte[] raw = t.getTensorContent().toByteArray();
      return TensorValue.fromRaw(type, shape, raw, 0, raw.length);
    }
    switch (type) {
      case FLOAT:
        return TensorValue.ofFloats(shape, fill(n, t.getFloatValCount(), i -> t.getFloatVal(i)));
      case DOUBLE:
        return TensorValue.ofFloats(
            shape, fill(n, t.getDoubleValCount(), i -> (float) t.getDoubleVal(i)));
      case HALF:
        return TensorValue.ofFloats(
            shape,
            fill(n, t.getHalfValCount(), i -> TensorValue.halfToFloat((short) t.getHalfVal(i))));
      case INT64:
        return TensorValue.ofInts(type, shape, fillLong(n, t.getInt64ValCount(), t::getInt64Val));
      case BOOL:
        return TensorValue.ofInts(
            type, shape, fillLong(n, t.getBoolValCount(), i -> t.getBoolVal(i) ? 1 : 0));
      case INT8:
      case UINT8:
      case INT16:
      case INT32:
        return TensorValue.ofInts(type, shape, fillLong(n, t.getIntValCount(), t::getIntVal));
      case STRING:
        {
          List<byte[]> out = new ArrayList<>();
          for (ByteString b : t.getStringValList()) {
            out.add(b.toByteArray());
          }
          while (out.size() < n && !out.isEmpty()) {
            out.add(out.get(out.size() - 1));
          }
          return TensorValue.ofStrings(shape, out);
        }
      default:
        throw new IllegalArgumentException(
            "constant of type " + DType.tfName(t.getDtype()) + " is not supported");
    }
  }

  private interface FloatAt {
    float at(int i);
  }

  private interface LongAt {
    long at(int i);
  }

  /** TensorFlow repeats the last listed value to fill the shape (often one value for all). */
  private static float[] fill(int n, int given, FloatAt at) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = given == 0 ? 0f : at.at(Math.min(i, given - 1));
    }
    return v;
  }

  private static long[] fillLong(int n, int given, LongAt at) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = given == 0 ? 0L : at.at(Math.min(i, given - 1));
    }
    return v;
  }
}
