package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.interp.kernels.Activation;
import dev.tinyml.tflite.ActivationFunctionType;

/** Maps a TFLite fused activation onto the interpreter's clamp. */
final class FusedActivation {
  private FusedActivation() {}

  static Activation of(COp op, ActivationFunctionType type) throws CodegenException {
    if (type == null) {
      return Activation.NONE;
    }
    return switch (type) {
      case NONE -> Activation.NONE;
      case RELU -> Activation.RELU;
      case RELU_N1_TO_1 -> Activation.RELU_N1_TO_1;
      case RELU6 -> Activation.RELU6;
      default -> throw op.unsupported("fused activation " + type);
    };
  }
}
