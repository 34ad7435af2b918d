package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.SubGraph;
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
    // Breadth ops (issue #14): data movement, element-wise math, reductions, resizing.
    register(new TransposeOp());
    register(new SliceOp());
    register(new SplitOp());
    register(new SplitVOp());
    register(new PackOp());
    register(new UnpackOp());
    register(new ExpandDimsOp());
    register(new SpaceToDepthOp());
    register(new DepthToSpaceOp());
    register(new SpaceToBatchNdOp());
    register(new BatchToSpaceNdOp());
    register(new GatherOp());
    register(new GatherNdOp());
    register(new ZerosLikeOp());
    register(new FillOp());
    register(new ShapeOp());
    register(new AbsOp());
    register(new SqrtOp());
    register(new RsqrtOp());
    register(new ExpOp());
    register(new LogOp());
    register(new FloorOp());
    register(new RoundOp());
    register(new EluOp());
    register(new HardSwishOp());
    register(new PreluOp());
    register(new SquaredDifferenceOp());
    register(new EqualOp());
    register(new NotEqualOp());
    register(new GreaterOp());
    register(new GreaterEqualOp());
    register(new LessOp());
    register(new LessEqualOp());
    register(new SelectV2Op());
    register(new SumOp());
    register(new ReduceMaxOp());
    register(new ReduceMinOp());
    register(new ArgMaxOp());
    register(new ArgMinOp());
    register(new L2NormalizationOp());
    register(new ResizeBilinearOp());
    register(new ResizeNearestNeighborOp());
    register(new TransposeConvOp());
    register(new BatchMatMulOp());

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

  /**
   * Estimated multiply-accumulates of one invocation of {@code op} (see {@link Op#macs}): its op
   * class's estimate, or for a builtin without one the generic rule (0 for data movement, input
   * elements for reductions, output elements otherwise); 0 for an opcode index outside the model.
   */
  public static long macs(Model model, SubGraph graph, Operator op) {
    int oi = op.opcodeIndex();
    if (oi < 0 || oi >= model.operatorCodes().size()) {
      return 0;
    }
    OperatorCode code = model.operatorCodes().get(oi);
    OpNode node = new OpNode(model, graph, op);
    return lookup(code)
        .map(o -> o.macs(node))
        .orElseGet(() -> UnregisteredOpMacs.macs(code.builtinCode(), node));
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
