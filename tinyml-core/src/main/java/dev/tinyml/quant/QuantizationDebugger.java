package dev.tinyml.quant;

import dev.tinyml.tflite.Model;

/**
 * Finds where an int8 model loses precision: runs it and its float model on the same samples and
 * compares every tensor the two share by name (the int8 values dequantized), reporting SQNR, max
 * and mean squared error per tensor, worst first.
 *
 * <pre>{@code
 * DebugReport report = QuantizationDebugger.compare(floatModel, int8Model, heldOut);
 * System.out.println(report.worst(5));
 * }</pre>
 */
public final class QuantizationDebugger {
  private QuantizationDebugger() {}

  /**
   * Compares the models tensor by tensor.
   *
   * @param floatModel the float32 model
   * @param int8Model its quantized form (from {@link ModelQuantizer} or any converter, as long as
   *     tensor names match)
   * @param data the samples, as real values for the float model's inputs
   * @return the per-tensor errors, worst first
   * @throws QuantizationException if the dataset is empty or no tensor names match
   */
  public static DebugReport compare(Model floatModel, Model int8Model, RepresentativeDataset data) {
    return ModelComparison.outputsAndTensors(floatModel, int8Model, data).tensors();
  }
}
