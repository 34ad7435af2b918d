package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;

/**
 * What QUANTIZE and DEQUANTIZE share: the quantizer inserts them at the edges of an int8 model, so
 * a float model holds none, and TFLM's kernels keep one 32-byte {@code OpData}.
 *
 * @param <P> the op's plan record
 */
public abstract class QuantizationOp<P extends ElementMapOp.ElementwisePlan> extends ElementMapOp<P>
    implements TflmFootprint, Int8Rules {

  private final int int8Version;

  QuantizationOp(BuiltinOperator builtin, int maxVersion, String resolverMethod, int int8Version) {
    super(builtin, maxVersion, resolverMethod);
    this.int8Version = int8Version;
  }

  /** {@code OpDataQuantizeReference}: requantization parameters and zero points. */
  @Override
  public final KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.opData(32);
  }

  /** The quantizer inserts these ops; a float model holds none. */
  @Override
  public final boolean quantizable() {
    return false;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return int8Version;
  }

  /** TFLM's QUANTIZE and DEQUANTIZE also read and write int16 (the 16x8 scheme's edges). */
  @Override
  public final boolean takesInt16Activations() {
    return true;
  }
}
