package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Resize;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.ResizeNearestNeighborOptions;
import dev.tinyml.tflite.Tensor;

/** RESIZE_NEAREST_NEIGHBOR of an NHWC tensor of any stored type to a constant size. */
public final class ResizeNearestNeighborOp extends IndexMapOp {

  /** The op. */
  public ResizeNearestNeighborOp() {
    super(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, 4, "AddResizeNearestNeighbor");
  }

  /** Version 3 marks align_corners or half_pixel_centers (op_version.cc). */
  @Override
  public int int8Version(OpNode quantized) {
    ResizeNearestNeighborOptions o =
        quantized.options() instanceof ResizeNearestNeighborOptions r ? r : null;
    return o != null && (o.alignCorners() || o.halfPixelCenters()) ? 3 : 2;
  }

  @Override
  protected Mapping map(OpContext c, Tensor in) {
    int[] size = OpInputs.constantInts(c, 1, "size");
    if (size.length != 2) {
      throw c.fail("size must hold height and width, has " + size.length + " values");
    }
    ResizeNearestNeighborOptions o = c.optionsOrNull(ResizeNearestNeighborOptions.class);
    boolean align = o != null && o.alignCorners();
    boolean half = o != null && o.halfPixelCenters();
    Resize.Geometry g = Resize.geometry(in.shape(), size[0], size[1], align, half);
    return new Mapping(g.outputShape(), Resize.nearestSource(g));
  }

  /** One per output element, like the other resizers (unlike the data movement it extends). */
  @Override
  public long macs(OpNode node) {
    return MacMath.count(node.outputShape(0));
  }

  /** {@code TfLiteResizeNearestNeighborParams}: two bools. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.params(new CStruct(2, 1));
  }
}
