package dev.tinyml.codegen.c;

import dev.tinyml.ops.AbsRsqrtOp;
import dev.tinyml.ops.AddOp;
import dev.tinyml.ops.ArgMinMaxOp;
import dev.tinyml.ops.AveragePool2DOp;
import dev.tinyml.ops.BatchMatMulOp;
import dev.tinyml.ops.BatchToSpaceNdOp;
import dev.tinyml.ops.CastOp;
import dev.tinyml.ops.ComparisonOp;
import dev.tinyml.ops.ConcatenationOp;
import dev.tinyml.ops.Conv2DOp;
import dev.tinyml.ops.DepthToSpaceOp;
import dev.tinyml.ops.DepthwiseConv2DOp;
import dev.tinyml.ops.DequantizeOp;
import dev.tinyml.ops.DivOp;
import dev.tinyml.ops.ElementwiseUnaryOp;
import dev.tinyml.ops.EluOp;
import dev.tinyml.ops.ExpOp;
import dev.tinyml.ops.ExpandDimsOp;
import dev.tinyml.ops.FloorOp;
import dev.tinyml.ops.FullyConnectedOp;
import dev.tinyml.ops.GatherNdOp;
import dev.tinyml.ops.GatherOp;
import dev.tinyml.ops.HardSwishOp;
import dev.tinyml.ops.IndexMapOp;
import dev.tinyml.ops.L2NormalizationOp;
import dev.tinyml.ops.LeakyReluOp;
import dev.tinyml.ops.LogOp;
import dev.tinyml.ops.LogisticOp;
import dev.tinyml.ops.MaxPool2DOp;
import dev.tinyml.ops.MaximumOp;
import dev.tinyml.ops.MeanOp;
import dev.tinyml.ops.MinimumOp;
import dev.tinyml.ops.MulOp;
import dev.tinyml.ops.Op;
import dev.tinyml.ops.OpPlan;
import dev.tinyml.ops.OpRegistry;
import dev.tinyml.ops.PadOp;
import dev.tinyml.ops.PreluOp;
import dev.tinyml.ops.QuantizeOp;
import dev.tinyml.ops.ReduceOp;
import dev.tinyml.ops.Relu6Op;
import dev.tinyml.ops.ReluOp;
import dev.tinyml.ops.ReshapeOp;
import dev.tinyml.ops.ResizeBilinearOp;
import dev.tinyml.ops.ResizeNearestNeighborOp;
import dev.tinyml.ops.RoundOp;
import dev.tinyml.ops.SelectV2Op;
import dev.tinyml.ops.SignalEnergyOp;
import dev.tinyml.ops.SignalFftAutoScaleOp;
import dev.tinyml.ops.SignalFilterBankLogOp;
import dev.tinyml.ops.SignalFilterBankOp;
import dev.tinyml.ops.SignalFilterBankSpectralSubtractionOp;
import dev.tinyml.ops.SignalFilterBankSquareRootOp;
import dev.tinyml.ops.SignalPcanOp;
import dev.tinyml.ops.SignalRfftOp;
import dev.tinyml.ops.SignalWindowOp;
import dev.tinyml.ops.SliceOp;
import dev.tinyml.ops.SoftmaxOp;
import dev.tinyml.ops.SpaceToBatchNdOp;
import dev.tinyml.ops.SpaceToDepthOp;
import dev.tinyml.ops.SplittingOp;
import dev.tinyml.ops.SqrtOp;
import dev.tinyml.ops.SquaredDifferenceOp;
import dev.tinyml.ops.SqueezeOp;
import dev.tinyml.ops.StackingOp;
import dev.tinyml.ops.StridedSliceOp;
import dev.tinyml.ops.SubOp;
import dev.tinyml.ops.SvdfOp;
import dev.tinyml.ops.TanhOp;
import dev.tinyml.ops.TensorCreationOp;
import dev.tinyml.ops.TransposeConvOp;
import dev.tinyml.ops.TransposeOp;
import dev.tinyml.ops.UnidirectionalSequenceLstmOp;
import dev.tinyml.tflite.BuiltinOperator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The C emitter of each op class of {@link dev.tinyml.ops.OpRegistry} the c backend compiles, one
 * line per op class (or per family base, such as {@link ComparisonOp}, whose subclasses share one
 * plan record): adding an op to the c backend is one emitter and one line here.
 */
public final class COpEmitters {
  private COpEmitters() {}

  private static final Map<Class<?>, COpEmitter<?>> EMITTERS = new LinkedHashMap<>();

  static {
    register(FullyConnectedOp.class, DenseEmitters::fullyConnected);
    register(Conv2DOp.class, WindowEmitters::conv2d);
    register(DepthwiseConv2DOp.class, WindowEmitters::depthwise);
    register(AveragePool2DOp.class, (op, p, m) -> WindowEmitters.pool(op, p, m, false));
    register(MaxPool2DOp.class, (op, p, m) -> WindowEmitters.pool(op, p, m, true));
    register(SoftmaxOp.class, DenseEmitters::softmax);
    register(ReshapeOp.class, DataEmitters::copy);
    register(SqueezeOp.class, DataEmitters::copy);
    register(QuantizeOp.class, DataEmitters::quantize);
    register(DequantizeOp.class, DataEmitters::dequantize);
    register(AddOp.class, ElementwiseEmitters::arithmetic);
    register(SubOp.class, ElementwiseEmitters::arithmetic);
    register(MulOp.class, ElementwiseEmitters::arithmetic);
    register(LogisticOp.class, (op, p, m) -> ElementwiseEmitters.sigmoid(op, p, m, false));
    register(TanhOp.class, (op, p, m) -> ElementwiseEmitters.sigmoid(op, p, m, true));
    register(ReluOp.class, ElementwiseEmitters::relu);
    register(Relu6Op.class, ElementwiseEmitters::relu6);
    register(LeakyReluOp.class, ElementwiseEmitters::leakyRelu);
    register(MeanOp.class, ReductionEmitters::mean);
    register(PadOp.class, ShapeEmitters::pad);
    register(ConcatenationOp.class, ShapeEmitters::concat);
    register(SvdfOp.class, SvdfEmitter::svdf);
    register(UnidirectionalSequenceLstmOp.class, LstmEmitter::lstm);
    register(TransposeConvOp.class, WindowEmitters::transposeConv);
    register(BatchMatMulOp.class, DenseEmitters::batchMatMul);
    register(ExpandDimsOp.class, DataEmitters::copy);
    register(StridedSliceOp.class, DataEmitters::stridedSlice);
    for (Class<? extends IndexMapOp> gather :
        List.of(
            TransposeOp.class,
            SliceOp.class,
            SpaceToDepthOp.class,
            DepthToSpaceOp.class,
            SpaceToBatchNdOp.class,
            BatchToSpaceNdOp.class,
            ResizeNearestNeighborOp.class)) {
      register(gather, DataEmitters::indexMap);
    }
    register(SplittingOp.class, ShapeEmitters::split);
    register(StackingOp.class, ShapeEmitters::pack);
    register(CastOp.class, DataEmitters::cast);
    register(TensorCreationOp.class, DataEmitters::create);
    register(DivOp.class, ElementwiseEmitters::binary);
    register(ComparisonOp.class, LogicEmitters::compare);
    register(SelectV2Op.class, LogicEmitters::select);
    register(MinimumOp.class, ElementwiseEmitters::binary);
    register(MaximumOp.class, ElementwiseEmitters::binary);
    register(AbsRsqrtOp.class, UnaryMathEmitters::absRsqrt);
    for (Class<? extends ElementwiseUnaryOp<Void>> floatOnly :
        List.of(SqrtOp.class, ExpOp.class, LogOp.class, FloorOp.class, RoundOp.class)) {
      register(floatOnly, UnaryMathEmitters::floatOnly);
    }
    register(EluOp.class, UnaryMathEmitters::elu);
    register(HardSwishOp.class, UnaryMathEmitters::hardSwish);
    register(L2NormalizationOp.class, UnaryMathEmitters::l2Normalization);
    register(ResizeBilinearOp.class, ResizeEmitter::bilinear);
    register(ReduceOp.class, ReductionEmitters::reduce);
    register(ArgMinMaxOp.class, ReductionEmitters::argMinMax);
    register(GatherOp.class, DataEmitters::gatherAlongAxis);
    register(GatherNdOp.class, DataEmitters::gatherNd);
    register(SquaredDifferenceOp.class, ElementwiseEmitters::squaredDifference);
    register(PreluOp.class, ElementwiseEmitters::prelu);
    register(SignalWindowOp.class, SignalEmitters::window);
    register(SignalFftAutoScaleOp.class, SignalEmitters::fftAutoScale);
    register(SignalRfftOp.class, SignalEmitters::rfft);
    register(SignalEnergyOp.class, SignalEmitters::energy);
    register(SignalFilterBankOp.class, SignalEmitters::filterBank);
    register(SignalFilterBankSquareRootOp.class, SignalEmitters::squareRoot);
    register(SignalFilterBankSpectralSubtractionOp.class, SignalEmitters::spectralSubtraction);
    register(SignalPcanOp.class, SignalEmitters::pcan);
    register(SignalFilterBankLogOp.class, SignalEmitters::log);
  }

  private static <P extends OpPlan, O extends Op<P>> void register(
      Class<O> op, COpEmitter<P> emitter) {
    EMITTERS.put(op, emitter);
  }

  /** The emitter of {@code op}'s class, or null when the c backend does not compile it. */
  @SuppressWarnings("unchecked")
  public static <P extends OpPlan> COpEmitter<P> of(Op<P> op) {
    return (COpEmitter<P>) emitterOf(op.getClass());
  }

  /** The emitter registered for {@code type} or its nearest registered superclass. */
  private static COpEmitter<?> emitterOf(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      COpEmitter<?> e = EMITTERS.get(c);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /** The names of the ops with an emitter, sorted. */
  public static TreeSet<String> supported() {
    TreeSet<String> names = new TreeSet<>();
    for (BuiltinOperator code : BuiltinOperator.values()) {
      OpRegistry.builtin(code)
          .filter(op -> emitterOf(op.getClass()) != null)
          .ifPresent(op -> names.add(op.name()));
    }
    return names;
  }
}
