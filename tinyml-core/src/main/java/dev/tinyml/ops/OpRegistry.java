package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.OperatorCode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every op the project implements, by builtin code (and custom ops by name). The interpreter,
 * memory planner, quantizer and op resolver generator look ops up here instead of switching on op
 * codes; adding an op is one class and one {@code register} line below.
 */
public final class OpRegistry {

  private static final Map<BuiltinOperator, Op<?>> BUILTINS = new EnumMap<>(BuiltinOperator.class);
  private static final Map<String, Op<?>> CUSTOM = new LinkedHashMap<>();

  static {
    register(new AddOp());
    register(new AveragePool2DOp());
    register(new CastOp());
    register(new ConcatenationOp());
    register(new Conv2DOp());
    register(new DepthwiseConv2DOp());
    register(new DequantizeOp());
    register(new DivOp());
    register(new FullyConnectedOp());
    register(new LeakyReluOp());
    register(new LogisticOp());
    register(new MaxPool2DOp());
    register(new MaximumOp());
    register(new MeanOp());
    register(new MinimumOp());
    register(new MulOp());
    register(new PadOp());
    register(new QuantizeOp());
    register(new Relu6Op());
    register(new ReluOp());
    register(new ReshapeOp());
    register(new SoftmaxOp());
    register(new SqueezeOp());
    register(new StridedSliceOp());
    register(new SubOp());
    register(new SvdfOp());
    register(new TanhOp());
    register(new UnidirectionalSequenceLstmOp());

    register(new SignalWindowOp());
    register(new SignalFftAutoScaleOp());
    register(new SignalRfftOp());
    register(new SignalEnergyOp());
    register(new SignalFilterBankOp());
    register(new SignalFilterBankSquareRootOp());
    register(new SignalFilterBankSpectralSubtractionOp());
    register(new SignalPcanOp());
    register(new SignalFilterBankLogOp());
  }

  private OpRegistry() {}

  private static void register(Op<?> op) {
    Op<?> previous =
        op.builtin() == BuiltinOperator.CUSTOM
            ? CUSTOM.put(op.customName(), op)
            : BUILTINS.put(op.builtin(), op);
    if (previous != null) {
      throw new IllegalStateException(op.name() + " is registered twice");
    }
  }

  /** The op implementing builtin {@code code} (never {@code CUSTOM}), if any. */
  public static Optional<Op<?>> builtin(BuiltinOperator code) {
    return Optional.ofNullable(code == null ? null : BUILTINS.get(code));
  }

  /** The custom op registered as {@code name}, if any. */
  public static Optional<Op<?>> custom(String name) {
    return Optional.ofNullable(name == null ? null : CUSTOM.get(name));
  }

  /** The op an operator code names: a builtin, or a custom op by its custom code. */
  public static Optional<Op<?>> lookup(OperatorCode code) {
    BuiltinOperator b = code.builtinCode();
    return b == BuiltinOperator.CUSTOM ? custom(code.customCode()) : builtin(b);
  }

  /** The quantizer's rules for builtin {@code code}, when its op class has them. */
  public static Optional<Int8Rules> int8Rules(BuiltinOperator code) {
    return builtin(code).filter(Int8Rules.class::isInstance).map(Int8Rules.class::cast);
  }

  /** The TFLM arena footprint of builtin {@code code}, when its op class states it. */
  public static Optional<TflmFootprint> tflmFootprint(BuiltinOperator code) {
    return builtin(code).filter(TflmFootprint.class::isInstance).map(TflmFootprint.class::cast);
  }

  /** The builtin codes with an op, in enum order. */
  public static Set<BuiltinOperator> builtins() {
    return Collections.unmodifiableSet(BUILTINS.keySet());
  }

  /** The custom op names with an op, in registration order. */
  public static List<String> customNames() {
    return List.copyOf(CUSTOM.keySet());
  }
}
