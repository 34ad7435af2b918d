package dev.tinyml.codegen;

import dev.tinyml.ops.Op;
import dev.tinyml.ops.OpRegistry;
import dev.tinyml.tflite.BuiltinOperator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The TFLite Micro op resolver of the generated firmware: a {@code
 * tflite::MicroMutableOpResolver<N>} with exactly the model's ops. The method names are those of
 * {@code micro_mutable_op_resolver.h} in the Arduino library the sketches target ({@value #LIBRARY}
 * {@value #LIBRARY_VERSION}, which bundles TFLite Micro of January 2023).
 *
 * <p>TFLite Micro's resolver matches builtin ops by code only, not by op version: every version of
 * a registered op is accepted at registration, and the kernel's {@code Prepare} rejects the data
 * types it does not implement.
 */
public final class OpResolverGenerator {
  /** The Arduino library name in the Library Manager (its spelling, capital L included). */
  public static final String LIBRARY = "Chirale_TensorFLowLite";

  /** The library version the templates and the method table are written against. */
  public static final String LIBRARY_VERSION = "2.0.0";

  /**
   * The library's methods for builtin ops that have no op class in {@link OpRegistry} yet; an op
   * with a class names its method itself ({@link dev.tinyml.ops.Op#resolverMethod()}).
   */
  private static final Map<String, String> METHODS = new TreeMap<>();

  static {
    String table =
        "ABS AddAbs;ADD_N AddAddN;ARG_MAX AddArgMax;ARG_MIN AddArgMin;"
            + "ASSIGN_VARIABLE AddAssignVariable;BATCH_TO_SPACE_ND AddBatchToSpaceNd;"
            + "BROADCAST_ARGS AddBroadcastArgs;BROADCAST_TO AddBroadcastTo;"
            + "CALL_ONCE AddCallOnce;CEIL AddCeil;COS AddCos;CUMSUM AddCumSum;"
            + "DEPTH_TO_SPACE AddDepthToSpace;ELU AddElu;EQUAL AddEqual;EXP AddExp;"
            + "EXPAND_DIMS AddExpandDims;FILL AddFill;FLOOR AddFloor;FLOOR_DIV AddFloorDiv;"
            + "FLOOR_MOD AddFloorMod;GATHER AddGather;GATHER_ND AddGatherNd;GREATER AddGreater;"
            + "GREATER_EQUAL AddGreaterEqual;HARD_SWISH AddHardSwish;IF AddIf;"
            + "L2_NORMALIZATION AddL2Normalization;L2_POOL_2D AddL2Pool2D;LESS AddLess;"
            + "LESS_EQUAL AddLessEqual;LOG AddLog;LOGICAL_AND AddLogicalAnd;"
            + "LOGICAL_NOT AddLogicalNot;LOGICAL_OR AddLogicalOr;LOG_SOFTMAX AddLogSoftmax;"
            + "MIRROR_PAD AddMirrorPad;NEG AddNeg;NOT_EQUAL AddNotEqual;PACK AddPack;"
            + "PADV2 AddPadV2;PRELU AddPrelu;READ_VARIABLE AddReadVariable;"
            + "REDUCE_MAX AddReduceMax;RESIZE_BILINEAR AddResizeBilinear;"
            + "RESIZE_NEAREST_NEIGHBOR AddResizeNearestNeighbor;ROUND AddRound;RSQRT AddRsqrt;"
            + "SELECT_V2 AddSelectV2;SHAPE AddShape;SIN AddSin;SLICE AddSlice;"
            + "SPACE_TO_BATCH_ND AddSpaceToBatchNd;SPACE_TO_DEPTH AddSpaceToDepth;"
            + "SPLIT AddSplit;SPLIT_V AddSplitV;SQRT AddSqrt;SQUARE AddSquare;"
            + "SQUARED_DIFFERENCE AddSquaredDifference;SUM AddSum;TRANSPOSE AddTranspose;"
            + "TRANSPOSE_CONV AddTransposeConv;UNPACK AddUnpack;VAR_HANDLE AddVarHandle;"
            + "WHILE AddWhile;ZEROS_LIKE AddZerosLike;";
    for (String pair : table.split(";")) {
      String[] p = pair.split(" ");
      METHODS.put(p[0], p[1]);
    }
    for (BuiltinOperator b : OpRegistry.builtins()) {
      OpRegistry.builtin(b).flatMap(Op::resolverMethod).ifPresent(m -> METHODS.put(b.name(), m));
    }
  }

  private OpResolverGenerator() {}

  /**
   * The resolver method that registers a builtin op.
   *
   * @param builtinOperator the schema name, e.g. {@code DEPTHWISE_CONV_2D}
   * @return the method name, e.g. {@code AddDepthwiseConv2D}, or empty when the library has none
   */
  public static Optional<String> methodFor(String builtinOperator) {
    return Optional.ofNullable(METHODS.get(builtinOperator));
  }

  /**
   * Every builtin op the library can register, by schema name.
   *
   * @return the op names, sorted
   */
  public static List<String> supportedOps() {
    return List.copyOf(METHODS.keySet());
  }

  /**
   * The registration calls for the given ops, one statement per line, each returning {@code
   * kTfLiteError} from the enclosing function when registration fails.
   *
   * @param ops the builtin op names, each once
   * @param indent the indentation of each line
   * @return the C++ statements
   * @throws CodegenException naming the first op without a resolver method
   */
  public static String registrations(List<String> ops, String indent) throws CodegenException {
    StringBuilder b = new StringBuilder();
    for (String op : ops) {
      String method = METHODS.get(op);
      if (method == null) {
        throw new CodegenException(
            "Op "
                + op
                + " has no MicroMutableOpResolver method in "
                + LIBRARY
                + " "
                + LIBRARY_VERSION
                + ", so the firmware could not run this model. Replace the op in the model"
                + " (custom ops need their own kernel and a hand-written resolver); the library"
                + " registers: "
                + String.join(", ", METHODS.keySet()));
      }
      b.append(indent)
          .append("if (resolver.")
          .append(method)
          .append("() != kTfLiteOk) return kTfLiteError;  // ")
          .append(op)
          .append('\n');
    }
    return b.toString();
  }
}
