package dev.tinyml.tflite;

import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Converts between the typed options records and their tables. A table whose type is not modelled,
 * that holds a field the record does not model (a newer schema) or an enum value outside the schema
 * becomes {@link UnknownOptions} instead, so nothing is lost.
 */
final class OptionsCodec {
  private OptionsCodec() {}

  /**
   * The typed record for a table of this union type, or {@code null} when the table must be kept as
   * {@link UnknownOptions}.
   */
  static BuiltinOptions decode(int type, RawTable t) {
    Fields f = new Fields(t);
    return switch (type) {
      case Conv2DOptions.TYPE ->
          f.record(
              0x7fL,
              () ->
                  new Conv2DOptions(
                      f.enumValue(0, Padding::fromCode),
                      f.int32(1, 0),
                      f.int32(2, 0),
                      f.enumValue(3, ActivationFunctionType::fromCode),
                      f.int32(4, 1),
                      f.int32(5, 1),
                      f.enumValue(6, TensorType::fromCode)));
      case DepthwiseConv2DOptions.TYPE ->
          f.record(
              0x7fL,
              () ->
                  new DepthwiseConv2DOptions(
                      f.enumValue(0, Padding::fromCode),
                      f.int32(1, 0),
                      f.int32(2, 0),
                      f.int32(3, 0),
                      f.enumValue(4, ActivationFunctionType::fromCode),
                      f.int32(5, 1),
                      f.int32(6, 1)));
      case Pool2DOptions.TYPE ->
          f.record(
              0x3fL,
              () ->
                  new Pool2DOptions(
                      f.enumValue(0, Padding::fromCode),
                      f.int32(1, 0),
                      f.int32(2, 0),
                      f.int32(3, 0),
                      f.int32(4, 0),
                      f.enumValue(5, ActivationFunctionType::fromCode)));
      case SVDFOptions.TYPE ->
          f.record(
              0x7L,
              () ->
                  new SVDFOptions(
                      f.int32(0, 0),
                      f.enumValue(1, ActivationFunctionType::fromCode),
                      f.bool(2, false)));
      case FullyConnectedOptions.TYPE ->
          f.record(
              0x1fL,
              () ->
                  new FullyConnectedOptions(
                      f.enumValue(0, ActivationFunctionType::fromCode),
                      f.enumValue(1, FullyConnectedOptionsWeightsFormat::fromCode),
                      f.bool(2, false),
                      f.bool(3, false),
                      f.enumValue(4, TensorType::fromCode)));
      case SoftmaxOptions.TYPE -> f.record(0x1L, () -> new SoftmaxOptions(f.float32(0)));
      case ConcatenationOptions.TYPE ->
          f.record(
              0x3L,
              () ->
                  new ConcatenationOptions(
                      f.int32(0, 0), f.enumValue(1, ActivationFunctionType::fromCode)));
      case AddOptions.TYPE ->
          f.record(
              0x3L,
              () ->
                  new AddOptions(
                      f.enumValue(0, ActivationFunctionType::fromCode), f.bool(1, true)));
      case L2NormOptions.TYPE ->
          f.record(0x1L, () -> new L2NormOptions(f.enumValue(0, ActivationFunctionType::fromCode)));
      case ResizeBilinearOptions.TYPE ->
          // Slots 0 and 1 (new_height, new_width) are deprecated; a table using them stays unknown.
          f.record(0xcL, () -> new ResizeBilinearOptions(f.bool(2, false), f.bool(3, false)));
      case ReshapeOptions.TYPE -> f.record(0x1L, () -> new ReshapeOptions(t.ints(0)));
      case SpaceToDepthOptions.TYPE -> f.record(0x1L, () -> new SpaceToDepthOptions(f.int32(0, 0)));
      case MulOptions.TYPE ->
          f.record(0x1L, () -> new MulOptions(f.enumValue(0, ActivationFunctionType::fromCode)));
      case PadOptions.TYPE -> f.record(0x0L, PadOptions::new);
      case GatherOptions.TYPE ->
          f.record(0x3L, () -> new GatherOptions(f.int32(0, 0), f.int32(1, 0)));
      case BatchToSpaceNDOptions.TYPE -> f.record(0x0L, BatchToSpaceNDOptions::new);
      case SpaceToBatchNDOptions.TYPE -> f.record(0x0L, SpaceToBatchNDOptions::new);
      case TransposeOptions.TYPE -> f.record(0x0L, TransposeOptions::new);
      case ReducerOptions.TYPE -> f.record(0x1L, () -> new ReducerOptions(f.bool(0, false)));
      case SubOptions.TYPE ->
          f.record(
              0x3L,
              () ->
                  new SubOptions(
                      f.enumValue(0, ActivationFunctionType::fromCode), f.bool(1, true)));
      case DivOptions.TYPE ->
          f.record(0x1L, () -> new DivOptions(f.enumValue(0, ActivationFunctionType::fromCode)));
      case SqueezeOptions.TYPE -> f.record(0x1L, () -> new SqueezeOptions(t.ints(0)));
      case StridedSliceOptions.TYPE ->
          f.record(
              0x3fL,
              () ->
                  new StridedSliceOptions(
                      f.int32(0, 0),
                      f.int32(1, 0),
                      f.int32(2, 0),
                      f.int32(3, 0),
                      f.int32(4, 0),
                      f.bool(5, false)));
      case SplitOptions.TYPE -> f.record(0x1L, () -> new SplitOptions(f.int32(0, 0)));
      case LogSoftmaxOptions.TYPE -> f.record(0x0L, LogSoftmaxOptions::new);
      case CastOptions.TYPE ->
          f.record(
              0x3L,
              () ->
                  new CastOptions(
                      f.enumValue(0, TensorType::fromCode), f.enumValue(1, TensorType::fromCode)));
      case DequantizeOptions.TYPE -> f.record(0x0L, DequantizeOptions::new);
      case MaximumMinimumOptions.TYPE -> f.record(0x0L, MaximumMinimumOptions::new);
      case ArgMaxOptions.TYPE ->
          f.record(0x1L, () -> new ArgMaxOptions(f.enumValue(0, TensorType::fromCode)));
      case PadV2Options.TYPE -> f.record(0x0L, PadV2Options::new);
      case TransposeConvOptions.TYPE ->
          f.record(
              0x1fL,
              () ->
                  new TransposeConvOptions(
                      f.enumValue(0, Padding::fromCode),
                      f.int32(1, 0),
                      f.int32(2, 0),
                      f.enumValue(3, ActivationFunctionType::fromCode),
                      f.enumValue(4, TensorType::fromCode)));
      case ExpandDimsOptions.TYPE -> f.record(0x0L, ExpandDimsOptions::new);
      case ShapeOptions.TYPE ->
          f.record(0x1L, () -> new ShapeOptions(f.enumValue(0, TensorType::fromCode)));
      case ArgMinOptions.TYPE ->
          f.record(0x1L, () -> new ArgMinOptions(f.enumValue(0, TensorType::fromCode)));
      case PackOptions.TYPE -> f.record(0x3L, () -> new PackOptions(f.int32(0, 0), f.int32(1, 0)));
      case UnpackOptions.TYPE ->
          f.record(0x3L, () -> new UnpackOptions(f.int32(0, 0), f.int32(1, 0)));
      case UnidirectionalSequenceLSTMOptions.TYPE ->
          f.record(
              0x3fL,
              () ->
                  new UnidirectionalSequenceLSTMOptions(
                      f.enumValue(0, ActivationFunctionType::fromCode),
                      f.float32(1),
                      f.float32(2),
                      f.bool(3, false),
                      f.bool(4, false),
                      f.bool(5, false)));
      case ResizeNearestNeighborOptions.TYPE ->
          f.record(
              0x3L, () -> new ResizeNearestNeighborOptions(f.bool(0, false), f.bool(1, false)));
      case LeakyReluOptions.TYPE -> f.record(0x1L, () -> new LeakyReluOptions(f.float32(0)));
      case SplitVOptions.TYPE -> f.record(0x1L, () -> new SplitVOptions(f.int32(0, 0)));
      case QuantizeOptions.TYPE -> f.record(0x0L, QuantizeOptions::new);
      case HardSwishOptions.TYPE -> f.record(0x0L, HardSwishOptions::new);
      case DepthToSpaceOptions.TYPE -> f.record(0x1L, () -> new DepthToSpaceOptions(f.int32(0, 0)));
      case BatchMatMulOptions.TYPE ->
          f.record(
              0x7L,
              () -> new BatchMatMulOptions(f.bool(0, false), f.bool(1, false), f.bool(2, false)));
      case CumsumOptions.TYPE ->
          f.record(0x3L, () -> new CumsumOptions(f.bool(0, false), f.bool(1, false)));
      case GeluOptions.TYPE -> f.record(0x1L, () -> new GeluOptions(f.bool(0, false)));
      default -> null;
    };
  }

  /**
   * Reads the fields of one options table and remembers whether any of them held a value the typed
   * records cannot carry (an enum code outside the schema, a bool byte other than 0 or 1): such a
   * table is kept as {@link UnknownOptions} so that writing it back reproduces the original bytes.
   */
  private static final class Fields {
    private final RawTable table;
    private boolean representable = true;

    Fields(RawTable table) {
      this.table = table;
    }

    /**
     * The record built from this table, or {@code null} if the table holds a slot outside {@code
     * slotMask} (a field of a newer schema) or a value the record cannot carry.
     */
    BuiltinOptions record(long slotMask, Supplier<BuiltinOptions> build) {
      if (!onlySlots(table, slotMask)) {
        return null;
      }
      BuiltinOptions options = build.get();
      return representable ? options : null;
    }

    int int32(int slot, int defaultValue) {
      return (int) table.scalar(slot, defaultValue);
    }

    float float32(int slot) {
      return table.floatScalar(slot, 0f);
    }

    boolean bool(int slot, boolean defaultValue) {
      long v = table.scalar(slot, defaultValue ? 1 : 0);
      if (v != 0 && v != 1) {
        representable = false;
      }
      return v == 1;
    }

    /**
     * An enum field; every schema enum has code 0 as default, which stands in for an unknown code.
     */
    <E> E enumValue(int slot, IntFunction<E> fromCode) {
      E value = fromCode.apply(int32(slot, 0));
      if (value == null) {
        representable = false;
        return fromCode.apply(0);
      }
      return value;
    }
  }

  /** The table of a typed record; {@code UnknownOptions} are handled by the caller. */
  static RawTable encode(BuiltinOptions options) {
    RawTable t = new RawTable();
    if (options instanceof Conv2DOptions o) {
      t.putScalarIfNot(0, o.padding().code(), 1, 0);
      t.putScalarIfNot(1, o.strideW(), 4, 0);
      t.putScalarIfNot(2, o.strideH(), 4, 0);
      t.putScalarIfNot(3, o.fusedActivation().code(), 1, 0);
      t.putScalarIfNot(4, o.dilationWFactor(), 4, 1);
      t.putScalarIfNot(5, o.dilationHFactor(), 4, 1);
      t.putScalarIfNot(6, o.quantizedBiasType().code(), 1, 0);
      return t;
    }
    if (options instanceof DepthwiseConv2DOptions o) {
      t.putScalarIfNot(0, o.padding().code(), 1, 0);
      t.putScalarIfNot(1, o.strideW(), 4, 0);
      t.putScalarIfNot(2, o.strideH(), 4, 0);
      t.putScalarIfNot(3, o.depthMultiplier(), 4, 0);
      t.putScalarIfNot(4, o.fusedActivation().code(), 1, 0);
      t.putScalarIfNot(5, o.dilationWFactor(), 4, 1);
      t.putScalarIfNot(6, o.dilationHFactor(), 4, 1);
      return t;
    }
    if (options instanceof Pool2DOptions o) {
      t.putScalarIfNot(0, o.padding().code(), 1, 0);
      t.putScalarIfNot(1, o.strideW(), 4, 0);
      t.putScalarIfNot(2, o.strideH(), 4, 0);
      t.putScalarIfNot(3, o.filterWidth(), 4, 0);
      t.putScalarIfNot(4, o.filterHeight(), 4, 0);
      t.putScalarIfNot(5, o.fusedActivation().code(), 1, 0);
      return t;
    }
    if (options instanceof SVDFOptions o) {
      t.putScalarIfNot(0, o.rank(), 4, 0);
      t.putScalarIfNot(1, o.fusedActivation().code(), 1, 0);
      putBool(t, 2, o.asymmetricQuantizeInputs(), false);
      return t;
    }
    if (options instanceof FullyConnectedOptions o) {
      t.putScalarIfNot(0, o.fusedActivation().code(), 1, 0);
      t.putScalarIfNot(1, o.weightsFormat().code(), 1, 0);
      putBool(t, 2, o.keepNumDims(), false);
      putBool(t, 3, o.asymmetricQuantizeInputs(), false);
      t.putScalarIfNot(4, o.quantizedBiasType().code(), 1, 0);
      return t;
    }
    if (options instanceof SoftmaxOptions o) {
      t.putFloatIfNot(0, o.beta(), 0f);
      return t;
    }
    if (options instanceof ConcatenationOptions o) {
      t.putScalarIfNot(0, o.axis(), 4, 0);
      t.putScalarIfNot(1, o.fusedActivation().code(), 1, 0);
      return t;
    }
    if (options instanceof AddOptions o) {
      t.putScalarIfNot(0, o.fusedActivation().code(), 1, 0);
      putBool(t, 1, o.potScaleInt16(), true);
      return t;
    }
    if (options instanceof L2NormOptions o) {
      t.putScalarIfNot(0, o.fusedActivation().code(), 1, 0);
      return t;
    }
    if (options instanceof ResizeBilinearOptions o) {
      putBool(t, 2, o.alignCorners(), false);
      putBool(t, 3, o.halfPixelCenters(), false);
      return t;
    }
    if (options instanceof ReshapeOptions o) {
      t.putInts(0, o.newShape());
      return t;
    }
    if (options instanceof SpaceToDepthOptions o) {
      t.putScalarIfNot(0, o.blockSize(), 4, 0);
      return t;
    }
    if (options instanceof MulOptions o) {
      t.putScalarIfNot(0, o.fusedActivation().code(), 1, 0);
      return t;
    }
    if (options instanceof PadOptions o) {
      return t;
    }
    if (options instanceof GatherOptions o) {
      t.putScalarIfNot(0, o.axis(), 4, 0);
      t.putScalarIfNot(1, o.batchDims(), 4, 0);
      return t;
    }
    if (options instanceof BatchToSpaceNDOptions o) {
      return t;
    }
    if (options instanceof SpaceToBatchNDOptions o) {
      return t;
    }
    if (options instanceof TransposeOptions o) {
      return t;
    }
    if (options instanceof ReducerOptions o) {
      putBool(t, 0, o.keepDims(), false);
      return t;
    }
    if (options instanceof SubOptions o) {
      t.putScalarIfNot(0, o.fusedActivation().code(), 1, 0);
      putBool(t, 1, o.potScaleInt16(), true);
      return t;
    }
    if (options instanceof DivOptions o) {
      t.putScalarIfNot(0, o.fusedActivation().code(), 1, 0);
      return t;
    }
    if (options instanceof SqueezeOptions o) {
      t.putInts(0, o.squeezeDims());
      return t;
    }
    if (options instanceof StridedSliceOptions o) {
      t.putScalarIfNot(0, o.beginMask(), 4, 0);
      t.putScalarIfNot(1, o.endMask(), 4, 0);
      t.putScalarIfNot(2, o.ellipsisMask(), 4, 0);
      t.putScalarIfNot(3, o.newAxisMask(), 4, 0);
      t.putScalarIfNot(4, o.shrinkAxisMask(), 4, 0);
      putBool(t, 5, o.offset(), false);
      return t;
    }
    if (options instanceof SplitOptions o) {
      t.putScalarIfNot(0, o.numSplits(), 4, 0);
      return t;
    }
    if (options instanceof LogSoftmaxOptions o) {
      return t;
    }
    if (options instanceof CastOptions o) {
      t.putScalarIfNot(0, o.inDataType().code(), 1, 0);
      t.putScalarIfNot(1, o.outDataType().code(), 1, 0);
      return t;
    }
    if (options instanceof DequantizeOptions o) {
      return t;
    }
    if (options instanceof MaximumMinimumOptions o) {
      return t;
    }
    if (options instanceof ArgMaxOptions o) {
      t.putScalarIfNot(0, o.outputType().code(), 1, 0);
      return t;
    }
    if (options instanceof PadV2Options o) {
      return t;
    }
    if (options instanceof TransposeConvOptions o) {
      t.putScalarIfNot(0, o.padding().code(), 1, 0);
      t.putScalarIfNot(1, o.strideW(), 4, 0);
      t.putScalarIfNot(2, o.strideH(), 4, 0);
      t.putScalarIfNot(3, o.fusedActivation().code(), 1, 0);
      t.putScalarIfNot(4, o.quantizedBiasType().code(), 1, 0);
      return t;
    }
    if (options instanceof ExpandDimsOptions o) {
      return t;
    }
    if (options instanceof ShapeOptions o) {
      t.putScalarIfNot(0, o.outType().code(), 1, 0);
      return t;
    }
    if (options instanceof ArgMinOptions o) {
      t.putScalarIfNot(0, o.outputType().code(), 1, 0);
      return t;
    }
    if (options instanceof PackOptions o) {
      t.putScalarIfNot(0, o.valuesCount(), 4, 0);
      t.putScalarIfNot(1, o.axis(), 4, 0);
      return t;
    }
    if (options instanceof UnpackOptions o) {
      t.putScalarIfNot(0, o.num(), 4, 0);
      t.putScalarIfNot(1, o.axis(), 4, 0);
      return t;
    }
    if (options instanceof UnidirectionalSequenceLSTMOptions o) {
      t.putScalarIfNot(0, o.fusedActivation().code(), 1, 0);
      t.putFloatIfNot(1, o.cellClip(), 0f);
      t.putFloatIfNot(2, o.projClip(), 0f);
      putBool(t, 3, o.timeMajor(), false);
      putBool(t, 4, o.asymmetricQuantizeInputs(), false);
      putBool(t, 5, o.diagonalRecurrentTensors(), false);
      return t;
    }
    if (options instanceof ResizeNearestNeighborOptions o) {
      putBool(t, 0, o.alignCorners(), false);
      putBool(t, 1, o.halfPixelCenters(), false);
      return t;
    }
    if (options instanceof LeakyReluOptions o) {
      t.putFloatIfNot(0, o.alpha(), 0f);
      return t;
    }
    if (options instanceof SplitVOptions o) {
      t.putScalarIfNot(0, o.numSplits(), 4, 0);
      return t;
    }
    if (options instanceof QuantizeOptions o) {
      return t;
    }
    if (options instanceof HardSwishOptions o) {
      return t;
    }
    if (options instanceof DepthToSpaceOptions o) {
      t.putScalarIfNot(0, o.blockSize(), 4, 0);
      return t;
    }
    if (options instanceof BatchMatMulOptions o) {
      putBool(t, 0, o.adjX(), false);
      putBool(t, 1, o.adjY(), false);
      putBool(t, 2, o.asymmetricQuantizeInputs(), false);
      return t;
    }
    if (options instanceof CumsumOptions o) {
      putBool(t, 0, o.exclusive(), false);
      putBool(t, 1, o.reverse(), false);
      return t;
    }
    if (options instanceof GeluOptions o) {
      putBool(t, 0, o.approximate(), false);
      return t;
    }
    throw new IllegalArgumentException("Not a typed options record: " + options);
  }

  /** A bool field, left out when it equals the schema default (as flatc's builders do). */
  private static void putBool(RawTable t, int slot, boolean value, boolean defaultValue) {
    t.putScalarIfNot(slot, value ? 1 : 0, 1, defaultValue ? 1 : 0);
  }

  private static boolean onlySlots(RawTable t, long mask) {
    for (int slot : t.fields().keySet()) {
      if (slot >= 64 || (mask & (1L << slot)) == 0) {
        return false;
      }
    }
    return true;
  }
}
