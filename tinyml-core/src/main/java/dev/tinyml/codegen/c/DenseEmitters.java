package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.FullyConnectedOp;
import dev.tinyml.ops.Pool2DOp;
import dev.tinyml.ops.SoftmaxOp;
import dev.tinyml.ops.kernels.FullyConnected;
import dev.tinyml.ops.kernels.Pooling;
import dev.tinyml.ops.kernels.Softmax;

/** FULLY_CONNECTED, AVERAGE_POOL_2D, MAX_POOL_2D and SOFTMAX from the ops' plan records. */
final class DenseEmitters {
  private DenseEmitters() {}

  static void fullyConnected(COp op, FullyConnectedOp.Plan plan, CModuleWriter m)
      throws CodegenException {
    FullyConnected.Plan p = plan.kernel();
    String output = m.tensor(plan.output(), op);
    if (plan.isFloat()) {
      String args =
          m.tensor(plan.input(), op)
              + ", "
              + m.tensor(plan.weights(), op)
              + ", "
              + m.tensor(plan.bias(), op);
      m.useKernel("fully_connected_f32.c");
      m.call(
          op,
          "tml_fully_connected_f32("
              + ConvEmitters.ints(p.batches(), p.accumDepth(), p.outputDepth())
              + ", "
              + args
              + ", "
              + CModuleWriter.floatLiteral(p.floatMin())
              + ", "
              + CModuleWriter.floatLiteral(p.floatMax())
              + ", "
              + output
              + ");");
      return;
    }
    m.useKernel("fully_connected_s8.c");
    int inputOffset = p.inputOffset();
    String folded = null;
    if (inputOffset != 0 && p.filterOffset() == 0) {
      folded =
          m.foldedBias(
              op, plan.bias(), plan.weights(), p.outputDepth(), p.accumDepth(), inputOffset);
      if (folded != null) {
        inputOffset = 0;
      }
    }
    String args =
        m.tensor(plan.input(), op)
            + ", "
            + m.tensor(plan.weights(), op)
            + ", "
            + (folded != null ? folded : m.tensor(plan.bias(), op));
    String params =
        m.params(
            "tml_fully_connected_s8_params",
            CModuleWriter.opName(op, "params"),
            ConvEmitters.ints(
                p.batches(),
                p.accumDepth(),
                p.outputDepth(),
                inputOffset,
                p.filterOffset(),
                p.outputOffset(),
                p.actMin(),
                p.actMax()),
            32);
    String mult = m.int32Array(CModuleWriter.opName(op, "mult"), p.multipliers().multiplier());
    String shift = m.shiftArray(CModuleWriter.opName(op, "shift"), p.multipliers().shift());
    m.call(
        op,
        "tml_fully_connected_s8("
            + params
            + ", "
            + args
            + ", "
            + mult
            + ", "
            + shift
            + ", "
            + output
            + ");");
  }

  static void pool(COp op, Pool2DOp.Plan plan, CModuleWriter m, boolean max)
      throws CodegenException {
    Pooling.Plan p = plan.pool();
    String kernel = (max ? "max_pool_" : "average_pool_") + (plan.isFloat() ? "f32" : "s8");
    m.useKernel(kernel + ".c");
    String params =
        m.params(
            "tml_pool_params",
            CModuleWriter.opName(op, "params"),
            ConvEmitters.ints(
                    p.batches(),
                    p.inH(),
                    p.inW(),
                    p.channels(),
                    p.outH(),
                    p.outW(),
                    p.filterH(),
                    p.filterW(),
                    p.strideH(),
                    p.strideW(),
                    p.padH(),
                    p.padW(),
                    p.actMin(),
                    p.actMax())
                + ", "
                + CModuleWriter.floatLiteral(p.floatMin())
                + ", "
                + CModuleWriter.floatLiteral(p.floatMax()),
            64);
    m.call(
        op,
        "tml_"
            + kernel
            + "("
            + params
            + ", "
            + m.tensor(plan.input(), op)
            + ", "
            + m.tensor(plan.output(), op)
            + ");");
  }

  static void softmax(COp op, SoftmaxOp.Plan plan, CModuleWriter m) throws CodegenException {
    Softmax.Plan p = plan.softmax();
    String input = m.tensor(plan.input(), op);
    String output = m.tensor(plan.output(), op);
    if (plan.kernel() == SoftmaxOp.Kernel.FLOAT) {
      m.useKernel("softmax_f32.c");
      m.call(
          op,
          "tml_softmax_f32("
              + ConvEmitters.ints(p.rows(), p.depth())
              + ", "
              + CModuleWriter.floatLiteral(p.beta())
              + ", "
              + input
              + ", "
              + output
              + ");");
      return;
    }
    m.useKernel("softmax_s8.c");
    String params =
        m.params(
            "tml_softmax_s8_params",
            CModuleWriter.opName(op, "params"),
            ConvEmitters.ints(
                p.rows(), p.depth(), p.inputMultiplier(), p.inputLeftShift(), p.diffMin()),
            20);
    boolean int8Out = plan.kernel() == SoftmaxOp.Kernel.INT8;
    m.call(
        op,
        "tml_softmax_s8("
            + params
            + ", "
            + input
            + ", "
            + (int8Out ? output : "0")
            + ", "
            + (int8Out ? "0" : output)
            + ");");
  }
}
