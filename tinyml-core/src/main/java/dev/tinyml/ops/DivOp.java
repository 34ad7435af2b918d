package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activation;
import dev.tinyml.ops.kernels.BinaryOps;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.DivOptions;

/** DIV with broadcasting, float32 and int32 (quantized DIV is refused). */
public final class DivOp extends BroadcastBinaryOp implements TflmFootprint {

  /** The op. */
  public DivOp() {
    super(BinaryOps.Op.DIV, BuiltinOperator.DIV, 2, "AddDiv");
  }

  @Override
  Activation activation(OpContext c) {
    return c.fusedActivation(DivOptions.class, DivOptions::fusedActivation);
  }

  @Override
  void checkQuantized(OpContext c) {
    throw c.fail(
        "quantized DIV is not supported by this interpreter; only float32 and int32 DIV"
            + " run (keep DIV in float or fold it into a constant MUL before quantizing)");
  }

  /**
   * {@code TfLiteDivParams}: one activation enum. {@code OpDataDiv}: seven int32 zero points,
   * bounds and requantization.
   */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(abi.oneEnum(), 28);
  }
}
