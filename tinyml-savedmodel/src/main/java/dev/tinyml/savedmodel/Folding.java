package dev.tinyml.savedmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** Computes constant ops at import time (plain loops over the flat value arrays). */
final class Folding {
  private Folding() {}

  static TensorValue withShape(TensorValue v, int[] shape) {
    return new TensorValue(v.type(), shape.clone(), v.floats(), v.ints(), v.strings());
  }

  static TensorValue of(DType type, int[] shape, double[] values) {
    if (type.isFloating()) {
      float[] f = new float[values.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) values[i];
      }
      return TensorValue.ofFloats(shape, f);
    }
    long[] l = new long[values.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = (long) values[i];
    }
    return TensorValue.ofInts(type, shape, l);
  }

  static TensorValue cast(TensorValue v, DType to) {
    double[] d = new double[v.elementCount()];
    for (int i = 0; i < d.length; i++) {
      d[i] = v.doubleAt(i);
      if (to == DType.BOOL) {
        d[i] = d[i] != 0 ? 1 : 0;
      }
    }
    if (to.isFloating()) {
      return of(DType.FLOAT, v.shape(), d);
    }
    return of(to, v.shape(), d);
  }

  static TensorValue unary(DoubleUnaryOperator f, TensorValue v) {
    double[] d = new double[v.elementCount()];
    for (int i = 0; i < d.length; i++) {
      d[i] = f.applyAsDouble(v.doubleAt(i));
    }
    return of(v.type(), v.shape(), d);
  }

  static TensorValue binary(DoubleBinaryOperator f, TensorValue a, TensorValue b, int[] shape) {
    int n = TensorValue.count(shape);
    double[] d = new double[n];
    int[] idx = new int[shape.length];
    for (int i = 0; i < n; i++) {
      d[i] =
          f.applyAsDouble(
              a.doubleAt(broadcastIndex(idx, a.shape())),
              b.doubleAt(broadcastIndex(idx, b.shape())));
      increment(idx, shape);
    }
    if (!a.type().isFloating() && !b.type().isFloating()) {
      return of(a.type(), shape, d);
    }
    return of(DType.FLOAT, shape, d);
  }

  private static int broadcastIndex(int[] idx, int[] s) {
    int off = idx.length - s.length;
    int flat = 0;
    for (int i = 0; i < s.length; i++) {
      flat = flat * s[i] + (s[i] == 1 ? 0 : idx[off + i]);
    }
    return flat;
  }

  private static void increment(int[] idx, int[] shape) {
    for (int i = idx.length - 1; i >= 0; i--) {
      if (++idx[i] < shape[i]) {
        return;
      }
      idx[i] = 0;
    }
  }

  static TensorValue pack(List<Node.Port> in, int axis) {
    int[] s = in.get(0).shape();
    int rank = s.length + 1;
    int ax = axis < 0 ? axis + rank : axis;
    int[] shape = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      shape[i] = i == ax ? in.size() : s[j++];
    }
    int outer = 1;
    for (int i = 0; i < ax; i++) {
      outer *= s[i];
    }
    int inner = TensorValue.count(s) / Math.max(outer, 1);
    if (TensorValue.count(s) == 0) {
      inner = 0;
    }
    double[] d = new double[TensorValue.count(shape)];
    int o = 0;
    for (int i = 0; i < outer; i++) {
      for (Node.Port p : in) {
        for (int j = 0; j < inner; j++) {
          d[o++] = p.value().doubleAt(i * inner + j);
        }
      }
    }
    return of(in.get(0).type(), shape, d);
  }

  static TensorValue concat(List<Node.Port> in, int axis) {
    int[] shape = in.get(0).shape().clone();
    for (int i = 1; i < in.size(); i++) {
      shape[axis] += in.get(i).shape()[axis];
    }
    int outer = 1;
    for (int i = 0; i < axis; i++) {
      outer *= shape[i];
    }
    double[] d = new double[TensorValue.count(shape)];
    int o = 0;
    for (int i = 0; i < outer; i++) {
      for (Node.Port p : in) {
        int chunk = TensorValue.count(p.shape()) / Math.max(outer, 1);
        for (int j = 0; j < chunk; j++) {
          d[o++] = p.value().doubleAt(i * chunk + j);
        }
      }
    }
    return of(in.get(0).type(), shape, d);
  }

  /** tf.gather(params, indices, axis) (Keras' Tensordot gathers dimensions of a shape vector). */
  static TensorValue gather(TensorValue params, TensorValue indices, int axis) {
    int[] s = params.shape();
    int ax = axis < 0 ? axis + s.length : axis;
    if (ax < 0 || ax >= s.length) {
      throw new IllegalArgumentException(
          "gather axis " + axis + " is out of range for " + Arrays.toString(s));
    }
    int[] idx = indices.asInts();
    int outer = 1;
    for (int i = 0; i < ax; i++) {
      outer *= s[i];
    }
    int inner = 1;
    for (int i = ax + 1; i < s.length; i++) {
      inner *= s[i];
    }
    int[] is = indices.shape();
    int[] shape = new int[s.length - 1 + is.length];
    int k = 0;
    for (int i = 0; i < ax; i++) {
      shape[k++] = s[i];
    }
    for (int d : is) {
      shape[k++] = d;
    }
    for (int i = ax + 1; i < s.length; i++) {
      shape[k++] = s[i];
    }
    double[] d = new double[outer * idx.length * inner];
    int o = 0;
    for (int a = 0; a < outer; a++) {
      for (int j : idx) {
        if (j < 0 || j >= s[ax]) {
          throw new IllegalArgumentException(
              "gather index " + j + " is out of range [0, " + s[ax] + ")");
        }
        for (int b = 0; b < inner; b++) {
          d[o++] = params.doubleAt((a * s[ax] + j) * inner + b);
        }
      }
    }
    return of(params.type(), shape, d);
  }

  /** tf.slice(input, begin, size) with size -1 meaning "to the end". */
  static TensorValue slice(TensorValue v, int[] begin, int[] size) {
    int[] s = v.shape();
    if (begin.length != s.length || size.length != s.length) {
      throw new IllegalArgumentException("slice begin/size do not match rank " + s.length);
    }
    int[] count = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      count[i] = size[i] == -1 ? s[i] - begin[i] : size[i];
      if (begin[i] < 0 || count[i] < 0 || begin[i] + count[i] > s[i]) {
        throw new IllegalArgumentException("slice is out of range for " + Arrays.toString(s));
      }
    }
    int[] strides = new int[s.length];
    int acc = 1;
    for (int i = s.length - 1; i >= 0; i--) {
      strides[i] = acc;
      acc *= s[i];
    }
    int total = TensorValue.count(count);
    double[] d = new double[total];
    int[] idx = new int[s.length];
    for (int i = 0; i < total; i++) {
      int src = 0;
      for (int k = 0; k < s.length; k++) {
        src += (begin[k] + idx[k]) * strides[k];
      }
      d[i] = v.doubleAt(src);
      increment(idx, count);
    }
    return of(v.type(), count, d);
  }

  static TensorValue fill(int[] shape, TensorValue scalar) {
    double[] d = new double[TensorValue.count(shape)];
    Arrays.fill(d, scalar.doubleAt(0));
    return of(scalar.type(), shape, d);
  }

  static TensorValue range(TensorValue start, TensorValue limit, TensorValue delta) {
    List<Double> v = new ArrayList<>();
    double s = start.doubleAt(0);
    double l = limit.doubleAt(0);
    double dl = delta.doubleAt(0);
    if (dl == 0) {
      throw new IllegalArgumentException("Range with delta 0");
    }
    for (double x = s; dl > 0 ? x < l : x > l; x += dl) {
      v.add(x);
    }
    return of(
        start.type(), new int[] {v.size()}, v.stream().mapToDouble(Double::doubleValue).toArray());
  }

  static TensorValue transpose(TensorValue v, int[] perm) {
    int[] s = v.shape();
    int[] shape = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      shape[i] = s[perm[i]];
    }
    int[] strides = new int[s.length];
    int st = 1;
    for (int i = s.length - 1; i >= 0; i--) {
      strides[i] = st;
      st *= s[i];
    }
    int n = v.elementCount();
    double[] d = new double[n];
    int[] idx = new int[s.length];
    for (int i = 0; i < n; i++) {
      int src = 0;
      for (int k = 0; k < s.length; k++) {
        src += idx[k] * strides[perm[k]];
      }
      d[i] = v.doubleAt(src);
      increment(idx, shape);
    }
    return of(v.type(), shape, d);
  }

  static TensorValue reduce(String op, TensorValue v, TensorValue axesValue, boolean keep) {
    int[] s = v.shape();
    int[] axes = ShapeInference.normalizeAxes(axesValue.asInts(), s.length);
    int[] shape = ShapeInference.reduced(s, axes, keep);
    int[] keptShape = ShapeInference.reduced(s, axes, true);
    int n = TensorValue.count(shape);
    double[] d = new double[n];
    boolean[] seen = new boolean[n];
    int[] idx = new int[s.length];
    for (int i = 0; i < v.elementCount(); i++) {
      int o = 0;
      for (int k = 0; k < s.length; k++) {
        o = o * keptShape[k] + (keptShape[k] == 1 && s[k] != 1 ? 0 : idx[k]);
      }
      double x = v.doubleAt(i);
      if (!seen[o]) {
        d[o] = x;
        seen[o] = true;
      } else {
        switch (op) {
          case "Prod":
            d[o] *= x;
            break;
          case "Sum":
            d[o] += x;
            break;
          case "Max":
            d[o] = Math.max(d[o], x);
            break;
          default:
            d[o] = Math.min(d[o], x);
            break;
        }
      }
      increment(idx, s);
    }
    if (op.equals("Prod")) {
      for (int i = 0; i < n; i++) {
        if (!seen[i]) {
          d[i] = 1;
        }
      }
    }
    return of(v.type(), shape, d);
  }

  /** tf.strided_slice with begin/end/shrink/new-axis masks (no ellipsis). */
  static TensorValue stridedSlice(
      Node n, TensorValue v, TensorValue b, TensorValue e, TensorValue st) {
    int beginMask = (int) Attrs.attr(n, "begin_mask").getI();
    int endMask = (int) Attrs.attr(n, "end_mask").getI();
    int shrinkMask = (int) Attrs.attr(n, "shrink_axis_mask").getI();
    int newAxisMask = (int) Attrs.attr(n, "new_axis_mask").getI();
    if (Attrs.attr(n, "ellipsis_mask").getI() != 0 || newAxisMask != 0) {
      throw new IllegalArgumentException(
          "StridedSlice with ellipsis or new-axis masks is not supported");
    }
    int[] s = v.shape();
    int[] begin = b.asInts();
    int[] end = e.asInts();
    int[] stride = st.asInts();
    int r = s.length;
    int[] start = new int[r];
    int[] count = new int[r];
    int[] step = new int[r];
    List<Integer> outShape = new ArrayList<>();
    for (int i = 0; i < r; i++) {
      int dim = s[i];
      if (i >= begin.length) {
        start[i] = 0;
        count[i] = dim;
        step[i] = 1;
        outShape.add(dim);
        continue;
      }
      int sp = stride[i];
      if (sp == 0) {
        throw new IllegalArgumentException("StridedSlice stride 0");
      }
      boolean shrink = (shrinkMask >> i & 1) != 0;
      int bg = begin[i] < 0 ? begin[i] + dim : begin[i];
      if (shrink) {
        if (bg < 0 || bg >= dim) {
          throw new IllegalArgumentException(
              "StridedSlice index " + begin[i] + " out of range " + dim);
        }
        start[i] = bg;
        count[i] = 1;
        step[i] = 1;
        continue;
      }
      int en = end[i] < 0 ? end[i] + dim : end[i];
      if ((beginMask >> i & 1) != 0) {
        bg = sp > 0 ? 0 : dim - 1;
      }
      if ((endMask >> i & 1) != 0) {
        en = sp > 0 ? dim : -1;
      }
      if (sp > 0) {
        bg = Math.max(0, Math.min(bg, dim));
        en = Math.max(0, Math.min(en, dim));
      } else {
        bg = Math.max(-1, Math.min(bg, dim - 1));
        en = Math.max(-1, Math.min(en, dim - 1));
      }
      int c = sp > 0 ? Math.max(0, (en - bg + sp - 1) / sp) : Math.max(0, (bg - en - sp - 1) / -sp);
      start[i] = bg;
      count[i] = c;
      step[i] = sp;
      outShape.add(c);
    }
    int total = 1;
    for (int c : count) {
      total *= c;
    }
    double[] d = new double[total];
    int[] idx = new int[r];
    int[] strides = new int[r];
    int acc = 1;
    for (int i = r - 1; i >= 0; i--) {
      strides[i] = acc;
      acc *= s[i];
    }
    for (int i = 0; i < total; i++) {
      int src = 0;
      for (int k = 0; k < r; k++) {
        src += (start[k] + idx[k] * step[k]) * strides[k];
      }
      d[i] = v.doubleAt(src);
      increment(idx, count);
    }
    return of(v.type(), outShape.stream().mapToInt(Integer::intValue).toArray(), d);
  }
}
