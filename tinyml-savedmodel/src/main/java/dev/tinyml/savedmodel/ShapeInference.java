package dev.tinyml.savedmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * Static shapes, output types and constant folding for the TensorFlow ops the importer knows. A
 * node whose inputs are all constant and whose op can be computed here becomes a constant; that is
 * how the {@code Shape -> StridedSlice -> Pack -> Reshape} chains of Keras' Flatten and Reshape
 * disappear once the batch dimension is fixed.
 *
 * <p>This class dispatches each node to the rule its op family registers in {@link OpTables}
 * ({@link FoldedOpShapes}, {@link DataMovementShapes}, {@link ElementwiseShapes}, {@link
 * ConvolutionShapes}, {@link PoolAndReduceShapes}) and holds the shape arithmetic they share.
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
      case "SplitV":
        return (int) def.getAttrOrDefault("num_split", AttrValue.getDefaultInstance()).getI();
      case "While":
      case "StatelessWhile":
        // One output per loop variable; reported as unsupported, with a hint, but readable.
        return def.getAttrOrDefault("T", AttrValue.getDefaultInstance()).getList().getTypeCount();
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
    for (Node.Port p : n.inputs) {
      if (p.shape() == null) {
        // An upstream op is unsupported and reported; report this one too if it is unknown.
        Arrays.fill(n.types, DType.FLOAT);
        return OpTables.LOWERINGS.get(n.op) != null;
      }
    }
    boolean allConst = n.inputs.stream().allMatch(Node.Port::isConstant);
    ShapeRule rule = OpTables.SHAPE_RULES.get(n.op);
    return rule == null ? unsupported(n) : rule.infer(n, allConst);
  }

  /** Marks a node the importer cannot handle: float outputs of unknown shape. */
  static boolean unsupported(Node n) {
    Arrays.fill(n.types, DType.FLOAT);
    return false;
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

  static void requireConst(Node n, int input, String what) {
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

  static void out(Node n, DType type, int[] shape) {
    n.types[0] = type;
    n.shapes[0] = shape;
  }

  static void set(Node n, TensorValue v) {
    n.types[0] = v.type();
    n.shapes[0] = v.shape();
    n.values[0] = v;
  }
}
