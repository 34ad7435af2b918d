package dev.tinyml.tflite;

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
    return switch (type) {
      case Conv2DOptions.TYPE -> {
        if (!onlySlots(t, 0x7fL)) {
          yield null;
        }
        Padding padding = Padding.fromCode((int) t.scalar(0, 0));
        int strideW = (int) t.scalar(1, 0);
        int strideH = (int) t.scalar(2, 0);
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(3, 0));
        int dilationWFactor = (int) t.scalar(4, 1);
        int dilationHFactor = (int) t.scalar(5, 1);
        TensorType quantizedBiasType = TensorType.fromCode((int) t.scalar(6, 0));
        yield padding == null || fusedActivation == null || quantizedBiasType == null
            ? null
            : new Conv2DOptions(
                padding,
                strideW,
                strideH,
                fusedActivation,
                dilationWFactor,
                dilationHFactor,
                quantizedBiasType);
      }
      case DepthwiseConv2DOptions.TYPE -> {
        if (!onlySlots(t, 0x7fL)) {
          yield null;
        }
        Padding padding = Padding.fromCode((int) t.scalar(0, 0));
        int strideW = (int) t.scalar(1, 0);
        int strideH = (int) t.scalar(2, 0);
        int depthMultiplier = (int) t.scalar(3, 0);
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(4, 0));
        int dilationWFactor = (int) t.scalar(5, 1);
        int dilationHFactor = (int) t.scalar(6, 1);
        yield padding == null || fusedActivation == null
            ? null
            : new DepthwiseConv2DOptions(
                padding,
                strideW,
                strideH,
                depthMultiplier,
                fusedActivation,
                dilationWFactor,
                dilationHFactor);
      }
      case Pool2DOptions.TYPE -> {
        if (!onlySlots(t, 0x3fL)) {
          yield null;
        }
        Padding padding = Padding.fromCode((int) t.scalar(0, 0));
        int strideW = (int) t.scalar(1, 0);
        int strideH = (int) t.scalar(2, 0);
        int filterWidth = (int) t.scalar(3, 0);
        int filterHeight = (int) t.scalar(4, 0);
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(5, 0));
        yield padding == null || fusedActivation == null
            ? null
            : new Pool2DOptions(
                padding, strideW, strideH, filterWidth, filterHeight, fusedActivation);
      }
      case SVDFOptions.TYPE -> {
        if (!onlySlots(t, 0x7L)) {
          yield null;
        }
        int rank = (int) t.scalar(0, 0);
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(1, 0));
        Boolean asymmetricQuantizeInputs = bool(t, 2, false);
        yield fusedActivation == null || asymmetricQuantizeInputs == null
            ? null
            : new SVDFOptions(rank, fusedActivation, asymmetricQuantizeInputs);
      }
      case FullyConnectedOptions.TYPE -> {
        if (!onlySlots(t, 0x1fL)) {
          yield null;
        }
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(0, 0));
        FullyConnectedOptionsWeightsFormat weightsFormat =
            FullyConnectedOptionsWeightsFormat.fromCode((int) t.scalar(1, 0));
        Boolean keepNumDims = bool(t, 2, false);
        Boolean asymmetricQuantizeInputs = bool(t, 3, false);
        TensorType quantizedBiasType = TensorType.fromCode((int) t.scalar(4, 0));
        yield fusedActivation == null
                || weightsFormat == null
                || keepNumDims == null
                || asymmetricQuantizeInputs == null
                || quantizedBiasType == null
            ? null
            : new FullyConnectedOptions(
                fusedActivation,
                weightsFormat,
                keepNumDims,
                asymmetricQuantizeInputs,
                quantizedBiasType);
      }
      case SoftmaxOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        float beta = t.floatScalar(0, 0f);
        yield new SoftmaxOptions(beta);
      }
      case ConcatenationOptions.TYPE -> {
        if (!onlySlots(t, 0x3L)) {
          yield null;
        }
        int axis = (int) t.scalar(0, 0);
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(1, 0));
        yield fusedActivation == null ? null : new ConcatenationOptions(axis, fusedActivation);
      }
      case AddOptions.TYPE -> {
        if (!onlySlots(t, 0x3L)) {
          yield null;
        }
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(0, 0));
        Boolean potScaleInt16 = bool(t, 1, true);
        yield fusedActivation == null || potScaleInt16 == null
            ? null
            : new AddOptions(fusedActivation, potScaleInt16);
      }
      case L2NormOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(0, 0));
        yield fusedActivation == null ? null : new L2NormOptions(fusedActivation);
      }
      case ResizeBilinearOptions.TYPE -> {
        if (!onlySlots(t, 0xcL)) {
          yield null;
        }
        Boolean alignCorners = bool(t, 2, false);
        Boolean halfPixelCenters = bool(t, 3, false);
        yield alignCorners == null || halfPixelCenters == null
            ? null
            : new ResizeBilinearOptions(alignCorners, halfPixelCenters);
      }
      case ReshapeOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        int[] newShape = t.ints(0);
        yield new ReshapeOptions(newShape);
      }
      case SpaceToDepthOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        int blockSize = (int) t.scalar(0, 0);
        yield new SpaceToDepthOptions(blockSize);
      }
      case MulOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(0, 0));
        yield fusedActivation == null ? null : new MulOptions(fusedActivation);
      }
      case PadOptions.TYPE -> {
        if (!onlySlots(t, 0x0L)) {
          yield null;
        }
        yield new PadOptions();
      }
      case GatherOptions.TYPE -> {
        if (!onlySlots(t, 0x3L)) {
          yield null;
        }
        int axis = (int) t.scalar(0, 0);
        int batchDims = (int) t.scalar(1, 0);
        yield new GatherOptions(axis, batchDims);
      }
      case BatchToSpaceNDOptions.TYPE -> {
        if (!onlySlots(t, 0x0L)) {
          yield null;
        }
        yield new BatchToSpaceNDOptions();
      }
      case SpaceToBatchNDOptions.TYPE -> {
        if (!onlySlots(t, 0x0L)) {
          yield null;
        }
        yield new SpaceToBatchNDOptions();
      }
      case TransposeOptions.TYPE -> {
        if (!onlySlots(t, 0x0L)) {
          yield null;
        }
        yield new TransposeOptions();
      }
      case ReducerOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        Boolean keepDims = bool(t, 0, false);
        yield keepDims == null ? null : new ReducerOptions(keepDims);
      }
      case SubOptions.TYPE -> {
        if (!onlySlots(t, 0x3L)) {
          yield null;
        }
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(0, 0));
        Boolean potScaleInt16 = bool(t, 1, true);
        yield fusedActivation == null || potScaleInt16 == null
            ? null
            : new SubOptions(fusedActivation, potScaleInt16);
      }
      case DivOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(0, 0));
        yield fusedActivation == null ? null : new DivOptions(fusedActivation);
      }
      case SqueezeOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        int[] squeezeDims = t.ints(0);
        yield new SqueezeOptions(squeezeDims);
      }
      case StridedSliceOptions.TYPE -> {
        if (!onlySlots(t, 0x3fL)) {
          yield null;
        }
        int beginMask = (int) t.scalar(0, 0);
        int endMask = (int) t.scalar(1, 0);
        int ellipsisMask = (int) t.scalar(2, 0);
        int newAxisMask = (int) t.scalar(3, 0);
        int shrinkAxisMask = (int) t.scalar(4, 0);
        Boolean offset = bool(t, 5, false);
        yield offset == null
            ? null
            : new StridedSliceOptions(
                beginMask, endMask, ellipsisMask, newAxisMask, shrinkAxisMask, offset);
      }
      case SplitOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        int numSplits = (int) t.scalar(0, 0);
        yield new SplitOptions(numSplits);
      }
      case LogSoftmaxOptions.TYPE -> {
        if (!onlySlots(t, 0x0L)) {
          yield null;
        }
        yield new LogSoftmaxOptions();
      }
      case CastOptions.TYPE -> {
        if (!onlySlots(t, 0x3L)) {
          yield null;
        }
        TensorType inDataType = TensorType.fromCode((int) t.scalar(0, 0));
        TensorType outDataType = TensorType.fromCode((int) t.scalar(1, 0));
        yield inDataType == null || outDataType == null
            ? null
            : new CastOptions(inDataType, outDataType);
      }
      case DequantizeOptions.TYPE -> {
        if (!onlySlots(t, 0x0L)) {
          yield null;
        }
        yield new DequantizeOptions();
      }
      case MaximumMinimumOptions.TYPE -> {
        if (!onlySlots(t, 0x0L)) {
          yield null;
        }
        yield new MaximumMinimumOptions();
      }
      case ArgMaxOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        TensorType outputType = TensorType.fromCode((int) t.scalar(0, 0));
        yield outputType == null ? null : new ArgMaxOptions(outputType);
      }
      case PadV2Options.TYPE -> {
        if (!onlySlots(t, 0x0L)) {
          yield null;
        }
        yield new PadV2Options();
      }
      case TransposeConvOptions.TYPE -> {
        if (!onlySlots(t, 0x1fL)) {
          yield null;
        }
        Padding padding = Padding.fromCode((int) t.scalar(0, 0));
        int strideW = (int) t.scalar(1, 0);
        int strideH = (int) t.scalar(2, 0);
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(3, 0));
        TensorType quantizedBiasType = TensorType.fromCode((int) t.scalar(4, 0));
        yield padding == null || fusedActivation == null || quantizedBiasType == null
            ? null
            : new TransposeConvOptions(
                padding, strideW, strideH, fusedActivation, quantizedBiasType);
      }
      case ExpandDimsOptions.TYPE -> {
        if (!onlySlots(t, 0x0L)) {
          yield null;
        }
        yield new ExpandDimsOptions();
      }
      case ShapeOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        TensorType outType = TensorType.fromCode((int) t.scalar(0, 0));
        yield outType == null ? null : new ShapeOptions(outType);
      }
      case ArgMinOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        TensorType outputType = TensorType.fromCode((int) t.scalar(0, 0));
        yield outputType == null ? null : new ArgMinOptions(outputType);
      }
      case PackOptions.TYPE -> {
        if (!onlySlots(t, 0x3L)) {
          yield null;
        }
        int valuesCount = (int) t.scalar(0, 0);
        int axis = (int) t.scalar(1, 0);
        yield new PackOptions(valuesCount, axis);
      }
      case UnpackOptions.TYPE -> {
        if (!onlySlots(t, 0x3L)) {
          yield null;
        }
        int num = (int) t.scalar(0, 0);
        int axis = (int) t.scalar(1, 0);
        yield new UnpackOptions(num, axis);
      }
      case UnidirectionalSequenceLSTMOptions.TYPE -> {
        if (!onlySlots(t, 0x3fL)) {
          yield null;
        }
        ActivationFunctionType fusedActivation =
            ActivationFunctionType.fromCode((int) t.scalar(0, 0));
        float cellClip = t.floatScalar(1, 0f);
        float projClip = t.floatScalar(2, 0f);
        Boolean timeMajor = bool(t, 3, false);
        Boolean asymmetricQuantizeInputs = bool(t, 4, false);
        Boolean diagonalRecurrentTensors = bool(t, 5, false);
        yield fusedActivation == null
                || timeMajor == null
                || asymmetricQuantizeInputs == null
                || diagonalRecurrentTensors == null
            ? null
            : new UnidirectionalSequenceLSTMOptions(
                fusedActivation,
                cellClip,
                projClip,
                timeMajor,
                asymmetricQuantizeInputs,
                diagonalRecurrentTensors);
      }
      case ResizeNearestNeighborOptions.TYPE -> {
        if (!onlySlots(t, 0x3L)) {
          yield null;
        }
        Boolean alignCorners = bool(t, 0, false);
        Boolean halfPixelCenters = bool(t, 1, false);
        yield alignCorners == null || halfPixelCenters == null
            ? null
            : new ResizeNearestNeighborOptions(alignCorners, halfPixelCenters);
      }
      case LeakyReluOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        float alpha = t.floatScalar(0, 0f);
        yield new LeakyReluOptions(alpha);
      }
      case SplitVOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        int numSplits = (int) t.scalar(0, 0);
        yield new SplitVOptions(numSplits);
      }
      case QuantizeOptions.TYPE -> {
        if (!onlySlots(t, 0x0L)) {
          yield null;
        }
        yield new QuantizeOptions();
      }
      case HardSwishOptions.TYPE -> {
        if (!onlySlots(t, 0x0L)) {
          yield null;
        }
        yield new HardSwishOptions();
      }
      case DepthToSpaceOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        int blockSize = (int) t.scalar(0, 0);
        yield new DepthToSpaceOptions(blockSize);
      }
      case BatchMatMulOptions.TYPE -> {
        if (!onlySlots(t, 0x7L)) {
          yield null;
        }
        Boolean adjX = bool(t, 0, false);
        Boolean adjY = bool(t, 1, false);
        Boolean asymmetricQuantizeInputs = bool(t, 2, false);
        yield adjX == null || adjY == null || asymmetricQuantizeInputs == null
            ? null
            : new BatchMatMulOptions(adjX, adjY, asymmetricQuantizeInputs);
      }
      case CumsumOptions.TYPE -> {
        if (!onlySlots(t, 0x3L)) {
          yield null;
        }
        Boolean exclusive = bool(t, 0, false);
        Boolean reverse = bool(t, 1, false);
        yield exclusive == null || reverse == null ? null : new CumsumOptions(exclusive, reverse);
      }
      case GeluOptions.TYPE -> {
        if (!onlySlots(t, 0x1L)) {
          yield null;
        }
        Boolean approximate = bool(t, 0, false);
        yield approximate == null ? null : new GeluOptions(approximate);
      }
      default -> null;
    };
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
      t.putScalarIfNot(2, o.asymmetricQuantizeInputs() ? 1 : 0, 1, 0);
      return t;
    }
    if (options instanceof FullyConnectedOptions o) {
      t.putScalarIfNot(0, o.fusedActivation().code(), 1, 0);
      t.putScalarIfNot(1, o.weightsFormat().code(), 1, 0);
      t.putScalarIfNot(2, o.keepNumDims() ? 1 : 0, 1, 0);
      t.putScalarIfNot(3, o.asymmetricQuantizeInputs() ? 1 : 0, 1, 0);
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
      t.putScalarIfNot(1, o.potScaleInt16() ? 1 : 0, 1, 1);
      return t;
    }
    if (options instanceof L2NormOptions o) {
      t.putScalarIfNot(0, o.fusedActivation().code(), 1, 0);
      return t;
    }
    if (options instanceof ResizeBilinearOptions o) {
      t.putScalarIfNot(2, o.alignCorners() ? 1 : 0, 1, 0);
      t.putScalarIfNot(3, o.halfPixelCenters() ? 1 : 0, 1, 0);
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
      t.putScalarIfNot(0, o.keepDims() ? 1 : 0, 1, 0);
      return t;
    }
    if (options instanceof SubOptions o) {
      t.putScalarIfNot(0, o.fusedActivation().code(), 1, 0);
      t.putScalarIfNot(1, o.potScaleInt16() ? 1 : 0, 1, 1);
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
      t.putScalarIfNot(5, o.offset() ? 1 : 0, 1, 0);
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
      t.putScalarIfNot(3, o.timeMajor() ? 1 : 0, 1, 0);
      t.putScalarIfNot(4, o.asymmetricQuantizeInputs() ? 1 : 0, 1, 0);
      t.putScalarIfNot(5, o.diagonalRecurrentTensors() ? 1 : 0, 1, 0);
      return t;
    }
    if (options instanceof ResizeNearestNeighborOptions o) {
      t.putScalarIfNot(0, o.alignCorners() ? 1 : 0, 1, 0);
      t.putScalarIfNot(1, o.halfPixelCenters() ? 1 : 0, 1, 0);
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
      t.putScalarIfNot(0, o.adjX() ? 1 : 0, 1, 0);
      t.putScalarIfNot(1, o.adjY() ? 1 : 0, 1, 0);
      t.putScalarIfNot(2, o.asymmetricQuantizeInputs() ? 1 : 0, 1, 0);
      return t;
    }
    if (options instanceof CumsumOptions o) {
      t.putScalarIfNot(0, o.exclusive() ? 1 : 0, 1, 0);
      t.putScalarIfNot(1, o.reverse() ? 1 : 0, 1, 0);
      return t;
    }
    if (options instanceof GeluOptions o) {
      t.putScalarIfNot(0, o.approximate() ? 1 : 0, 1, 0);
      return t;
    }
    throw new IllegalArgumentException("Not a typed options record: " + options);
  }

  private static boolean onlySlots(RawTable t, long mask) {
    for (int slot : t.fields().keySet()) {
      if (slot >= 64 || (mask & (1L << slot)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** A bool field; {@code null} for a byte other than 0 or 1, which could not be written back. */
  private static Boolean bool(RawTable t, int slot, boolean defaultValue) {
    long v = t.scalar(slot, defaultValue ? 1 : 0);
    return v == 0 ? Boolean.FALSE : v == 1 ? Boolean.TRUE : null;
  }
}
