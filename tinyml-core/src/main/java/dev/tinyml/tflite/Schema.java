package dev.tinyml.tflite;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The shape of every table of the TFLite schema (version 3): for each field slot its kind and
 * width. The generic reader needs it to tell offsets from scalars; the library's own mapping to the
 * object model lives in {@code ModelDecoder} and {@code ModelEncoder}.
 *
 * <p>Field notation: {@code 1 2 4 8} an inline scalar of that many bytes; {@code s} a string;
 * {@code [N]} a vector of N-byte scalars, {@code [N]@A} aligned to A bytes; {@code T:Name} a table;
 * {@code [T:Name]} a vector of tables; {@code U:Name} the value of a union whose type is the 1-byte
 * scalar in the slot before.
 */
final class Schema {
  private Schema() {}

  enum Kind {
    SCALAR,
    STRING,
    VECTOR,
    TABLE,
    TABLES,
    UNION
  }

  /**
   * One field slot. {@code ref} names the table or union of table-valued fields; {@code name} is
   * the schema's field name where error messages need it, else {@code #slot}.
   */
  record Field(String name, Kind kind, int width, int alignment, String ref) {}

  /** A table's slots, in slot order. */
  record Table(String name, Field[] fields) {
    Field field(int slot) {
      return slot < fields.length ? fields[slot] : null;
    }
  }

  /** A table with no known fields: every present field is inferred as a scalar. */
  static final Table UNKNOWN = new Table("unknown table", new Field[0]);

  private static final Map<String, Table> TABLES = new HashMap<>();
  private static final Map<String, String[]> UNIONS = new HashMap<>();

  static Table table(String name) {
    Table t = TABLES.get(name);
    if (t == null) {
      throw new IllegalStateException("Schema has no table " + name);
    }
    return t;
  }

  /** The table of union member {@code type} (1-based), or {@code null} if the type is unknown. */
  static Table unionMember(String union, int type) {
    String[] members = UNIONS.get(union);
    if (members == null) {
      throw new IllegalStateException("Schema has no union " + union);
    }
    return type >= 1 && type <= members.length ? TABLES.get(members[type - 1]) : null;
  }

  /** The type code (1-based) of table {@code member} in the union. */
  static int unionType(String union, String member) {
    int i = Arrays.asList(UNIONS.get(union)).indexOf(member);
    if (i < 0) {
      throw new IllegalStateException("Schema union " + union + " has no member " + member);
    }
    return i + 1;
  }

  /** Number of members of the union. */
  static int unionSize(String union) {
    return UNIONS.get(union).length;
  }

  private static void t(String name, String fields) {
    String[] tokens = fields.isBlank() ? new String[0] : fields.trim().split("\\s+");
    Field[] out = new Field[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      int eq = tokens[i].indexOf('=');
      String fieldName = eq < 0 ? "#" + i : tokens[i].substring(0, eq);
      out[i] = parse(fieldName, tokens[i].substring(eq + 1));
    }
    TABLES.put(name, new Table(name, out));
  }

  private static Field parse(String name, String token) {
    if (token.equals("s")) {
      return new Field(name, Kind.STRING, 4, 4, null);
    }
    if (token.startsWith("[T:")) {
      return new Field(name, Kind.TABLES, 4, 4, token.substring(3, token.length() - 1));
    }
    if (token.startsWith("T:")) {
      return new Field(name, Kind.TABLE, 4, 4, token.substring(2));
    }
    if (token.startsWith("U:")) {
      return new Field(name, Kind.UNION, 4, 4, token.substring(2));
    }
    if (token.startsWith("[")) {
      int close = token.indexOf(']');
      int width = Integer.parseInt(token.substring(1, close));
      int align = close + 1 < token.length() ? Integer.parseInt(token.substring(close + 2)) : width;
      return new Field(name, Kind.VECTOR, width, align, null);
    }
    int width = Integer.parseInt(token);
    return new Field(name, Kind.SCALAR, width, width, null);
  }

  private static void u(String name, String members) {
    UNIONS.put(name, members.trim().split("\\s+"));
  }

  static {
    t(
        "Model",
        "version=4 operator_codes=[T:OperatorCode] subgraphs=[T:SubGraph] description=s"
            + " buffers=[T:Buffer] metadata_buffer=[4] metadata=[T:Metadata]"
            + " signature_defs=[T:SignatureDef]");
    t("OperatorCode", "deprecated_builtin_code=1 custom_code=s version=4 builtin_code=4");
    t("SubGraph", "tensors=[T:Tensor] inputs=[4] outputs=[4] operators=[T:Operator] name=s");
    t(
        "Tensor",
        "shape=[4] type=1 buffer=4 name=s quantization=T:QuantizationParameters is_variable=1"
            + " sparsity=T:SparsityParameters shape_signature=[4] has_rank=1"
            + " variant_tensors=[T:VariantSubType]");
    t(
        "QuantizationParameters",
        "min=[4] max=[4] scale=[4] zero_point=[8] details_type=1 details=U:QuantizationDetails"
            + " quantized_dimension=4");
    t("CustomQuantization", "[1]@16");
    t("SparsityParameters", "traversal_order=[4] block_map=[4] dim_metadata=[T:DimensionMetadata]");
    t("DimensionMetadata", "1 4 1 U:SparseIndexVector 1 U:SparseIndexVector");
    t("Int32Vector", "[4]");
    t("Uint16Vector", "[2]@4");
    t("Uint8Vector", "[1]@4");
    t("VariantSubType", "[4] 1 1");
    t(
        "Operator",
        "opcode_index=4 inputs=[4] outputs=[4] builtin_options_type=1"
            + " builtin_options=U:BuiltinOptions custom_options=[1] custom_options_format=1"
            + " mutating_variable_inputs=[1] intermediates=[4] large_custom_options_offset=8"
            + " large_custom_options_size=8 builtin_options_2_type=1"
            + " builtin_options_2=U:BuiltinOptions2");
    t("Buffer", "data=[1]@16 offset=8 size=8");
    t("Metadata", "name=s buffer=4");
    t("TensorMap", "name=s tensor_index=4");
    t(
        "SignatureDef",
        "inputs=[T:TensorMap] outputs=[T:TensorMap] signature_key=s deprecated_tag=s"
            + " subgraph_index=4");

    u("QuantizationDetails", "CustomQuantization");
    u("SparseIndexVector", "Int32Vector Uint16Vector Uint8Vector");

    // BuiltinOptions, in union order (type code = position + 1).
    t("Conv2DOptions", "1 4 4 1 4 4 1");
    t("DepthwiseConv2DOptions", "1 4 4 4 1 4 4");
    t("ConcatEmbeddingsOptions", "4 [4] [4]");
    t("LSHProjectionOptions", "1");
    t("Pool2DOptions", "1 4 4 4 4 1");
    t("SVDFOptions", "4 1 1");
    t("RNNOptions", "1 1");
    t("FullyConnectedOptions", "1 1 1 1 1");
    t("SoftmaxOptions", "4");
    t("ConcatenationOptions", "4 1");
    t("AddOptions", "1 1");
    t("L2NormOptions", "1");
    t("LocalResponseNormalizationOptions", "4 4 4 4");
    t("LSTMOptions", "1 4 4 1 1");
    t("ResizeBilinearOptions", "4 4 1 1");
    t("CallOptions", "4");
    t("ReshapeOptions", "[4]");
    t("SkipGramOptions", "4 4 1");
    t("SpaceToDepthOptions", "4");
    t("EmbeddingLookupSparseOptions", "1");
    t("MulOptions", "1");
    t("PadOptions", "");
    t("GatherOptions", "4 4");
    t("BatchToSpaceNDOptions", "");
    t("SpaceToBatchNDOptions", "");
    t("TransposeOptions", "");
    t("ReducerOptions", "1");
    t("SubOptions", "1 1");
    t("DivOptions", "1");
    t("SqueezeOptions", "[4]");
    t("SequenceRNNOptions", "1 1 1");
    t("StridedSliceOptions", "4 4 4 4 4 1");
    t("ExpOptions", "");
    t("TopKV2Options", "");
    t("SplitOptions", "4");
    t("LogSoftmaxOptions", "");
    t("CastOptions", "1 1");
    t("DequantizeOptions", "");
    t("MaximumMinimumOptions", "");
    t("ArgMaxOptions", "1");
    t("LessOptions", "");
    t("NegOptions", "");
    t("PadV2Options", "");
    t("GreaterOptions", "");
    t("GreaterEqualOptions", "");
    t("LessEqualOptions", "");
    t("SelectOptions", "");
    t("SliceOptions", "");
    t("TransposeConvOptions", "1 4 4 1 1");
    t("SparseToDenseOptions", "1");
    t("TileOptions", "");
    t("ExpandDimsOptions", "");
    t("EqualOptions", "");
    t("NotEqualOptions", "");
    t("ShapeOptions", "1");
    t("PowOptions", "");
    t("ArgMinOptions", "1");
    t("FakeQuantOptions", "4 4 4 1");
    t("PackOptions", "4 4");
    t("LogicalOrOptions", "");
    t("OneHotOptions", "4");
    t("LogicalAndOptions", "");
    t("LogicalNotOptions", "");
    t("UnpackOptions", "4 4");
    t("FloorDivOptions", "");
    t("SquareOptions", "");
    t("ZerosLikeOptions", "");
    t("FillOptions", "");
    t("BidirectionalSequenceLSTMOptions", "1 4 4 1 1 1");
    t("BidirectionalSequenceRNNOptions", "1 1 1 1");
    t("UnidirectionalSequenceLSTMOptions", "1 4 4 1 1 1");
    t("FloorModOptions", "");
    t("RangeOptions", "");
    t("ResizeNearestNeighborOptions", "1 1");
    t("LeakyReluOptions", "4");
    t("SquaredDifferenceOptions", "");
    t("MirrorPadOptions", "1");
    t("AbsOptions", "");
    t("SplitVOptions", "4");
    t("UniqueOptions", "1");
    t("ReverseV2Options", "");
    t("AddNOptions", "");
    t("GatherNdOptions", "");
    t("CosOptions", "");
    t("WhereOptions", "");
    t("RankOptions", "");
    t("ReverseSequenceOptions", "4 4");
    t("MatrixDiagOptions", "");
    t("QuantizeOptions", "");
    t("MatrixSetDiagOptions", "");
    t("HardSwishOptions", "");
    t("IfOptions", "4 4");
    t("WhileOptions", "4 4");
    t("DepthToSpaceOptions", "4");
    t("NonMaxSuppressionV4Options", "");
    t("NonMaxSuppressionV5Options", "");
    t("ScatterNdOptions", "");
    t("SelectV2Options", "");
    t("DensifyOptions", "");
    t("SegmentSumOptions", "");
    t("BatchMatMulOptions", "1 1 1");
    t("CumsumOptions", "1 1");
    t("CallOnceOptions", "4");
    t("BroadcastToOptions", "");
    t("Rfft2dOptions", "");
    t("Conv3DOptions", "1 4 4 4 1 4 4 4");
    t("HashtableOptions", "4 1 1");
    t("HashtableFindOptions", "");
    t("HashtableImportOptions", "");
    t("HashtableSizeOptions", "");
    t("VarHandleOptions", "s s");
    t("ReadVariableOptions", "");
    t("AssignVariableOptions", "");
    t("RandomOptions", "8 8");
    t("BucketizeOptions", "[4]");
    t("GeluOptions", "1");
    t("DynamicUpdateSliceOptions", "");
    t("UnsortedSegmentProdOptions", "");
    t("UnsortedSegmentMaxOptions", "");
    t("UnsortedSegmentMinOptions", "");
    t("UnsortedSegmentSumOptions", "");
    t("ATan2Options", "");
    t("SignOptions", "");
    t("BitcastOptions", "");
    t("BitwiseXorOptions", "");
    t("RightShiftOptions", "");
    u(
        "BuiltinOptions",
        """
        Conv2DOptions DepthwiseConv2DOptions ConcatEmbeddingsOptions LSHProjectionOptions
        Pool2DOptions SVDFOptions RNNOptions FullyConnectedOptions SoftmaxOptions
        ConcatenationOptions AddOptions L2NormOptions LocalResponseNormalizationOptions LSTMOptions
        ResizeBilinearOptions CallOptions ReshapeOptions SkipGramOptions SpaceToDepthOptions
        EmbeddingLookupSparseOptions MulOptions PadOptions GatherOptions BatchToSpaceNDOptions
        SpaceToBatchNDOptions TransposeOptions ReducerOptions SubOptions DivOptions SqueezeOptions
        SequenceRNNOptions StridedSliceOptions ExpOptions TopKV2Options SplitOptions
        LogSoftmaxOptions CastOptions DequantizeOptions MaximumMinimumOptions ArgMaxOptions
        LessOptions NegOptions PadV2Options GreaterOptions GreaterEqualOptions LessEqualOptions
        SelectOptions SliceOptions TransposeConvOptions SparseToDenseOptions TileOptions
        ExpandDimsOptions EqualOptions NotEqualOptions ShapeOptions PowOptions ArgMinOptions
        FakeQuantOptions PackOptions LogicalOrOptions OneHotOptions LogicalAndOptions
        LogicalNotOptions UnpackOptions FloorDivOptions SquareOptions ZerosLikeOptions FillOptions
        BidirectionalSequenceLSTMOptions BidirectionalSequenceRNNOptions
        UnidirectionalSequenceLSTMOptions FloorModOptions RangeOptions ResizeNearestNeighborOptions
        LeakyReluOptions SquaredDifferenceOptions MirrorPadOptions AbsOptions SplitVOptions
        UniqueOptions ReverseV2Options AddNOptions GatherNdOptions CosOptions WhereOptions
        RankOptions ReverseSequenceOptions MatrixDiagOptions QuantizeOptions MatrixSetDiagOptions
        HardSwishOptions IfOptions WhileOptions DepthToSpaceOptions NonMaxSuppressionV4Options
        NonMaxSuppressionV5Options ScatterNdOptions SelectV2Options DensifyOptions
        SegmentSumOptions BatchMatMulOptions CumsumOptions CallOnceOptions BroadcastToOptions
        Rfft2dOptions Conv3DOptions HashtableOptions HashtableFindOptions HashtableImportOptions
        HashtableSizeOptions VarHandleOptions ReadVariableOptions AssignVariableOptions
        RandomOptions BucketizeOptions GeluOptions DynamicUpdateSliceOptions
        UnsortedSegmentProdOptions UnsortedSegmentMaxOptions UnsortedSegmentMinOptions
        UnsortedSegmentSumOptions ATan2Options SignOptions BitcastOptions BitwiseXorOptions
        RightShiftOptions
        """);

    // BuiltinOptions2 (StableHLO and later options).
    t("StablehloConcatenateOptions", "8");
    t("StablehloBroadcastInDimOptions", "[8]");
    t("StablehloSliceOptions", "[8] [8] [8]");
    t("StablehloConvolutionOptions", "[8] [8] [8] [8] [1] 8 8 [8] 8 8 [8] 8 8 [8] 8 8 [4]");
    t("StablehloCustomCallOptions", "s 1 s 4 [4] [1]");
    t("StablehloReduceOptions", "[8] 4");
    t("StablehloScatterOptions", "1 [8] [8] [8] 8 1 4");
    t("StablehloCompareOptions", "4 4");
    t("StablehloDynamicSliceOptions", "[8]");
    t("StablehloPadOptions", "[8] [8] [8]");
    t("StablehloIotaOptions", "8");
    t("StablehloDotGeneralOptions", "[8] [8] [8] [8] [4]");
    t("StablehloReduceWindowOptions", "[8] [8] [8] [8] [8] 4");
    t("StablehloSortOptions", "8 1 4");
    t("StablehloWhileOptions", "4 4");
    t("StablehloGatherOptions", "[8] [8] [8] 8 [8] 1");
    t("StablehloTransposeOptions", "[8]");
    t("DilateOptions", "");
    t("StablehloRngBitGeneratorOptions", "1");
    t("ReduceWindowOptions", "4");
    t("StableHLOCompositeOptions", "s 4 [1] 1 4");
    u(
        "BuiltinOptions2",
        """
        StablehloConcatenateOptions StablehloBroadcastInDimOptions StablehloSliceOptions
        StablehloConvolutionOptions StablehloCustomCallOptions StablehloReduceOptions
        StablehloScatterOptions StablehloCompareOptions StablehloDynamicSliceOptions
        StablehloPadOptions StablehloIotaOptions StablehloDotGeneralOptions
        StablehloReduceWindowOptions StablehloSortOptions StablehloWhileOptions
        StablehloGatherOptions StablehloTransposeOptions DilateOptions
        StablehloRngBitGeneratorOptions ReduceWindowOptions StableHLOCompositeOptions
        """);
  }
}
