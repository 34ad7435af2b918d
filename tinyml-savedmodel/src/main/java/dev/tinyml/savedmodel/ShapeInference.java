package dev.tinyml.savedmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * Static shapes, output types and constant folding for the TensorFlow ops the importer knows. A
 * node whose inputs are all constant and whose op can be computed here becomes a constant; that is
 * how the {@code Shape -> StridedSlice -> Pack -> Reshape} chains of Keras' Flatten and Reshape
 * disappear once the batch dimension is fixed.
 */
final class ShapeInference {
  private ShapeInference() {}

  /** Ops with several outputs, by output argument name (FunctionDef references name them). */
  static int outputIndex(String op, String outArg) {
    if (op.startsWith("FusedBatchNorm")) {
      List<String> names =
          List.of(
              "y",
              "batch_mean",
              "batch_variance",
              "reserve_space_1",
              "reserve_space_2",
              "reserve_space_3");
      int i = names.indexOf(outArg);
      return Math.max(i, 0);
    }
    return 0;
  }

  static int outputCount(NodeDef def) {
    switch (def.getOp()) {
      case "FusedBatchNorm":
      case "FusedBatchNormV2":
        return 5;
      case "FusedBatchNormV3":
        return 6;
      case "Unpack":
        return (int) def.getAttrOrDefault("num", AttrValue.getDefaultInstance()).getI();
      case "Split":
        return (int) def.getAttrOrDefault("num_split", AttrValue.getDefaultInstance()).getI();
      default:
        return 1;
    }
  }

  /**
   * Fills the node's output types and shapes (and values when it folds).
   *
   * @return false when the op is not one the importer can handle
   * @throws IllegalArgumentException when the op is known but its inputs do not fit
   */
  static boolean infer(Node n) {
    List<Node.Port> in = n.inputs;
    for (Node.Port p : in) {
      if (p.shape() == null) {
        // An upstream op is unsupported; it is reported already.
        Arrays.fill(n.types, DType.FLOAT);
        return true;
      }
    }
    boolean allConst = in.stream().allMatch(Node.Port::isConstant);
    switch (n.op) {
      case "Const":
        {
          TensorValue v = Constants.decode(attr(n, "value").getTensor());
          set(n, v);
          return true;
        }
      case "Shape":
        {
          int[] s = in.get(0).shape();
          long[] v = new long[s.length];
          for (int i = 0; i < s.length; i++) {
            v[i] = s[i];
          }
          DType t = typeAttr(n, "out_type", DType.INT32);
          set(n, TensorValue.ofInts(t, new int[] {s.length}, v));
          return true;
        }
      case "Size":
        set(n, TensorValue.ofInts(DType.INT32, new int[0], new long[] {count(in.get(0).shape())}));
        return true;
      case "Rank":
        set(n, TensorValue.ofInts(DType.INT32, new int[0], new long[] {in.get(0).shape().length}));
        return true;
      case "StridedSlice":
        if (!allConst) {
          return false;
        }
        set(
            n,
            Folding.stridedSlice(
                n, in.get(0).value(), in.get(1).value(), in.get(2).value(), in.get(3).value()));
        return true;
      case "Pack":
        if (!allConst) {
          return false;
        }
        set(n, Folding.pack(in, (int) attr(n, "axis").getI()));
        return true;
      case "Prod":
      case "Sum":
      case "Max":
      case "Min":
        if (!allConst) {
          return false;
        }
        set(n, Folding.reduce(n.op, in.get(0).value(), in.get(1).value(), keepDims(n)));
        return true;
      case "Cast":
        {
          DType to = typeAttr(n, "DstT", DType.FLOAT);
          if (allConst) {
            set(n, Folding.cast(in.get(0).value(), to));
            return true;
          }
          if (to != in.get(0).type()) {
            return false;
          }
          n.types[0] = to;
          n.shapes[0] = in.get(0).shape();
          return true;
        }
      case "Fill":
        if (!allConst) {
          return false;
        }
        set(n, Folding.fill(in.get(0).value().asInts(), in.get(1).value()));
        return true;
      case "Range":
        if (!allConst) {
          return false;
        }
        set(n, Folding.range(in.get(0).value(), in.get(1).value(), in.get(2).value()));
        return true;
      case "Transpose":
        if (!allConst) {
          return false;
        }
        set(n, Folding.transpose(in.get(0).value(), in.get(1).value().asInts()));
        return true;
      case "Reshape":
        {
          requireConst(n, 1, "new shape");
          int[] shape = reshape(in.get(0).shape(), in.get(1).value().asInts());
          if (allConst) {
            set(n, Folding.withShape(in.get(0).value(), shape));
          } else {
            out(n, in.get(0).type(), shape);
          }
          return true;
        }
      case "Squeeze":
        {
          int[] shape = squeeze(in.get(0).shape(), ints(n, "squeeze_dims"));
          if (allConst) {
            set(n, Folding.withShape(in.get(0).value(), shape));
          } else {
            out(n, in.get(0).type(), shape);
          }
          return true;
        }
      case "ExpandDims":
        {
          requireConst(n, 1, "axis");
          int[] s = in.get(0).shape();
          int axis = (int) in.get(1).value().longAt(0);
          if (axis < 0) {
            axis += s.length + 1;
          }
          if (axis < 0 || axis > s.length) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for " + str(s));
          }
          int[] shape = new int[s.length + 1];
          for (int i = 0, j = 0; i < shape.length; i++) {
            shape[i] = i == axis ? 1 : s[j++];
          }
          if (allConst) {
            set(n, Folding.withShape(in.get(0).value(), shape));
          } else {
            out(n, in.get(0).type(), shape);
          }
          return true;
        }
      case "ConcatV2":
        {
          int k = in.size() - 1;
          requireConst(n, k, "axis");
          int rank = in.get(0).shape().length;
          int axis = (int) in.get(k).value().longAt(0);
          if (axis < 0) {
            axis += rank;
          }
          if (allConst) {
            set(n, Folding.concat(in.subList(0, k), axis));
            return true;
          }
          int[] shape = in.get(0).shape().clone();
          for (int i = 1; i < k; i++) {
            int[] o = in.get(i).shape();
            if (o.length != rank) {
              throw new IllegalArgumentException(
                  "inputs of ranks " + rank + " and " + o.length + " cannot be concatenated");
            }
            shape[axis] += o[axis];
          }
          out(n, in.get(0).type(), shape);
          return true;
        }
      case "Add":
      case "AddV2":
      case "Sub":
      case "Mul":
      case "RealDiv":
      case "Maximum":
      case "Minimum":
      case "SquaredDifference":
      case "FloorDiv":
        {
          int[] shape = broadcast(in.get(0).shape(), in.get(1).shape());
          if (allConst) {
            set(n, Folding.binary(binaryOp(n.op), in.get(0).value(), in.get(1).value(), shape));
            return true;
          }
          out(n, in.get(0).type(), shape);
          return Lowered.LOWERED_BINARY.contains(n.op);
        }
      case "Rsqrt":
      case "Sqrt":
      case "Square":
      case "Neg":
      case "Exp":
      case "Log":
      case "Reciprocal":
      case "Relu":
      case "Relu6":
      case "Sigmoid":
      case "Tanh":
      case "LeakyRelu":
        {
          if (allConst) {
            set(n, Folding.unary(unaryOp(n), in.get(0).value()));
            return true;
          }
          out(n, in.get(0).type(), in.get(0).shape());
          return Lowered.LOWERED_UNARY.contains(n.op);
        }
      case "Softmax":
        out(n, in.get(0).type(), in.get(0).shape());
        return true;
      case "BiasAdd":
        {
          int[] s = in.get(0).shape();
          int[] b = in.get(1).shape();
          requireNhwc(n);
          if (b.length != 1 || s.length == 0 || b[0] != s[s.length - 1]) {
            throw new IllegalArgumentException("bias " + str(b) + " does not fit input " + str(s));
          }
          out(n, in.get(0).type(), s);
          return true;
        }
      case "MatMul":
        {
          int[] a = in.get(0).shape();
          int[] b = in.get(1).shape();
          boolean ta = attr(n, "transpose_a").getB();
          boolean tb = attr(n, "transpose_b").getB();
          if (a.length != 2 || b.length != 2) {
            throw new IllegalArgumentException(
                "needs 2-D operands, got " + str(a) + " and " + str(b));
          }
          int inner = ta ? a[0] : a[1];
          int innerB = tb ? b[1] : b[0];
          if (inner != innerB) {
            throw new IllegalArgumentException(
                "operands " + str(a) + " and " + str(b) + " do not fit");
          }
          out(n, DType.FLOAT, new int[] {ta ? a[1] : a[0], tb ? b[0] : b[1]});
          return !ta && in.get(1).isConstant();
        }
      case "Conv2D":
      case "DepthwiseConv2dNative":
        {
          requireNhwc(n);
          requireConst(n, 1, "filter");
          int[] x = in.get(0).shape();
          int[] f = in.get(1).shape();
          if (x.length != 4 || f.length != 4) {
            throw new IllegalArgumentException(
                "needs a 4-D input and filter, got " + str(x) + " and " + str(f));
          }
          int[] strides = ints(n, "strides");
          int[] dil =
              n.attrs.containsKey("dilations") ? ints(n, "dilations") : new int[] {1, 1, 1, 1};
          String padding = attr(n, "padding").getS().toStringUtf8();
          if (!padding.equals("SAME") && !padding.equals("VALID")) {
            return false;
          }
          boolean depthwise = n.op.equals("DepthwiseConv2dNative");
          if (f[2] != x[3]) {
            throw new IllegalArgumentException(
                "filter " + str(f) + " does not fit input " + str(x));
          }
          int channels = depthwise ? f[2] * f[3] : f[3];
          out(
              n,
              DType.FLOAT,
              new int[] {
                x[0],
                outSize(x[1], f[0], strides[1], dil[1], padding),
                outSize(x[2], f[1], strides[2], dil[2], padding),
                channels
              });
          return strides[0] == 1 && strides[3] == 1;
        }
      case "MaxPool":
      case "MaxPoolV2":
      case "AvgPool":
        {
          requireNhwc(n);
          int[] x = in.get(0).shape();
          if (n.op.equals("MaxPoolV2")) {
            requireConst(n, 1, "window size");
            requireConst(n, 2, "strides");
          }
          int[] k = poolWindow(n);
          int[] st = poolStrides(n);
          String padding = attr(n, "padding").getS().toStringUtf8();
          if (x.length != 4) {
            throw new IllegalArgumentException("needs a 4-D input, got " + str(x));
          }
          out(
              n,
              DType.FLOAT,
              new int[] {
                x[0],
                outSize(x[1], k[1], st[1], 1, padding),
                outSize(x[2], k[2], st[2], 1, padding),
                x[3]
              });
          return k[0] == 1 && k[3] == 1 && st[0] == 1 && st[3] == 1;
        }
      case "Mean":
        {
          requireConst(n, 1, "reduction axes");
          int[] x = in.get(0).shape();
          int[] axes = normalizeAxes(in.get(1).value().asInts(), x.length);
          boolean keep = keepDims(n);
          out(n, in.get(0).type(), reduced(x, axes, keep));
          return true;
        }
      case "Pad":
        {
          requireConst(n, 1, "paddings");
          int[] x = in.get(0).shape();
          int[] p = in.get(1).value().asInts();
          if (p.length != 2 * x.length) {
            throw new IllegalArgumentException(
                "paddings " + Arrays.toString(p) + " do not fit " + str(x));
          }
          int[] s = new int[x.length];
          for (int i = 0; i < s.length; i++) {
            s[i] = x[i] + p[2 * i] + p[2 * i + 1];
          }
          out(n, in.get(0).type(), s);
          return true;
        }
      case "FusedBatchNorm":
      case "FusedBatchNormV2":
      case "FusedBatchNormV3":
        {
          requireNhwc(n);
          for (int i = 1; i < 5; i++) {
            requireConst(n, i, "scale, offset, mean and variance");
          }
          if (attr(n, "is_training").getB()) {
            throw new IllegalArgumentException(
                "is in training mode (is_training=true); export the inference function of the model");
          }
          int[] x = in.get(0).shape();
          int c = x[x.length - 1];
          n.types[0] = DType.FLOAT;
          n.shapes[0] = x;
          for (int i = 1; i < n.types.length; i++) {
            n.types[i] = DType.FLOAT;
            n.shapes[i] = new int[] {c};
          }
          return true;
        }
      case "FakeQuantWithMinMaxVars":
        requireConst(n, 1, "min");
        requireConst(n, 2, "max");
        out(n, DType.FLOAT, in.get(0).shape());
        return true;
      case "FakeQuantWithMinMaxArgs":
        out(n, DType.FLOAT, in.get(0).shape());
        return true;
      default:
        Arrays.fill(n.types, DType.FLOAT);
        return false;
    }
  }

  /** The op sets that survive into lowering (others only fold). */
  private static final class Lowered {
    static final Set<String> LOWERED_BINARY = Set.of("Add", "AddV2", "Sub", "Mul");
    static final Set<String> LOWERED_UNARY =
        Set.of("Relu", "Relu6", "Sigmoid", "Tanh", "LeakyRelu");
  }

  private static DoubleBinaryOperator binaryOp(String op) {
    switch (op) {
      case "Add":
      case "AddV2":
        return Double::sum;
      case "Sub":
        return (a, b) -> a - b;
      case "Mul":
        return (a, b) -> a * b;
      case "RealDiv":
        return (a, b) -> a / b;
      case "Maximum":
        return Math::max;
      case "Minimum":
        return Math::min;
      case "SquaredDifference":
        return (a, b) -> (a - b) * (a - b);
      default:
        return (a, b) -> Math.floor(a / b);
    }
  }

  private static DoubleUnaryOperator unaryOp(Node n) {
    switch (n.op) {
      case "Rsqrt":
        return x -> 1 / Math.sqrt(x);
      case "Sqrt":
        return Math::sqrt;
      case "Square":
        return x -> x * x;
      case "Neg":
        return x -> -x;
      case "Exp":
        return Math::exp;
      case "Log":
        return Math::log;
      case "Reciprocal":
        return x -> 1 / x;
      case "Relu":
        return x -> Math.max(x, 0);
      case "Relu6":
        return x -> Math.min(Math.max(x, 0), 6);
      case "Sigmoid":
        return x -> 1 / (1 + Math.exp(-x));
      case "Tanh":
        return Math::tanh;
      default:
        {
          float alpha = n.attrs.containsKey("alpha") ? attr(n, "alpha").getF() : 0.2f;
          return x -> x < 0 ? alpha * x : x;
        }
    }
  }

  static int outSize(int in, int k, int stride, int dilation, String padding) {
    int effective = (k - 1) * dilation + 1;
    if (padding.equals("SAME")) {
      return (in + stride - 1) / stride;
    }
    return (in - effective + stride) / stride;
  }

  static int[] broadcast(int[] a, int[] b) {
    int r = Math.max(a.length, b.length);
    int[] s = new int[r];
    for (int i = 0; i < r; i++) {
      int da = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
      int db = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(
            "shapes " + str(a) + " and " + str(b) + " do not broadcast");
      }
      s[i] = da == 1 ? db : da;
    }
    return s;
  }

  static int[] reshape(int[] from, int[] to) {
    int total = count(from);
    int known = 1;
    int unknown = -1;
    int[] s = to.clone();
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException("new shape " + Arrays.toString(to) + " has two -1");
        }
        unknown = i;
      } else {
        known *= s[i];
      }
    }
    if (unknown >= 0) {
      if (known == 0 || total % known != 0) {
        throw new IllegalArgumentException(
            "cannot reshape " + str(from) + " to " + Arrays.toString(to));
      }
      s[unknown] = total / known;
    } else if (known != total) {
      throw new IllegalArgumentException(
          "cannot reshape " + str(from) + " to " + Arrays.toString(to));
    }
    return s;
  }

  static int[] squeeze(int[] s, int[] dims) {
    List<Integer> out = new ArrayList<>();
    int[] d = normalizeAxes(dims, s.length);
    for (int i = 0; i < s.length; i++) {
      final int axis = i;
      boolean listed = Arrays.stream(d).anyMatch(x -> x == axis);
      if (d.length == 0 ? s[i] == 1 : listed) {
        if (s[i] != 1) {
          throw new IllegalArgumentException("cannot squeeze dimension " + i + " of " + str(s));
        }
      } else {
        out.add(s[i]);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  static int[] normalizeAxes(int[] axes, int rank) {
    int[] out = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      out[i] = axes[i] < 0 ? axes[i] + rank : axes[i];
      if (out[i] < 0 || out[i] >= rank) {
        throw new IllegalArgumentException("axis " + axes[i] + " is out of range for rank " + rank);
      }
    }
    return out;
  }

  static int[] reduced(int[] x, int[] axes, boolean keep) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      final int axis = i;
      if (Arrays.stream(axes).anyMatch(a -> a == axis)) {
        if (keep) {
          out.add(1);
        }
      } else {
        out.add(x[i]);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  static int count(int[] s) {
    return TensorValue.count(s);
  }

  static String str(int[] s) {
    return Arrays.toString(s);
  }

  static AttrValue attr(Node n, String name) {
    return n.attrs.getOrDefault(name, AttrValue.getDefaultInstance());
  }

  static boolean keepDims(Node n) {
    Map<String, AttrValue> a = n.attrs;
    return a.containsKey("keep_dims") ? a.get("keep_dims").getB() : attr(n, "keepdims").getB();
  }

  /** Pool window [1, h, w, 1]: an attribute, or a constant input for MaxPoolV2. */
  static int[] poolWindow(Node n) {
    return n.op.equals("MaxPoolV2") ? n.inputs.get(1).value().asInts() : ints(n, "ksize");
  }

  static int[] poolStrides(Node n) {
    return n.op.equals("MaxPoolV2") ? n.inputs.get(2).value().asInts() : ints(n, "strides");
  }

  static int[] ints(Node n, String name) {
    return attr(n, name).getList().getIList().stream().mapToInt(Long::intValue).toArray();
  }

  private static DType typeAttr(Node n, String name, DType dflt) {
    AttrValue a = n.attrs.get(name);
    return a == null ? dflt : DType.of(a.getType());
  }

  private static void requireNhwc(Node n) {
    AttrValue f = n.attrs.get("data_format");
    if (f != null
        && !f.getS().toStringUtf8().isEmpty()
        && !f.getS().toStringUtf8().equals("NHWC")) {
      throw new IllegalArgumentException(
          "uses data format "
              + f.getS().toStringUtf8()
              + "; only NHWC (channels last) is supported. "
              + "Build the model with channels_last (the Keras default on CPU)");
    }
  }

  private static void requireConst(Node n, int input, String what) {
    if (input >= n.inputs.size() || !n.inputs.get(input).isConstant()) {
      throw new IllegalArgumentException(
          "its "
              + what
              + " (input "
              + input
              + ") is not a constant after folding; the importer needs "
              + "it known at import time");
    }
  }

  private static void out(Node n, DType type, int[] shape) {
    n.types[0] = type;
    n.shapes[0] = shape;
  }

  private static void set(Node n, TensorValue v) {
    n.types[0] = v.type();
    n.shapes[0] = v.shape();
    n.values[0] = v;
  }
}
