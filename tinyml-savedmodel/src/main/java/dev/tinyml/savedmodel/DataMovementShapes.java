package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.ShapeInference.out;
import static dev.tinyml.savedmodel.ShapeInference.requireConst;
import static dev.tinyml.savedmodel.ShapeInference.set;
import static dev.tinyml.savedmodel.ShapeInference.str;

import java.util.Arrays;
import java.util.List;

/**
 * Ops that move data without computing on it: reshapes, transposes, concatenation, padding, image
 * resizing.
 */
final class DataMovementShapes {
  private DataMovementShapes() {}

  static void register(OpTable<ShapeRule> t) {
    t.add(DataMovementShapes::transpose, "Transpose")
        .add(
            (n, allConst) -> {
              requireConst(n, 1, "new shape");
              int[] to = n.inputs.get(1).value().asInts();
              return reshaped(n, ShapeInference.reshape(n.inputs.get(0).shape(), to), allConst);
            },
            "Reshape")
        .add(
            (n, allConst) -> {
              int[] dims = Attrs.ints(n, "squeeze_dims");
              return reshaped(n, ShapeInference.squeeze(n.inputs.get(0).shape(), dims), allConst);
            },
            "Squeeze")
        .add(DataMovementShapes::expandDims, "ExpandDims")
        .add(DataMovementShapes::concat, "ConcatV2")
        .add(DataMovementShapes::pad, "Pad", "PadV2")
        .add(DataMovementShapes::resize, "ResizeNearestNeighbor", "ResizeBilinear");
  }

  /** The input's values under a new shape: a constant when the input is one. */
  private static boolean reshaped(Node n, int[] shape, boolean allConst) {
    if (allConst) {
      set(n, Folding.withShape(n.inputs.get(0).value(), shape));
    } else {
      out(n, n.inputs.get(0).type(), shape);
    }
    return true;
  }

  private static boolean transpose(Node n, boolean allConst) {
    List<Node.Port> in = n.inputs;
    requireConst(n, 1, "permutation");
    int[] perm = in.get(1).value().asInts();
    int[] s = in.get(0).shape();
    if (!isPermutation(perm, s.length)) {
      throw new IllegalArgumentException(
          "permutation " + Arrays.toString(perm) + " does not fit " + str(s));
    }
    if (allConst) {
      set(n, Folding.transpose(in.get(0).value(), perm));
      return true;
    }
    int[] shape = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      shape[i] = s[perm[i]];
    }
    out(n, in.get(0).type(), shape);
    return true;
  }

  private static boolean isPermutation(int[] perm, int rank) {
    boolean[] seen = new boolean[rank];
    for (int p : perm) {
      if (p < 0 || p >= rank || seen[p]) {
        return false;
      }
      seen[p] = true;
    }
    return perm.length == rank;
  }

  /** Whether the permutation keeps every axis where it is (Keras' Tensordot uses one). */
  static boolean isIdentity(int[] perm) {
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] != i) {
        return false;
      }
    }
    return true;
  }

  private static boolean expandDims(Node n, boolean allConst) {
    requireConst(n, 1, "axis");
    int[] s = n.inputs.get(0).shape();
    int axis = (int) n.inputs.get(1).value().longAt(0);
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
    return reshaped(n, shape, allConst);
  }

  private static boolean concat(Node n, boolean allConst) {
    List<Node.Port> in = n.inputs;
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

  private static boolean pad(Node n, boolean allConst) {
    List<Node.Port> in = n.inputs;
    requireConst(n, 1, "paddings");
    if (n.op.equals("PadV2")) {
      requireConst(n, 2, "padding value");
      if (in.get(2).value().doubleAt(0) != 0) {
        // TFLite Micro has no PADV2 kernel here; only zero padding lowers.
        return ShapeInference.unsupported(n);
      }
    }
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

  /** Keras' UpSampling2D and Resizing: NHWC images to a constant [height, width]. */
  private static boolean resize(Node n, boolean allConst) {
    requireConst(n, 1, "size");
    int[] x = n.inputs.get(0).shape();
    int[] size = n.inputs.get(1).value().asInts();
    if (x.length != 4 || size.length != 2) {
      throw new IllegalArgumentException(
          "needs a 4-D input and a size of 2, got " + str(x) + " and " + Arrays.toString(size));
    }
    out(n, DType.FLOAT, new int[] {x[0], size[0], size[1], x[3]});
    return true;
  }
}
