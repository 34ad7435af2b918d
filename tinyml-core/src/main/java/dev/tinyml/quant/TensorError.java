package dev.tinyml.quant;

/**
 * How far one int8 tensor is from its float counterpart over a dataset.
 *
 * @param index the tensor's index in the int8 model
 * @param name the tensor's name
 * @param scale its int8 scale
 * @param zeroPoint its int8 zero point
 * @param stats the error of the dequantized int8 values against the float values
 */
public record TensorError(int index, String name, float scale, int zeroPoint, ErrorStats stats) {

  /** The error in quantization steps: max |error| / scale. */
  public double maxErrorInSteps() {
    return stats.maxAbsError() / scale;
  }
}
