package dev.tinyml.ops;

import dev.tinyml.ops.kernels.BatchMatMul;
import dev.tinyml.tflite.BatchMatMulOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * BATCH_MATMUL of ranks 2 to 5 with broadcast batch axes and adjoints: float32, int8 and int16
 * (zero points 0), both operands of one type, as TFLM. The Arduino library the firmware targets
 * predates the op, so it has no resolver method.
 */
public final class BatchMatMulOp extends BuiltinOp<BatchMatMulOp.Plan>
    implements Int8Rules, TflmFootprint {

  /**
   * A prepared product.
   *
   * @param kernel the kernel plan
   * @param requantize the quantized requantization, null for float
   * @param type the element type
   * @param lhs lhs tensor index
   * @param rhs rhs tensor index
   * @param output output tensor index
   */
  public record Plan(
      BatchMatMul.Plan kernel,
      BatchMatMul.Requantize requantize,
      TensorType type,
      int lhs,
      int rhs,
      int output)
      implements OpPlan {}

  /** The op. */
  public BatchMatMulOp() {
    super(BuiltinOperator.BATCH_MATMUL, 3, null);
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor lhs = c.input(0);
    Tensor rhs = c.input(1);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, lhs, rhs);
    OpInputs.requireSameType(c, lhs, out);
    BatchMatMulOptions o = c.optionsOrNull(BatchMatMulOptions.class);
    BatchMatMul.Plan p =
        c.kernelPlan(
            () ->
                BatchMatMul.plan(
                    lhs.shape(), rhs.shape(), o != null && o.adjX(), o != null && o.adjY()));
    OpInputs.requireOutput(c, out, p.outputShape());
    TensorType t = lhs.type();
    if (t == TensorType.FLOAT32) {
      return new Plan(p, null, t, c.in(0), c.in(1), c.out(0));
    }
    if (t == TensorType.INT8 || t == TensorType.INT16) {
      if (t == TensorType.INT16
          && (c.zeroPoint(lhs) != 0 || c.zeroPoint(rhs) != 0 || c.zeroPoint(out) != 0)) {
        throw c.fail("int16 operands and output need zero point 0, as TFLM requires");
      }
      BatchMatMul.Requantize q =
          BatchMatMul.requantize(
              c.scale(lhs),
              c.zeroPoint(lhs),
              c.scale(rhs),
              c.zeroPoint(rhs),
              c.scale(out),
              c.zeroPoint(out));
      return new Plan(p, q, t, c.in(0), c.in(1), c.out(0));
    }
    throw c.unsupportedTypes();
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Object l = t[p.lhs()];
    Object r = t[p.rhs()];
    Object o = t[p.output()];
    switch (p.type()) {
      case FLOAT32 -> BatchMatMul.eval(p.kernel(), (float[]) l, (float[]) r, (float[]) o);
      case INT8 -> BatchMatMul.eval(p.kernel(), p.requantize(), (byte[]) l, (byte[]) r, (byte[]) o);
      default ->
          BatchMatMul.eval(p.kernel(), p.requantize(), (short[]) l, (short[]) r, (short[]) o);
    }
  }

  /** Output elements times the inner dimension. */
  @Override
  public long macs(OpNode node) {
    int[] in = node.inputShape(0);
    return in.length >= 2 ? MacMath.mul(MacMath.count(node.outputShape(0)), in[in.length - 1]) : 0;
  }

  /**
   * Both operands are quantized as activations (a constant one too, per tensor, as TFLite's
   * quantizer does); the output is calibrated.
   */
  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }

  /**
   * {@code TfLiteBatchMatMulParams}: adj_x, adj_y, asymmetric_quantize_inputs (three bools). {@code
   * OpDataBatchMatmul}: three pointers and three bools.
   */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(new CStruct(3, 1), abi.byPointer(32, 16));
  }

  /**
   * In TFLM's order: the quantization data of int8/int16 (seven int32s), then for each operand the
   * kernel transposes (the left one with adj_x, the right one without adj_y) a {@code
   * TfLiteEvalTensor}, its dims array and its data.
   */
  @Override
  public int[] prepareAllocations(OpNode node, Abi abi) {
    Tensor[] operands = node.requireInputs("an operand", 0, 1);
    Tensor lhs = operands[0];
    Tensor rhs = operands[1];
    BatchMatMulOptions o = node.options() instanceof BatchMatMulOptions b ? b : null;
    boolean adjX = o != null && o.adjX();
    boolean adjY = o != null && o.adjY();
    List<Integer> sizes = new ArrayList<>();
    if (lhs.type() == TensorType.INT8 || lhs.type() == TensorType.INT16) {
      sizes.add(7 * 4);
    }
    if (adjX) {
      transposed(lhs, abi, sizes);
    }
    if (!adjY) {
      transposed(rhs, abi, sizes);
    }
    return sizes.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A transposed copy: the {@code TfLiteEvalTensor}, {@code TfLiteIntArray} dims, the data. */
  private static void transposed(Tensor t, Abi abi, List<Integer> sizes) {
    sizes.add(abi.byPointer(24, 12));
    sizes.add(4 + 4 * t.shape().length);
    sizes.add(t.elementCount() * t.type().byteSize());
  }
}
