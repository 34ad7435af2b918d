package dev.tinyml.quant;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.FullyConnectedOptions;
import dev.tinyml.tflite.Operator;

/**
 * The lowest op version that supports an int8 op's features, as TensorFlow's converter chooses it
 * ({@code tensorflow/lite/tools/versioning/op_version.cc}). Older TFLM builds reject newer
 * versions, so a version is only raised when a feature needs it.
 */
final class OpVersions {
  private OpVersions() {}

  /**
   * @param op the operator after quantization
   * @param builtin its builtin code
   * @param mulRescale for MUL, {@code input1Scale * input2Scale / outputScale}; ignored otherwise
   * @param subBroadcastAbove4d for SUB, whether the inputs broadcast with more than 4 dimensions
   */
  static int int8Version(
      Operator op, BuiltinOperator builtin, double mulRescale, boolean subBroadcastAbove4d) {
    return switch (builtin) {
      case CONV_2D, DEPTHWISE_CONV_2D -> 3;
      case FULLY_CONNECTED -> fullyConnected(op);
      case MUL -> mulRescale >= 1.0 ? 3 : 2;
      case SUB -> subBroadcastAbove4d ? 3 : 2;
      case AVERAGE_POOL_2D,
          MAX_POOL_2D,
          SOFTMAX,
          MEAN,
          RELU,
          RELU6,
          LOGISTIC,
          TANH,
          ADD,
          PAD,
          CONCATENATION,
          DEQUANTIZE ->
          2;
      case RESHAPE, SQUEEZE, LEAKY_RELU, QUANTIZE -> 1;
      default -> throw new IllegalArgumentException("no int8 version rule for " + builtin);
    };
  }

  private static int fullyConnected(Operator op) {
    if (op.inputs().length == 2) {
      return 6; // no bias input at all
    }
    if (op.options() instanceof FullyConnectedOptions o && o.keepNumDims()) {
      return 5;
    }
    return 4;
  }
}
