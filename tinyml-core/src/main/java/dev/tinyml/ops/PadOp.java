package dev.tinyml.ops;

import dev.tinyml.ops.kernels.DataMovement;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Arrays;

/** PAD (and PADV2's constant value) of float32, int8, int16 and int32 tensors. */
public final class PadOp extends BuiltinOp<PadOp.Plan>
    implements TflmFootprint, DataMovementOp<PadOp.Plan> {

  /**
   * A prepared pad.
   *
   * @param pad input and output shapes and the padding before each dimension
   * @param type the element type
   * @param floatFill the fill value of a float32 tensor
   * @param intFill the fill value of an integer tensor
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(
      DataMovement.PadPlan pad,
      TensorType type,
      float floatFill,
      int intFill,
      int input,
      int output)
      implements OpPlan {}

  /** The op. */
  public PadOp() {
    super(BuiltinOperator.PAD, 4, "AddPad");
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    int[] pads = paddings(c);
    if (in.type() != out.type()) {
      throw c.unsupportedTypes();
    }
    DataMovement.PadPlan p = c.kernelPlan(() -> DataMovement.preparePad(in.shape(), pads));
    if (!Arrays.equals(p.outputShape(), out.shape())) {
      throw c.fail(
          "output "
              + OpContext.describe(out)
              + " is not the padded input shape "
              + Arrays.toString(p.outputShape()));
    }
    Object constValue = c.inputCount() > 2 ? c.constant(2) : null;
    if (constValue != null && (c.input(2).type() != in.type() || c.input(2).elementCount() != 1)) {
      throw c.fail(
          "constant value "
              + OpContext.describe(c.input(2))
              + " must be one element of the input type "
              + in.type());
    }
    float floatFill = 0f;
    int intFill = 0;
    switch (in.type()) {
      case FLOAT32 -> floatFill = constValue == null ? 0f : ((float[]) constValue)[0];
      case INT8 -> intFill = constValue == null ? c.zeroPoint(out) : ((byte[]) constValue)[0];
      case INT16 -> intFill = constValue == null ? 0 : ((short[]) constValue)[0];
      case INT32 -> intFill = constValue == null ? 0 : ((int[]) constValue)[0];
      default -> throw c.unsupportedTypes();
    }
    return new Plan(p, in.type(), floatFill, intFill, c.in(0), c.out(0));
  }

  private static int[] paddings(OpContext c) {
    Object paddings = c.requireConstant(1, "the paddings tensor");
    if (paddings instanceof int[] ip) {
      return ip;
    }
    if (paddings instanceof long[] lp) {
      int[] pads = new int[lp.length];
      for (int i = 0; i < lp.length; i++) {
        if (lp[i] != (int) lp[i]) {
          throw c.fail("padding " + lp[i] + " (paddings entry " + i + ") is out of range");
        }
        pads[i] = (int) lp[i];
      }
      return pads;
    }
    throw c.fail("paddings " + OpContext.describe(c.input(1)) + " must be INT32 or INT64");
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Object out = t[p.output()];
    switch (p.type()) {
      case FLOAT32 -> Arrays.fill((float[]) out, p.floatFill());
      case INT8 -> Arrays.fill((byte[]) out, (byte) p.intFill());
      case INT16 -> Arrays.fill((short[]) out, (short) p.intFill());
      default -> Arrays.fill((int[]) out, p.intFill());
    }
    DataMovement.pad(p.pad(), t[p.input()], out);
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.opData(56);
  }
}
