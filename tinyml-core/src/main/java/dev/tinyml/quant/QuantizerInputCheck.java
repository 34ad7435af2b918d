package dev.tinyml.quant;

import dev.tinyml.ops.Int8Rules;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the quantizer checks of a float model before it calibrates: every op can be rewritten,
 * activations are float32, weights and biases of weighted ops are finite float constants, and no
 * weights are shared with different layouts. It records how each weight and bias is used.
 */
final class QuantizerInputCheck {
  private final Model source;
  private final SubGraph graph;
  private final List<Tensor> tensors;
  private final boolean[] constant;

  /** Each weights tensor's use by its first op. */
  final Map<Integer, WeightUse> weights = new TreeMap<>();

  /** Each bias tensor's use by its first op. */
  final Map<Integer, WeightUse> biases = new TreeMap<>();

  /** Per input of a weighted op, the period of the channel means bias correction needs. */
  final Map<Integer, Integer> meanPeriods = new TreeMap<>();

  QuantizerInputCheck(Model source, SubGraph graph, boolean[] constant) {
    this.source = source;
    this.graph = graph;
    this.tensors = graph.tensors();
    this.constant = constant;
  }

  /**
   * Checks every op and input; fills {@link #weights}, {@link #biases} and {@link #meanPeriods}.
   */
  void run() {
    List<Operator> ops = graph.operators();
    for (int k = 0; k < ops.size(); k++) {
      Operator op = ops.get(k);
      BuiltinOperator b = source.opOf(op);
      if (b == null || !ModelQuantizer.SUPPORTED.contains(b)) {
        String name = source.operatorCodeOf(op).displayName();
        String hint =
            b == BuiltinOperator.QUANTIZE || b == BuiltinOperator.DEQUANTIZE
                ? "; the model already holds quantization ops: give the quantizer the float model"
                : "; supported: " + ModelQuantizer.SUPPORTED;
        throw new QuantizationException("op #" + k + " (" + name + ") cannot be quantized" + hint);
      }
      if (ModelQuantizer.rules(b).quantizesOutputs()) {
        for (int t : op.outputs()) {
          requireFloat(k, b, t, "output");
        }
      }
      boolean weighted = ModelQuantizer.rules(b).weightsChannelAxis() >= 0;
      Int8Rules.WeightedInputs slots = ModelQuantizer.rules(b).weightedInputs();
      for (int j = 0; j < op.inputs().length; j++) {
        int t = op.inputs()[j];
        if (t < 0) {
          continue;
        }
        Tensor tensor = tensors.get(t);
        if (weighted && (j == slots.weights() || j == slots.bias())) {
          checkWeightOrBias(k, b, op, j == slots.weights(), t);
        } else if (tensor.type() == TensorType.FLOAT32) {
          if (constant[t]) {
            checkFinite(t, "constant input of op #" + k + " (" + b + ")");
          }
        } else if (!constant[t] && isQuantizedType(tensor.type())) {
          // Boolean conditions and integer indices pass through; int8/int16 ones mean a
          // (partly) quantized model.
          throw alreadyQuantized(k, b, t);
        }
      }
    }
    for (int t : graph.inputs()) {
      requireFloat(-1, null, t, "model input");
    }
  }

  private static boolean isQuantizedType(TensorType type) {
    return type == TensorType.INT8 || type == TensorType.UINT8 || type == TensorType.INT16;
  }

  private void requireFloat(int k, BuiltinOperator b, int t, String role) {
    Tensor tensor = tensors.get(t);
    if (tensor.type() != TensorType.FLOAT32) {
      if (tensor.type() == TensorType.INT8
          || tensor.type() == TensorType.UINT8
          || tensor.type() == TensorType.INT16) {
        throw alreadyQuantized(k, b, t);
      }
      throw new QuantizationException(
          role
              + " "
              + named(k, b, t)
              + " has type "
              + tensor.type()
              + "; the quantizer takes float32 activations");
    }
  }

  private QuantizationException alreadyQuantized(int k, BuiltinOperator b, int t) {
    Tensor tensor = tensors.get(t);
    String what = "tensor " + named(k, b, t) + " is already " + tensor.type();
    return new QuantizationException(
        what + "; the model is (partly) quantized. Quantize the float32 model it came from");
  }

  /** Tensor {@code t}'s quoted name and, when {@code k >= 0}, the op that reads it. */
  private String named(int k, BuiltinOperator b, int t) {
    String op = k >= 0 ? " of op #" + k + " (" + b + ")" : "";
    return "'" + Calibrator.nameOf(tensors.get(t), t) + "'" + op;
  }

  private void checkWeightOrBias(int k, BuiltinOperator b, Operator op, boolean isWeights, int t) {
    Tensor tensor = tensors.get(t);
    String what = isWeights ? "weights" : "bias";
    String subject = what + " '" + Calibrator.nameOf(tensor, t) + "' of op #" + k + " (" + b + ")";
    if (!constant[t]) {
      throw new QuantizationException(
          subject + " are not constant; the int8 kernels need constant " + what);
    }
    if (tensor.type() != TensorType.FLOAT32) {
      throw new QuantizationException(
          subject
              + " are "
              + tensor.type()
              + ": expected float32 (or int8 with a scale, from a hybrid model)");
    }
    checkFinite(t, what + " of op #" + k + " (" + b + ")");
    Int8Rules.WeightedInputs slots = ModelQuantizer.rules(b).weightedInputs();
    int data = op.inputs()[slots.data()];
    if (isWeights) {
      int axis = ModelQuantizer.rules(b).weightsChannelAxis();
      WeightUse use = new WeightUse(k, b, data, t, axis);
      WeightUse prior = weights.putIfAbsent(t, use);
      if (prior != null && (prior.builtin() != b || prior.axis() != axis)) {
        throw new QuantizationException(
            "weights '"
                + Calibrator.nameOf(tensor, t)
                + "' are shared by op #"
                + prior.op()
                + " and op #"
                + k
                + " with different layouts; give each op its own copy");
      }
      int period =
          b == BuiltinOperator.FULLY_CONNECTED
              ? tensor.shape()[tensor.shape().length - 1]
              : lastDim(tensors.get(data));
      meanPeriods.putIfAbsent(data, period);
    } else {
      biases.putIfAbsent(t, new WeightUse(k, b, data, op.inputs()[slots.weights()], 0));
    }
  }

  private static int lastDim(Tensor t) {
    int[] s = t.shape();
    return s.length == 0 ? 1 : s[s.length - 1];
  }

  private void checkFinite(int t, String role) {
    float[] v = floats(t);
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new QuantizationException(
            role
                + ": tensor '"
                + Calibrator.nameOf(tensors.get(t), t)
                + "' holds "
                + v[i]
                + " at index "
                + i
                + "; the float model itself is broken (retrain or repair it)");
      }
    }
  }

  private float[] floats(int t) {
    return floats(source, tensors.get(t));
  }

  /** The float32 values of a constant tensor. */
  static float[] floats(Model source, Tensor tensor) {
    byte[] data = source.dataOf(tensor);
    float[] v = new float[data.length / 4];
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }
}
