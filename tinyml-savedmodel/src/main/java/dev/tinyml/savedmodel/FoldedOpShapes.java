package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.ShapeInference.count;
import static dev.tinyml.savedmodel.ShapeInference.set;

import java.util.List;

/**
 * Ops computed at import time only: constants, shape queries, and the slicing, packing, gathering
 * and filling Keras does on shape vectors. A node of these ops whose inputs are not all constant is
 * unsupported (Cast also lowers when it keeps the type; Pack, in {@link SplittingShapes}, when it
 * stacks float tensors).
 */
final class FoldedOpShapes {
  private FoldedOpShapes() {}

  static void register(OpTable<ShapeRule> t) {
    t.add(
            (n, allConst) -> {
              set(n, Constants.decode(Attrs.attr(n, "value").getTensor()));
              return true;
            },
            "Const")
        .add(FoldedOpShapes::shape, "Shape")
        .add(
            (n, allConst) -> {
              int[] s = n.inputs.get(0).shape();
              set(n, TensorValue.ofInts(DType.INT32, new int[0], new long[] {count(s)}));
              return true;
            },
            "Size")
        .add(
            (n, allConst) -> {
              int[] s = n.inputs.get(0).shape();
              set(n, TensorValue.ofInts(DType.INT32, new int[0], new long[] {s.length}));
              return true;
            },
            "Rank")
        .add(folded(FoldedOpShapes::stridedSlice), "StridedSlice")
        .add(folded(FoldedOpShapes::gather), "GatherV2")
        .add(folded(FoldedOpShapes::slice), "Slice")
        .add(folded(n -> Folding.fill(value(n, 0).asInts(), value(n, 1))), "Fill")
        .add(folded(n -> Folding.range(value(n, 0), value(n, 1), value(n, 2))), "Range")
        .add(FoldedOpShapes::cast, "Cast");
  }

  /** Computes a node's value from its constant inputs. */
  @FunctionalInterface
  interface Fold {
    TensorValue apply(Node n);
  }

  /** A rule that folds when every input is constant and is unsupported otherwise. */
  static ShapeRule folded(Fold fold) {
    return (n, allConst) -> {
      if (!allConst) {
        return false;
      }
      set(n, fold.apply(n));
      return true;
    };
  }

  private static TensorValue value(Node n, int input) {
    return n.inputs.get(input).value();
  }

  private static boolean shape(Node n, boolean allConst) {
    int[] s = n.inputs.get(0).shape();
    long[] v = new long[s.length];
    for (int i = 0; i < s.length; i++) {
      v[i] = s[i];
    }
    DType t = Attrs.type(n, "out_type", DType.INT32);
    set(n, TensorValue.ofInts(t, new int[] {s.length}, v));
    return true;
  }

  private static TensorValue stridedSlice(Node n) {
    return Folding.stridedSlice(n, value(n, 0), value(n, 1), value(n, 2), value(n, 3));
  }

  private static TensorValue gather(Node n) {
    return Folding.gather(value(n, 0), value(n, 1), (int) value(n, 2).longAt(0));
  }

  private static TensorValue slice(Node n) {
    return Folding.slice(value(n, 0), value(n, 1).asInts(), value(n, 2).asInts());
  }

  private static boolean cast(Node n, boolean allConst) {
    List<Node.Port> in = n.inputs;
    DType to = Attrs.type(n, "DstT", DType.FLOAT);
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
}
