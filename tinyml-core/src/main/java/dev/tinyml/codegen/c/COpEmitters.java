package dev.tinyml.codegen.c;

import dev.tinyml.interp.kernels.Arithmetic;
import dev.tinyml.tflite.BuiltinOperator;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The C emitter of each builtin operator the c backend compiles: one line per op. */
public final class COpEmitters {
  private COpEmitters() {}

  private static final Map<BuiltinOperator, COpEmitter> EMITTERS = emitters();

  private static Map<BuiltinOperator, COpEmitter> emitters() {
    Map<BuiltinOperator, COpEmitter> e = new EnumMap<>(BuiltinOperator.class);
    e.put(BuiltinOperator.FULLY_CONNECTED, DenseEmitters::fullyConnected);
    e.put(BuiltinOperator.CONV_2D, ConvEmitters::conv2d);
    e.put(BuiltinOperator.DEPTHWISE_CONV_2D, ConvEmitters::depthwise);
    e.put(BuiltinOperator.AVERAGE_POOL_2D, (op, m) -> DenseEmitters.pool(op, m, false));
    e.put(BuiltinOperator.MAX_POOL_2D, (op, m) -> DenseEmitters.pool(op, m, true));
    e.put(BuiltinOperator.SOFTMAX, DenseEmitters::softmax);
    e.put(BuiltinOperator.RESHAPE, DataEmitters::reshape);
    e.put(BuiltinOperator.SQUEEZE, DataEmitters::reshape);
    e.put(BuiltinOperator.QUANTIZE, DataEmitters::quantize);
    e.put(BuiltinOperator.DEQUANTIZE, DataEmitters::dequantize);
    e.put(BuiltinOperator.ADD, (op, m) -> ElementwiseEmitters.arithmetic(op, m, Arithmetic.Op.ADD));
    e.put(BuiltinOperator.SUB, (op, m) -> ElementwiseEmitters.arithmetic(op, m, Arithmetic.Op.SUB));
    e.put(BuiltinOperator.MUL, (op, m) -> ElementwiseEmitters.arithmetic(op, m, Arithmetic.Op.MUL));
    e.put(BuiltinOperator.LOGISTIC, (op, m) -> ElementwiseEmitters.logisticOrTanh(op, m, false));
    e.put(BuiltinOperator.TANH, (op, m) -> ElementwiseEmitters.logisticOrTanh(op, m, true));
    e.put(BuiltinOperator.RELU, (op, m) -> ElementwiseEmitters.relu(op, m, false));
    e.put(BuiltinOperator.RELU6, (op, m) -> ElementwiseEmitters.relu(op, m, true));
    e.put(BuiltinOperator.LEAKY_RELU, ElementwiseEmitters::leakyRelu);
    return Collections.unmodifiableMap(e);
  }

  /** The emitter of {@code op}, or null when the c backend does not compile it. */
  public static COpEmitter of(BuiltinOperator op) {
    return EMITTERS.get(op);
  }

  /** The operators with an emitter. */
  public static Set<BuiltinOperator> supported() {
    return EMITTERS.keySet();
  }
}
