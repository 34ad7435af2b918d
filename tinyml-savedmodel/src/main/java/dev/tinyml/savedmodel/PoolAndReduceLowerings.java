package dev.tinyml.savedmodel;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Pool2DOptions;
import dev.tinyml.tflite.ReducerOptions;

/** Pooling to MAX_POOL_2D / AVERAGE_POOL_2D (with a fused Relu/Relu6), and axis reductions. */
final class PoolAndReduceLowerings {
  private PoolAndReduceLowerings() {}

  static void register(OpTable<OpLowering> t) {
    t.add(PoolAndReduceLowerings::pool, "MaxPool", "MaxPoolV2", "AvgPool")
        .add(PoolAndReduceLowerings::mean, "Mean");
  }

  private static void pool(Node n, LoweringContext cx) throws SavedModelException {
    int[] k = PoolAndReduceShapes.poolWindow(n);
    int[] st = PoolAndReduceShapes.poolStrides(n);
    LoweringContext.Fused fused = cx.fuseActivation(n);
    Pool2DOptions o =
        new Pool2DOptions(LoweringContext.padding(n), st[2], st[1], k[2], k[1], fused.activation());
    cx.op(
        n.op.startsWith("MaxPool") ? BuiltinOperator.MAX_POOL_2D : BuiltinOperator.AVERAGE_POOL_2D,
        o,
        fused.last(),
        cx.tensors(n.inputs.get(0)));
  }

  private static void mean(Node n, LoweringContext cx) throws SavedModelException {
    int[] axes =
        ShapeInference.normalizeAxes(
            n.inputs.get(1).value().asInts(), n.inputs.get(0).shape().length);
    int axesTensor = cx.constInts(n.name + "/reduction_indices", new int[] {axes.length}, axes);
    cx.op(
        BuiltinOperator.MEAN,
        new ReducerOptions(Attrs.keepDims(n)),
        n,
        new int[] {cx.tensor(n.inputs.get(0)), axesTensor});
  }
}
