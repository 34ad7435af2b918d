package dev.tinyml.savedmodel;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.ConcatenationOptions;
import dev.tinyml.tflite.PadOptions;
import dev.tinyml.tflite.ReshapeOptions;
import dev.tinyml.tflite.ResizeBilinearOptions;
import dev.tinyml.tflite.ResizeNearestNeighborOptions;
import dev.tinyml.tflite.TransposeOptions;
import java.util.Arrays;
import java.util.function.BiFunction;

/** Reshapes (chains merged, no-ops dropped), padding, concatenation, transposes and resizing. */
final class DataMovementLowerings {
  private DataMovementLowerings() {}

  static void register(OpTable<OpLowering> t) {
    t.add(DataMovementLowerings::reshape, "Reshape", "Squeeze", "ExpandDims")
        .add(DataMovementLowerings::pad, "Pad", "PadV2")
        .add(DataMovementLowerings::concat, "ConcatV2")
        .add(DataMovementLowerings::transpose, "Transpose")
        .add(
            resize(
                BuiltinOperator.RESIZE_NEAREST_NEIGHBOR,
                (align, half) -> new ResizeNearestNeighborOptions(align, half)),
            "ResizeNearestNeighbor")
        .add(
            resize(
                BuiltinOperator.RESIZE_BILINEAR,
                (align, half) -> new ResizeBilinearOptions(align, half)),
            "ResizeBilinear");
  }

  private static boolean isReshape(Node n) {
    return n.values[0] == null
        && (n.op.equals("Reshape") || n.op.equals("Squeeze") || n.op.equals("ExpandDims"));
  }

  /**
   * Chains of Reshape/Squeeze/ExpandDims become one RESHAPE, and one that changes nothing becomes
   * none: only the last of a chain is emitted, from the first one's input.
   */
  private static void reshape(Node n, LoweringContext cx) throws SavedModelException {
    Node reader = cx.soleReader(n.out(0));
    if (reader != null && isReshape(reader) && reader.inputs.get(0).equals(n.out(0))) {
      return;
    }
    Node.Port source = n.inputs.get(0);
    while (isReshape(source.node()) && !cx.isBound(source)) {
      source = source.node().inputs.get(0);
    }
    int[] shape = n.shapes[0];
    GraphImporter.Imported graph = cx.graph();
    boolean graphEdge = graph.outputs().contains(n.out(0)) && graph.inputs().contains(source);
    if (Arrays.equals(shape, source.shape()) && !graphEdge) {
      cx.bind(n.out(0), cx.tensor(source));
      return;
    }
    int shapeTensor = cx.constInts(n.name + "/shape", new int[] {shape.length}, shape);
    cx.op(
        BuiltinOperator.RESHAPE,
        new ReshapeOptions(Arrays.stream(shape).boxed().toList()),
        n,
        new int[] {cx.tensor(source), shapeTensor});
  }

  private static void pad(Node n, LoweringContext cx) throws SavedModelException {
    int rank = n.inputs.get(0).shape().length;
    int t =
        cx.constInts(n.name + "/paddings", new int[] {rank, 2}, n.inputs.get(1).value().asInts());
    cx.op(BuiltinOperator.PAD, new PadOptions(), n, new int[] {cx.tensor(n.inputs.get(0)), t});
  }

  private static void concat(Node n, LoweringContext cx) throws SavedModelException {
    int k = n.inputs.size() - 1;
    int axis = (int) n.inputs.get(k).value().longAt(0);
    if (axis < 0) {
      axis += n.shapes[0].length;
    }
    int[] ts = new int[k];
    for (int i = 0; i < k; i++) {
      ts[i] = cx.tensor(n.inputs.get(i));
    }
    LoweringContext.Fused fused = cx.fuseActivation(n);
    cx.op(
        BuiltinOperator.CONCATENATION,
        new ConcatenationOptions(axis, fused.activation()),
        fused.last(),
        ts);
  }

  /** TRANSPOSE; the identity permutation (Keras' Tensordot) changes nothing and is dropped. */
  private static void transpose(Node n, LoweringContext cx) throws SavedModelException {
    int[] perm = n.inputs.get(1).value().asInts();
    if (DataMovementShapes.isIdentity(perm)) {
      cx.bind(n.out(0), cx.tensor(n.inputs.get(0)));
      return;
    }
    int t = cx.constInts(n.name + "/perm", new int[] {perm.length}, perm);
    cx.op(
        BuiltinOperator.TRANSPOSE,
        new TransposeOptions(),
        n,
        new int[] {cx.tensor(n.inputs.get(0)), t});
  }

  /** RESIZE_NEAREST_NEIGHBOR or RESIZE_BILINEAR with TF's align_corners / half_pixel_centers. */
  private static OpLowering resize(
      BuiltinOperator code, BiFunction<Boolean, Boolean, BuiltinOptions> options) {
    return (n, cx) -> {
      int[] size = n.inputs.get(1).value().asInts();
      int t = cx.constInts(n.name + "/size", new int[] {2}, size);
      boolean align = Attrs.attr(n, "align_corners").getB();
      boolean half = Attrs.attr(n, "half_pixel_centers").getB();
      cx.op(code, options.apply(align, half), n, new int[] {cx.tensor(n.inputs.get(0)), t});
    };
  }
}
