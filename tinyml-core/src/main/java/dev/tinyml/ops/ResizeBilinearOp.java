package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Resize;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.ResizeBilinearOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** RESIZE_BILINEAR of an NHWC float32 or int8 tensor to a constant size. */
public final class ResizeBilinearOp extends BuiltinOp<ResizeBilinearOp.Plan>
    implements TflmFootprint, Int8Rules {

  /**
   * A prepared resize.
   *
   * @param geometry sizes and sampling mode
   * @param type the element type
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(Resize.Geometry geometry, TensorType type, int input, int output)
      implements OpPlan {}

  /** The op. */
  public ResizeBilinearOp() {
    super(BuiltinOperator.RESIZE_BILINEAR, 3, "AddResizeBilinear");
  }

  /** The int8 kernel interpolates raw values, so the output shares the input's parameters. */
  @Override
  public OutputParams outputParams() {
    return OutputParams.SHARED_WITH_INPUT;
  }

  /** Version 3 marks half_pixel_centers, 2 is int8 (op_version.cc). */
  @Override
  public int int8Version(OpNode quantized) {
    return quantized.options() instanceof ResizeBilinearOptions o && o.halfPixelCenters() ? 3 : 2;
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, in, out);
    if (in.type() != TensorType.FLOAT32 && in.type() != TensorType.INT8) {
      throw c.unsupportedTypes();
    }
    int[] size = OpInputs.constantInts(c, 1, "size");
    if (size.length != 2) {
      throw c.fail("size must hold height and width, has " + size.length + " values");
    }
    ResizeBilinearOptions o = c.optionsOrNull(ResizeBilinearOptions.class);
    Resize.Geometry g =
        c.kernelPlan(
            () ->
                Resize.geometry(
                    in.shape(),
                    size[0],
                    size[1],
                    o != null && o.alignCorners(),
                    o != null && o.halfPixelCenters()));
    OpInputs.requireOutput(c, out, g.outputShape());
    return new Plan(g, in.type(), c.in(0), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.type() == TensorType.FLOAT32) {
      Resize.bilinear(p.geometry(), (float[]) t[p.input()], (float[]) t[p.output()]);
    } else {
      Resize.bilinear(p.geometry(), (byte[]) t[p.input()], (byte[]) t[p.output()]);
    }
  }

  /** {@code TfLiteResizeBilinearParams}: two bools. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.params(new CStruct(2, 1));
  }
}
