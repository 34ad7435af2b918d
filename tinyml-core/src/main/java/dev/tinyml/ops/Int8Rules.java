package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * How the quantizer treats an op when it rewrites a float model to int8, as TFLM's int8 kernel
 * needs it: which input holds weights (and their channel axis), which tensors share quantization
 * parameters, and the lowest op version carrying the int8 features used. Implemented by the op
 * classes the quantizer handles.
 */
public interface Int8Rules {

  /** How the op's output gets its int8 scale and zero point. */
  enum OutputParams {
    /** From the output's own calibrated range. */
    CALIBRATED,
    /**
     * Shared with input 0 (ops that only move or select values: pools, reshapes, pad): both get the
     * union of their ranges.
     */
    SHARED_WITH_INPUT,
    /**
     * Shared with every input (CONCATENATION); an input whose parameters are fixed keeps them and
     * is requantized into the shared ones.
     */
    SHARED_WITH_ALL_INPUTS,
    /** Fixed by the kernel: see {@link #fixedOutputScale()} and {@link #fixedOutputZeroPoint()}. */
    FIXED
  }

  /**
   * Whether the op may appear in the float model given to the quantizer (QUANTIZE and DEQUANTIZE
   * only appear in its output).
   */
  default boolean quantizable() {
    return true;
  }

  /**
   * The axis of the weights (see {@link #weightedInputs()}) that holds output channels, whose
   * per-channel scales the quantizer computes; -1 for ops without weights.
   */
  default int weightsChannelAxis() {
    return -1;
  }

  /**
   * Where an op with weights has its inputs.
   *
   * @param data the activation the weights multiply
   * @param weights the constant weights, quantized to symmetric int8
   * @param bias the bias, quantized to int32 at the data's scale times the weights' scale
   */
  record WeightedInputs(int data, int weights, int bias) {}

  /**
   * The positions of an op's data, weights and bias among its inputs, for ops whose {@link
   * #weightsChannelAxis()} is not -1: inputs 0, 1 and 2 unless the op says otherwise
   * (TRANSPOSE_CONV takes its output shape first).
   */
  default WeightedInputs weightedInputs() {
    return new WeightedInputs(0, 1, 2);
  }

  /**
   * Whether the weights are quantized per tensor unless the quantizer is asked for per-channel ones
   * (fully connected layers, as the converter does by default).
   */
  default boolean perTensorWeightsByDefault() {
    return false;
  }

  /** How the output's parameters are chosen. */
  default OutputParams outputParams() {
    return OutputParams.CALIBRATED;
  }

  /**
   * The input whose parameters every output shares under {@link OutputParams#SHARED_WITH_INPUT}
   * (SPLIT's data is input 1, after the axis).
   */
  default int sharedInput() {
    return 0;
  }

  /**
   * Whether the outputs are activations the quantizer gives int8 parameters; false for ops whose
   * outputs are booleans or indices (comparisons, ARG_MAX), which keep their type.
   */
  default boolean quantizesOutputs() {
    return true;
  }

  /**
   * Whether the op's kernel also runs with int16 activations (TFLite's 16x8 scheme: int16
   * activations with zero point 0, int8 weights, int64 bias), so that a quantizer may give its
   * activations int16 parameters; {@link #int8Version} then gives the version of that form.
   */
  default boolean takesInt16Activations() {
    return false;
  }

  /**
   * Whether the operator's input 0 is int16: its 16x8 form, for {@link #int8Version} and
   * footprints.
   *
   * @param node the operator
   * @return true when input 0 is present and of type INT16
   */
  static boolean hasInt16Input(OpNode node) {
    Tensor in = node.input(0);
    return in != null && in.type() == TensorType.INT16;
  }

  /**
   * The options the operator carries in a 16x8 model, from the float operator's (ADD clears {@code
   * pot_scale_int16}, since calibrated int16 scales are not powers of two).
   *
   * @param floatOptions the float operator's options, possibly null
   * @return the options of the int16 operator
   */
  default BuiltinOptions int16x8Options(BuiltinOptions floatOptions) {
    return floatOptions;
  }

  /** The output scale the kernel requires, for {@link OutputParams#FIXED}. */
  default float fixedOutputScale() {
    throw new UnsupportedOperationException("the output parameters are not fixed");
  }

  /** The output zero point the kernel requires, for {@link OutputParams#FIXED}. */
  default int fixedOutputZeroPoint() {
    throw new UnsupportedOperationException("the output parameters are not fixed");
  }

  /**
   * The lowest op version that supports the quantized operator's features, as TensorFlow's
   * converter chooses it ({@code tensorflow/lite/tools/versioning/op_version.cc}); older TFLM
   * builds reject newer versions.
   *
   * @param quantized the operator in the quantized model (its tensors carry int8 parameters, or
   *     int16 ones for an op that {@link #takesInt16Activations()})
   */
  int int8Version(OpNode quantized);

  /**
   * For bias correction: per output channel, the mean error the quantized weights add to the
   * output, from each weight's quantization error (dequantized minus real, in the weights' layout)
   * and the channel means of input 0 seen in calibration. Only asked of ops with weights.
   *
   * @param node the float operator
   * @param weightError each weight's quantization error
   * @param inputMean the calibration mean of each input channel
   * @param channels the number of output channels
   */
  default double[] weightErrorShift(
      OpNode node, float[] weightError, double[] inputMean, int channels) {
    throw new IllegalStateException("no weights for " + node.model().opOf(node.operator()));
  }
}
