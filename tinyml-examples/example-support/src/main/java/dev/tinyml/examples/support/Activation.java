package dev.tinyml.examples.support;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The activation functions a layer may end with; each lowers to one TFLite builtin or none. */
public enum Activation {
  /** No activation: the layer output is linear. */
  NONE,
  /** {@code max(0, x)}. */
  RELU,
  /** {@code min(max(0, x), 6)}, MobileNet's activation, friendly to int8 ranges. */
  RELU6,
  /** The logistic function. */
  SIGMOID,
  /** The hyperbolic tangent. */
  TANH;

  Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    return switch (this) {
      case NONE -> x;
      case RELU -> tf.nn.relu(x);
      case RELU6 -> tf.nn.relu6(x);
      case SIGMOID -> tf.math.sigmoid(x);
      case TANH -> tf.math.tanh(x);
    };
  }

  /** Whether He initialisation (for rectifiers) suits this activation better than Glorot's. */
  boolean rectifier() {
    return this == RELU || this == RELU6;
  }
}
