package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.ShapeInference.requireConst;
import static dev.tinyml.savedmodel.ShapeInference.str;

import java.util.Arrays;

/**
 * Ops with several outputs that cut a tensor along one axis: {@code Unpack} (Keras' unrolled RNNs
 * take their time steps apart with it, and a GRU its stacked input and recurrent biases), {@code
 * Split} and {@code SplitV} (a recurrent cell's gates); and {@code Pack}, which stacks tensors
 * along a new axis (the step outputs of an unrolled RNN with return_sequences, and the shape
 * vectors Keras builds). Folded when the data is constant.
 */
final class SplittingShapes {
  private SplittingShapes() {}

  static void register(OpTable<ShapeRule> t) {
    t.add(SplittingShapes::unpack, "Unpack")
        .add(SplittingShapes::split, "Split")
        .add(SplittingShapes::splitV, "SplitV")
        .add(SplittingShapes::pack, "Pack");
  }

  /** The axis of a Pack, counted from the front of its output. */
  static int packAxis(Node n) {
    int rank = n.inputs.get(0).shape().length + 1;
    int axis = (int) Attrs.attr(n, "axis").getI();
    return axis < 0 ? axis + rank : axis;
  }

  private static boolean pack(Node n, boolean allConst) {
    if (allConst) {
      ShapeInference.set(n, Folding.pack(n.inputs, (int) Attrs.attr(n, "axis").getI()));
      return true;
    }
    int[] s = n.inputs.get(0).shape();
    for (Node.Port p : n.inputs) {
      if (!Arrays.equals(p.shape(), s)) {
        throw new IllegalArgumentException(
            "cannot stack " + str(s) + " with " + str(p.shape()) + ": the shapes differ");
      }
    }
    int axis = packAxis(n);
    if (axis < 0 || axis > s.length) {
      throw new IllegalArgumentException("axis is out of range for stacking " + str(s));
    }
    int[] shape = new int[s.length + 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      shape[i] = i == axis ? n.inputs.size() : s[j++];
    }
    ShapeInference.out(n, n.inputs.get(0).type(), shape);
    // Only float tensors lower; a stacked integer shape vector must fold.
    return n.inputs.get(0).type() == DType.FLOAT;
  }

  /** The axis of an Unpack, counted from the front. */
  static int unpackAxis(Node n) {
    int rank = n.inputs.get(0).shape().length;
    int axis = (int) Attrs.attr(n, "axis").getI();
    return axis < 0 ? axis + rank : axis;
  }

  /** The split axis of a Split (input 0) or SplitV (input 2), counted from the front. */
  static int splitAxis(Node n) {
    Node.Port data = data(n);
    int axis = (int) n.inputs.get(n.op.equals("Split") ? 0 : 2).value().longAt(0);
    return axis < 0 ? axis + data.shape().length : axis;
  }

  /** The tensor a Split or SplitV cuts. */
  static Node.Port data(Node n) {
    return n.inputs.get(n.op.equals("Split") ? 1 : 0);
  }

  private static boolean unpack(Node n, boolean allConst) {
    int[] s = n.inputs.get(0).shape();
    int axis = unpackAxis(n);
    if (axis < 0 || axis >= s.length || s[axis] != n.types.length) {
      throw new IllegalArgumentException(
          "cannot unpack " + str(s) + " into " + n.types.length + " along axis " + axis);
    }
    int[] sizes = new int[n.types.length];
    Arrays.fill(sizes, 1);
    int[] out = new int[s.length - 1];
    for (int i = 0, j = 0; i < s.length; i++) {
      if (i != axis) {
        out[j++] = s[i];
      }
    }
    pieces(n, n.inputs.get(0), axis, sizes, allConst, out);
    return true;
  }

  private static boolean split(Node n, boolean allConst) {
    requireConst(n, 0, "split axis");
    int[] s = data(n).shape();
    int axis = checkedAxis(n, s);
    int k = n.types.length;
    if (k == 0 || s[axis] % k != 0) {
      throw new IllegalArgumentException(
          "cannot split " + str(s) + " into " + k + " equal parts along axis " + axis);
    }
    int[] sizes = new int[k];
    Arrays.fill(sizes, s[axis] / k);
    pieces(n, data(n), axis, sizes, allConst, null);
    return true;
  }

  private static boolean splitV(Node n, boolean allConst) {
    requireConst(n, 1, "split sizes");
    requireConst(n, 2, "split axis");
    int[] s = data(n).shape();
    int axis = checkedAxis(n, s);
    int[] sizes = n.inputs.get(1).value().asInts().clone();
    int known = 0;
    int unknown = -1;
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] == -1 && unknown < 0) {
        unknown = i;
      } else {
        known += sizes[i];
      }
    }
    if (unknown >= 0) {
      sizes[unknown] = s[axis] - known;
    }
    if (sizes.length != n.types.length
        || Arrays.stream(sizes).sum() != s[axis]
        || Arrays.stream(sizes).anyMatch(v -> v < 0)) {
      throw new IllegalArgumentException(
          "sizes " + Arrays.toString(sizes) + " do not split " + str(s) + " along axis " + axis);
    }
    pieces(n, data(n), axis, sizes, allConst, null);
    return true;
  }

  private static int checkedAxis(Node n, int[] s) {
    int axis = splitAxis(n);
    if (axis < 0 || axis >= s.length) {
      throw new IllegalArgumentException("axis is out of range for " + str(s));
    }
    return axis;
  }

  /**
   * Sets each output's shape: {@code sizes[i]} along {@code axis}, or {@code unpacked} for every
   * output when the axis is dropped; and its value when the data is constant.
   */
  private static void pieces(
      Node n, Node.Port data, int axis, int[] sizes, boolean allConst, int[] unpacked) {
    int[] s = data.shape();
    int offset = 0;
    for (int i = 0; i < sizes.length; i++) {
      int[] piece = s.clone();
      piece[axis] = sizes[i];
      int[] shape = unpacked != null ? unpacked : piece;
      n.types[i] = data.type();
      n.shapes[i] = shape;
      if (allConst) {
        int[] begin = new int[s.length];
        begin[axis] = offset;
        n.values[i] = Folding.withShape(Folding.slice(data.value(), begin, piece), shape);
      }
      offset += sizes[i];
    }
  }
}
