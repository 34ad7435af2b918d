package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Int16Softmax;
import dev.tinyml.ops.kernels.Softmax;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.SoftmaxOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** SOFTMAX: float32, int8 to int8, int8 to int16 and int16 to int16. */
public final class SoftmaxOp extends ElementMapOp<SoftmaxOp.Plan>
    implements TflmFootprint, FixedOutputRules {

  /** Which loop runs the softmax. */
  public enum Kernel {
    /** {@link Softmax#evalFloat}. */
    FLOAT,
    /** {@link Softmax#evalInt8}. */
    INT8,
    /** {@link Softmax#evalInt8ToInt16}. */
    INT8_TO_INT16,
    /** {@link Int16Softmax#eval}. */
    INT16
  }

  /**
   * A prepared softmax: {@code int16} is set for {@link Kernel#INT16}, {@code softmax} otherwise.
   *
   * @param softmax sizes, beta and the input multiplier, or null
   * @param kernel the loop that runs it
   * @param input input tensor index
   * @param output output tensor index
   * @param int16 sizes and the input multiplier of the int16 kernel, or null
   */
  public record Plan(
      Softmax.Plan softmax, Kernel kernel, int input, int output, Int16Softmax.Plan int16)
      implements OpPlan {}

  /** The op. */
  public SoftmaxOp() {
    super(BuiltinOperator.SOFTMAX, 3, "AddSoftmax");
  }

  private static final Quantization OUTPUT = new Quantization(1f / 256, -128);

  /** TFLM's int8 kernel writes scale 1/256, zero point -128. */
  @Override
  public Quantization fixedOutput() {
    return OUTPUT;
  }

  @Override
  Plan plan(OpContext c, Tensor in, Tensor out) {
    SoftmaxOptions o = c.optionsOrNull(SoftmaxOptions.class);
    float beta = o == null ? 1f : o.beta();
    int[] shape = in.shape();
    int depth = shape.length == 0 ? 1 : shape[shape.length - 1];
    int n = in.elementCount();
    if (in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32) {
      return new Plan(Softmax.prepareFloat(n, depth, beta), Kernel.FLOAT, c.in(0), c.out(0), null);
    }
    if (in.type() == TensorType.INT8 && out.type() == TensorType.INT8) {
      if (c.zeroPoint(out) != -128 || c.scale(out) != 1f / 256) {
        throw c.fail(
            "int8 softmax output "
                + OpContext.describe(out)
                + " must have scale 1/256 and zero point -128");
      }
      return new Plan(
          Softmax.prepareInt8(n, depth, beta, c.scale(in)), Kernel.INT8, c.in(0), c.out(0), null);
    }
    if (in.type() == TensorType.INT8 && out.type() == TensorType.INT16) {
      if (c.zeroPoint(out) != -32768 || Math.abs(c.scale(out) - 1f / 65536) > 0.001f / 65536) {
        throw c.fail(
            "int8-to-int16 softmax output "
                + OpContext.describe(out)
                + " must have scale 1/65536 and zero point -32768");
      }
      return new Plan(
          Softmax.prepareInt8(n, depth, beta, c.scale(in)),
          Kernel.INT8_TO_INT16,
          c.in(0),
          c.out(0),
          null);
    }
    if (in.type() == TensorType.INT16 && out.type() == TensorType.INT16) {
      if (c.zeroPoint(in) != 0
          || c.zeroPoint(out) != 0
          || Math.abs(c.scale(out) - 1f / 32768) > 0.001f / 32768) {
        throw c.fail(
            "int16 softmax input "
                + OpContext.describe(in)
                + " needs zero point 0 and output "
                + OpContext.describe(out)
                + " scale 1/32768 and zero point 0");
      }
      return new Plan(
          null, Kernel.INT16, c.in(0), c.out(0), Int16Softmax.prepare(n, depth, beta, c.scale(in)));
    }
    throw c.unsupportedTypes();
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    switch (p.kernel()) {
      case FLOAT -> Softmax.evalFloat(p.softmax(), (float[]) t[p.input()], (float[]) t[p.output()]);
      case INT8 -> Softmax.evalInt8(p.softmax(), (byte[]) t[p.input()], (byte[]) t[p.output()]);
      case INT8_TO_INT16 ->
          Softmax.evalInt8ToInt16(p.softmax(), (byte[]) t[p.input()], (short[]) t[p.output()]);
      case INT16 -> Int16Softmax.eval(p.int16(), (short[]) t[p.input()], (short[]) t[p.output()]);
    }
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(new CStruct(4, 4), abi.byPointer(80, 56));
  }

  /** The int16 kernel keeps two lookup tables (exp and 1/(1+x)). */
  @Override
  public int[] prepareAllocations(OpNode node) {
    return Int8Rules.hasInt16Input(node)
        ? new int[] {2 * Int16Softmax.LUT_ENTRIES, 2 * Int16Softmax.LUT_ENTRIES}
        : new int[0];
  }

  private static final Quantization INT16_OUTPUT = new Quantization(1f / 32768, 0);

  /** TFLM's int16 kernel writes scale 1/32768, zero point 0. */
  @Override
  public Quantization fixedInt16Output() {
    return INT16_OUTPUT;
  }

  @Override
  public boolean takesInt16Activations() {
    return true;
  }

  /** 3 for an int16 input, 2 for int8 (op_version.cc). */
  @Override
  public int int8Version(OpNode quantized) {
    return Int8Rules.hasInt16Input(quantized) ? 3 : 2;
  }
}
