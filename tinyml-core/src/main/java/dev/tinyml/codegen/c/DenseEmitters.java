package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.BatchMatMulOp;
import dev.tinyml.ops.FullyConnectedOp;
import dev.tinyml.ops.SoftmaxOp;
import dev.tinyml.ops.kernels.BatchMatMul;
import dev.tinyml.ops.kernels.FullyConnected;
import dev.tinyml.ops.kernels.Softmax;
import dev.tinyml.tflite.TensorType;

/** FULLY_CONNECTED, BATCH_MATMUL and SOFTMAX from the ops' plan records. */
final class DenseEmitters {
  private DenseEmitters() {}

  static void fullyConnected(COp op, FullyConnectedOp.Plan plan, CModuleWriter m)
      throws CodegenException {
    FullyConnected.Plan p = plan.kernel();
    if (plan.isFloat()) {
      m.useKernel("fully_connected_f32.c");
      m.call(
          op,
          "tml_fully_connected_f32",
          CModuleWriter.ints(p.batches(), p.accumDepth(), p.outputDepth()),
          m.tensor(plan.input(), op),
          m.tensor(plan.weights(), op),
          m.tensor(plan.bias(), op),
          CModuleWriter.floatRange(p.floatMin(), p.floatMax()),
          m.tensor(plan.output(), op));
      return;
    }
    if (plan.loop() != FullyConnectedOp.Loop.INT8) {
      throw op.unsupported("16x8 FULLY_CONNECTED (the C kernels are int8 and float32)");
    }
    m.useKernel("fully_connected_s8.c");
    int inputOffset = p.inputOffset();
    String folded = null;
    if (inputOffset != 0 && p.filterOffset() == 0) {
      folded =
          m.foldedBias(
              op, plan.bias(), plan.weights(), p.outputDepth(), p.accumDepth(), inputOffset);
      inputOffset = folded != null ? 0 : inputOffset;
    }
    String params =
        m.params(
            op,
            "tml_fully_connected_s8_params",
            32,
            CModuleWriter.ints(p.batches(), p.accumDepth(), p.outputDepth())
                + ", "
                + CModuleWriter.ints(inputOffset, p.filterOffset(), p.outputOffset())
                + ", "
                + CModuleWriter.ints(p.actMin(), p.actMax()));
    m.call(
        op,
        "tml_fully_connected_s8",
        params,
        m.tensor(plan.input(), op),
        m.tensor(plan.weights(), op),
        folded != null ? folded : m.tensor(plan.bias(), op),
        m.int32Array(CModuleWriter.opName(op, "mult"), p.multipliers().multiplier()),
        m.shiftArray(CModuleWriter.opName(op, "shift"), p.multipliers().shift()),
        m.tensor(plan.output(), op));
  }

  /**
   * BATCH_MATMUL float32 and int8: the plan's per-batch lhs and rhs starts become two constant
   * tables, its strides and requantization one parameter struct.
   */
  static void batchMatMul(COp op, BatchMatMulOp.Plan plan, CModuleWriter m)
      throws CodegenException {
    boolean isFloat = plan.type() == TensorType.FLOAT32;
    if (!isFloat && plan.type() != TensorType.INT8) {
      throw op.unsupported("int16 BATCH_MATMUL (float32 and int8 are compiled)");
    }
    BatchMatMul.Plan p = plan.kernel();
    BatchMatMul.Requantize q =
        isFloat ? new BatchMatMul.Requantize(0, 0, 0, 0, 0) : plan.requantize();
    String kernel = isFloat ? "batch_matmul_f32" : "batch_matmul_s8";
    m.useKernel(kernel + ".c");
    String params =
        m.params(
            op,
            "tml_batch_matmul_params",
            52,
            String.join(
                ", ",
                CModuleWriter.ints(p.lhsOffset().length, p.rows(), p.cols(), p.depth()),
                CModuleWriter.ints(
                    p.lhsRowStride(), p.lhsDepthStride(), p.rhsDepthStride(), p.rhsColStride()),
                CModuleWriter.ints(
                    q.lhsOffset(), q.rhsOffset(), q.outputOffset(), q.multiplier(), q.shift())));
    m.call(
        op,
        "tml_" + kernel,
        params,
        m.int32Array(CModuleWriter.opName(op, "lhs_start"), p.lhsOffset()),
        m.int32Array(CModuleWriter.opName(op, "rhs_start"), p.rhsOffset()),
        m.tensors(op, plan.lhs(), plan.rhs(), plan.output()));
  }

  static void softmax(COp op, SoftmaxOp.Plan plan, CModuleWriter m) throws CodegenException {
    if (plan.kernel() == SoftmaxOp.Kernel.INT16) {
      throw op.unsupported("int16 SOFTMAX (the C kernels read int8 or float32 input)");
    }
    Softmax.Plan p = plan.softmax();
    String input = m.tensor(plan.input(), op);
    String output = m.tensor(plan.output(), op);
    if (plan.kernel() == SoftmaxOp.Kernel.FLOAT) {
      m.useKernel("softmax_f32.c");
      m.call(
          op,
          "tml_softmax_f32",
          CModuleWriter.ints(p.rows(), p.depth()),
          CModuleWriter.floatLiteral(p.beta()),
          input,
          output);
      return;
    }
    m.useKernel("softmax_s8.c");
    String params =
        m.params(
            op,
            "tml_softmax_s8_params",
            20,
            CModuleWriter.ints(
                p.rows(), p.depth(), p.inputMultiplier(), p.inputLeftShift(), p.diffMin()));
    boolean int8Out = plan.kernel() == SoftmaxOp.Kernel.INT8;
    m.call(op, "tml_softmax_s8", params, input, int8Out ? output : "0", int8Out ? "0" : output);
  }
}
