package dev.tinyml.quant;

import java.util.Locale;

/**
 * How {@link ModelQuantizer} quantizes a model. Start from {@link #defaults()} and change what you
 * need with the {@code with...} methods.
 *
 * @param inputType the model inputs' type
 * @param outputType the model outputs' type
 * @param perChannelFullyConnected per-channel weight scales for FULLY_CONNECTED (per-tensor by
 *     default, which every TFLM build accepts)
 * @param calibration which calibration method each tensor uses
 * @param biasCorrection whether to subtract each layer's expected weight-quantization error, {@code
 *     (Wq - W) E[x]}, from its bias (not done by TensorFlow's converter)
 * @param batchSize samples pulled from the dataset and run at once; bounds calibration memory
 * @param threads interpreter threads during calibration
 * @param scheme the integer types the model computes in: int8, or int16 activations with int8
 *     weights (16x8)
 */
public record QuantizationOptions(
    IoType inputType,
    IoType outputType,
    boolean perChannelFullyConnected,
    CalibrationPlan calibration,
    boolean biasCorrection,
    int batchSize,
    int threads,
    QuantizationScheme scheme) {

  /** Validates the options. */
  public QuantizationOptions {
    if (inputType == null || outputType == null || calibration == null || scheme == null) {
      throw new IllegalArgumentException(
          "input type, output type, calibration and scheme are required");
    }
    checkIo("input", inputType, scheme);
    checkIo("output", outputType, scheme);
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("thread count must be positive, got " + threads);
    }
  }

  /**
   * Int8 inputs and outputs, per-tensor FULLY_CONNECTED weights, min/max calibration, no bias
   * correction, batches of 32, all available processors: what TensorFlow's converter does.
   */
  public static QuantizationOptions defaults() {
    return new QuantizationOptions(
        IoType.INT8,
        IoType.INT8,
        false,
        CalibrationPlan.of(CalibrationMethod.minMax()),
        false,
        32,
        Runtime.getRuntime().availableProcessors(),
        QuantizationScheme.INT8);
  }

  private static void checkIo(String role, IoType type, QuantizationScheme scheme) {
    if (type != IoType.FLOAT32 && type != scheme.integerIo()) {
      throw new IllegalArgumentException(
          "the "
              + scheme.id()
              + " scheme makes "
              + scheme.integerIo().name().toLowerCase(Locale.ROOT)
              + " or float32 "
              + role
              + "s, not "
              + type.name().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * These options with another quantization scheme; integer inputs and outputs become the scheme's
   * integer type (int8 or int16), float32 ones stay float32.
   *
   * @param s the scheme
   * @return the options
   */
  public QuantizationOptions withScheme(QuantizationScheme s) {
    IoType in = inputType == IoType.FLOAT32 ? IoType.FLOAT32 : s.integerIo();
    IoType out = outputType == IoType.FLOAT32 ? IoType.FLOAT32 : s.integerIo();
    return new QuantizationOptions(
        in, out, perChannelFullyConnected, calibration, biasCorrection, batchSize, threads, s);
  }

  /** These options with the given input and output types. */
  public QuantizationOptions withIoTypes(IoType in, IoType out) {
    return new QuantizationOptions(
        in, out, perChannelFullyConnected, calibration, biasCorrection, batchSize, threads, scheme);
  }

  /** These options with per-channel FULLY_CONNECTED weights on or off. */
  public QuantizationOptions withPerChannelFullyConnected(boolean perChannel) {
    return new QuantizationOptions(
        inputType, outputType, perChannel, calibration, biasCorrection, batchSize, threads, scheme);
  }

  /** These options with a calibration plan. */
  public QuantizationOptions withCalibration(CalibrationPlan plan) {
    return new QuantizationOptions(
        inputType,
        outputType,
        perChannelFullyConnected,
        plan,
        biasCorrection,
        batchSize,
        threads,
        scheme);
  }

  /** These options with one calibration method for every tensor. */
  public QuantizationOptions withCalibration(CalibrationMethod method) {
    return withCalibration(CalibrationPlan.of(method));
  }

  /** These options with bias correction on or off. */
  public QuantizationOptions withBiasCorrection(boolean on) {
    return new QuantizationOptions(
        inputType,
        outputType,
        perChannelFullyConnected,
        calibration,
        on,
        batchSize,
        threads,
        scheme);
  }

  /** These options with a calibration batch size and thread count. */
  public QuantizationOptions withBatching(int batchSize, int threads) {
    return new QuantizationOptions(
        inputType,
        outputType,
        perChannelFullyConnected,
        calibration,
        biasCorrection,
        batchSize,
        threads,
        scheme);
  }
}
