package dev.tinyml.savedmodel;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.PackOptions;
import dev.tinyml.tflite.SplitOptions;
import dev.tinyml.tflite.SplitVOptions;
import dev.tinyml.tflite.UnpackOptions;

/**
 * Unpack, Split and SplitV to UNPACK, SPLIT and SPLIT_V, one TFLite output per TF output; Pack to
 * PACK.
 */
final class SplittingLowerings {
  private SplittingLowerings() {}

  static void register(OpTable<OpLowering> t) {
    t.add(
            (n, cx) ->
                cx.multiOutputOp(
                    BuiltinOperator.UNPACK,
                    new UnpackOptions(n.types.length, SplittingShapes.unpackAxis(n)),
                    n,
                    cx.tensors(n.inputs.get(0))),
            "Unpack")
        .add(
            (n, cx) -> {
              int axis = axisTensor(n, cx);
              cx.multiOutputOp(
                  BuiltinOperator.SPLIT,
                  new SplitOptions(n.types.length),
                  n,
                  new int[] {axis, cx.tensor(SplittingShapes.data(n))});
            },
            "Split")
        .add(
            (n, cx) -> {
              int[] sizes = new int[n.types.length];
              int axis = SplittingShapes.splitAxis(n);
              for (int i = 0; i < sizes.length; i++) {
                sizes[i] = n.shapes[i][axis];
              }
              int sizesTensor =
                  cx.constInts(n.name + "/size_splits", new int[] {sizes.length}, sizes);
              cx.multiOutputOp(
                  BuiltinOperator.SPLIT_V,
                  new SplitVOptions(sizes.length),
                  n,
                  new int[] {cx.tensor(SplittingShapes.data(n)), sizesTensor, axisTensor(n, cx)});
            },
            "SplitV")
        .add(
            (n, cx) -> {
              int[] values = new int[n.inputs.size()];
              for (int i = 0; i < values.length; i++) {
                values[i] = cx.tensor(n.inputs.get(i));
              }
              cx.op(
                  BuiltinOperator.PACK,
                  new PackOptions(values.length, SplittingShapes.packAxis(n)),
                  n,
                  values);
            },
            "Pack");
  }

  /** The split axis as a scalar int32 constant, counted from the front. */
  private static int axisTensor(Node n, LoweringContext cx) {
    return cx.constInts(
        n.name + "/split_dim", new int[0], new int[] {SplittingShapes.splitAxis(n)});
  }
}
