package dev.tinyml.codegen;

import java.util.List;
import java.util.Objects;

/**
 * What a conversion produced and how good it is; the convert flow fills it, {@link ReportWriter}
 * writes it as Markdown and JSON. Optional parts (MACs, agreement, SQNR, histograms) are null or
 * empty when the flow did not compute them, and the report says so.
 *
 * @param modelName the model name
 * @param source where the model came from (file or directory name, no absolute path)
 * @param quantization {@code int8} or {@code none}
 * @param board the board id
 * @param template the sketch template id
 * @param inputs the model inputs
 * @param outputs the model outputs
 * @param ops op use, in first-use order
 * @param footprint flash and RAM against the board's budget
 * @param macs multiply-accumulates of one inference, null if not counted
 * @param agreement float-vs-int8 agreement on the representative data, null if not measured
 * @param worstTensors tensors with the lowest signal-to-quantization-noise ratio, worst first
 * @param histograms weight histogram images, paths relative to the report
 * @param notes what the user should know about how the figures came about (few calibration samples,
 *     converted arrays, a board budget replaced), one sentence each
 */
public record ConversionReport(
    String modelName,
    String source,
    String quantization,
    String board,
    String template,
    List<TensorSpec> inputs,
    List<TensorSpec> outputs,
    List<OpUse> ops,
    Footprint footprint,
    Long macs,
    Agreement agreement,
    List<TensorSqnr> worstTensors,
    List<Histogram> histograms,
    List<String> notes) {

  /** Copies the lists. */
  public ConversionReport {
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(footprint, "footprint");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    ops = List.copyOf(ops);
    worstTensors = List.copyOf(worstTensors);
    histograms = List.copyOf(histograms);
    notes = List.copyOf(notes);
  }

  /**
   * How often one builtin op occurs.
   *
   * @param op the builtin op name
   * @param version the op version in the model (the highest if several)
   * @param count the number of nodes
   */
  public record OpUse(String op, int version, int count) {}

  /**
   * Float model versus quantized model on the same samples.
   *
   * @param samples the number of samples compared
   * @param top1Agreement the fraction of samples whose argmax is the same
   * @param meanAbsoluteError the mean absolute difference of the dequantized outputs
   * @param measuredOn which samples: {@link #CALIBRATION_SAMPLES}, or a description of held-out
   *     samples
   */
  public record Agreement(
      int samples, double top1Agreement, double meanAbsoluteError, String measuredOn) {
    /** Said of an agreement measured on the samples the ranges were calibrated on. */
    public static final String CALIBRATION_SAMPLES = "the calibration samples";

    /** Checks the description. */
    public Agreement {
      Objects.requireNonNull(measuredOn, "measuredOn");
    }

    /**
     * An agreement measured on the calibration samples.
     *
     * @param samples the number of samples compared
     * @param top1Agreement the fraction of samples whose argmax is the same
     * @param meanAbsoluteError the mean absolute difference of the dequantized outputs
     */
    public Agreement(int samples, double top1Agreement, double meanAbsoluteError) {
      this(samples, top1Agreement, meanAbsoluteError, CALIBRATION_SAMPLES);
    }

    /**
     * Whether the samples were the calibration samples, so the figure flatters the model.
     *
     * @return true for the calibration samples
     */
    public boolean onCalibrationSamples() {
      return CALIBRATION_SAMPLES.equals(measuredOn);
    }
  }

  /**
   * The quantization noise of one tensor.
   *
   * @param tensor the tensor name
   * @param sqnrDb signal-to-quantization-noise ratio in decibels
   */
  public record TensorSqnr(String tensor, double sqnrDb) {}

  /**
   * A weight histogram image.
   *
   * @param tensor the tensor name
   * @param png the image path relative to the report
   */
  public record Histogram(String tensor, String png) {}
}
