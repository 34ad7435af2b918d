package dev.tinyml.tflite;

/**
 * The builtin options of an operator: one record per options table the library models, and {@link
 * UnknownOptions} for every other table, kept so that it survives a round trip.
 */
public sealed interface BuiltinOptions
    permits Conv2DOptions,
        DepthwiseConv2DOptions,
        Pool2DOptions,
        SVDFOptions,
        FullyConnectedOptions,
        SoftmaxOptions,
        ConcatenationOptions,
        AddOptions,
        L2NormOptions,
        ResizeBilinearOptions,
        ReshapeOptions,
        SpaceToDepthOptions,
        MulOptions,
        PadOptions,
        GatherOptions,
        BatchToSpaceNDOptions,
        SpaceToBatchNDOptions,
        TransposeOptions,
        ReducerOptions,
        SubOptions,
        DivOptions,
        SqueezeOptions,
        StridedSliceOptions,
        SplitOptions,
        LogSoftmaxOptions,
        CastOptions,
        DequantizeOptions,
        MaximumMinimumOptions,
        ArgMaxOptions,
        PadV2Options,
        TransposeConvOptions,
        ExpandDimsOptions,
        ShapeOptions,
        ArgMinOptions,
        PackOptions,
        UnpackOptions,
        UnidirectionalSequenceLSTMOptions,
        ResizeNearestNeighborOptions,
        LeakyReluOptions,
        SplitVOptions,
        QuantizeOptions,
        HardSwishOptions,
        DepthToSpaceOptions,
        BatchMatMulOptions,
        CumsumOptions,
        GeluOptions,
        UnknownOptions {

  /**
   * The table's type code in the schema's {@code BuiltinOptions} union (the record's {@code TYPE}).
   */
  default int optionsType() {
    return OptionsCodec.typeOf(this);
  }
}
