package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.ShapeInference.out;
import static dev.tinyml.savedmodel.ShapeInference.outSize;
import static dev.tinyml.savedmodel.ShapeInference.requireConst;
import static dev.tinyml.savedmodel.ShapeInference.str;

/**
 * Ops that reduce: pooling windows of an image, and whole axes (Mean, Sum, Max, Min; Prod folds).
 */
final class PoolAndReduceShapes {
  private PoolAndReduceShapes() {}

  static void register(OpTable<ShapeRule> t) {
    t.add(PoolAndReduceShapes::pool, "MaxPool", "MaxPoolV2", "AvgPool")
        .add(PoolAndReduceShapes::mean, "Mean")
        .add(PoolAndReduceShapes::reduce, "Sum", "Max", "Min")
        .add(FoldedOpShapes.folded(PoolAndReduceShapes::folded), "Prod");
  }

  /** Pool window [1, h, w, 1]: an attribute, or a constant input for MaxPoolV2. */
  static int[] poolWindow(Node n) {
    return n.op.equals("MaxPoolV2") ? n.inputs.get(1).value().asInts() : Attrs.ints(n, "ksize");
  }

  static int[] poolStrides(Node n) {
    return n.op.equals("MaxPoolV2") ? n.inputs.get(2).value().asInts() : Attrs.ints(n, "strides");
  }

  private static boolean pool(Node n, boolean allConst) {
    Attrs.requireNhwc(n);
    int[] x = n.inputs.get(0).shape();
    if (n.op.equals("MaxPoolV2")) {
      requireConst(n, 1, "window size");
      requireConst(n, 2, "strides");
    }
    int[] k = poolWindow(n);
    int[] st = poolStrides(n);
    String padding = Attrs.string(n, "padding");
    if (x.length != 4) {
      throw new IllegalArgumentException("needs a 4-D input, got " + str(x));
    }
    out(
        n,
        DType.FLOAT,
        new int[] {
          x[0], outSize(x[1], k[1], st[1], 1, padding), outSize(x[2], k[2], st[2], 1, padding), x[3]
        });
    return k[0] == 1 && k[3] == 1 && st[0] == 1 && st[3] == 1;
  }

  private static boolean mean(Node n, boolean allConst) {
    requireConst(n, 1, "reduction axes");
    int[] x = n.inputs.get(0).shape();
    int[] axes = ShapeInference.normalizeAxes(n.inputs.get(1).value().asInts(), x.length);
    out(n, n.inputs.get(0).type(), ShapeInference.reduced(x, axes, Attrs.keepDims(n)));
    return true;
  }

  /**
   * Sum, Max and Min fold on constants and lower otherwise (Keras' GlobalMaxPooling1D is a Max).
   */
  private static boolean reduce(Node n, boolean allConst) {
    if (allConst) {
      ShapeInference.set(n, folded(n));
      return true;
    }
    return mean(n, allConst);
  }

  private static TensorValue folded(Node n) {
    return Folding.reduce(
        n.op, n.inputs.get(0).value(), n.inputs.get(1).value(), Attrs.keepDims(n));
  }
}
