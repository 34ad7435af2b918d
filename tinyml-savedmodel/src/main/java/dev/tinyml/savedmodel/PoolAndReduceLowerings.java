package dev.tinyml.savedmodel;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Pool2DOptions;
import dev.tinyml.tflite.ReducerOptions;

/**
 * Pooling to MAX_POOL_2D / AVERAGE_POOL_2D (with a fused Relu/Relu6), and axis reductions to MEAN,
 * SUM, REDUCE_MAX and REDUCE_MIN.
 */
final class PoolAndReduceLowerings {
  private PoolAndReduceLowerings() {}

  static void register(OpTable<OpLowering> t) {
    t.add(PoolAndReduceLowerings::pool, "MaxPool", "MaxPoolV2", "AvgPool")
        .add(reduce(BuiltinOperator.MEAN), "Mean")
        .add(reduce(BuiltinOperator.SUM), "Sum")
        .add(reduce(BuiltinOperator.REDUCE_MAX), "Max")
        .add(reduce(BuiltinOperator.REDUCE_MIN), "Min");
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

  /** A reduction over constant axes, with keep_dims. */
  private static OpLowering reduce(BuiltinOperator code) {
    return (n, cx) -> {
      int[] axes =
          ShapeInference.normalizeAxes(
              n.inputs.get(1).value().asInts(), n.inputs.get(0).shape().length);
      int axesTensor = cx.constInts(n.name + "/reduction_indices", new int[] {axes.length}, axes);
      cx.op(
          code,
          new ReducerOptions(Attrs.keepDims(n)),
          n,
          new int[] {cx.tensor(n.inputs.get(0)), axesTensor});
    };
  }
}
