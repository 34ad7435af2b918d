package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BatchMatMulOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SVDFOptions;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TransposeConvOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TRANSPOSE_CONV and BATCH_MATMUL (float32 and int8), which no fixture model uses, compiled and run
 * on the host against the interpreter on seeded inputs and weights.
 */
class CBackendMatrixOpTest {
  @TempDir Path dir;

  private static final float[] FILTER_SCALES = {0.011f, 0.007f, 0.019f, 0.004f};

  /**
   * A stride-2 TRANSPOSE_CONV of a [1, 4, 5, 3] input with a 3x3 filter into 4 channels: SAME pads
   * one row and column ([1, 7, 9, 4]), VALID none ([1, 9, 11, 4]).
   */
  private static Model transposeConv(TensorType type, Padding padding, boolean bias) {
    SingleOpModels b = new SingleOpModels();
    boolean same = padding == Padding.SAME;
    int[] outShape = same ? new int[] {1, 7, 9, 4} : new int[] {1, 9, 11, 4};
    int shape = b.int32(new int[] {4}, outShape);
    boolean isFloat = type == TensorType.FLOAT32;
    int filter =
        b.seededConstant(
            "filter",
            isFloat ? TensorType.FLOAT32 : TensorType.INT8,
            isFloat ? null : QuantizationParameters.perChannel(FILTER_SCALES, new long[4], 0),
            11L,
            4,
            3,
            3,
            3);
    boolean int8 = type == TensorType.INT8;
    int in = b.tensor("in", type, isFloat ? 0 : 0.05f, int8 ? -3 : 0, 1, 4, 5, 3);
    int out = b.tensor("out", type, isFloat ? 0 : 0.1f, int8 ? 5 : 0, outShape);
    int biasTensor = -1;
    if (bias) {
      biasTensor =
          isFloat
              ? b.seededConstant("bias", TensorType.FLOAT32, null, 12L, 4)
              : b.int32(new int[] {4}, 400, -950, 37, 0);
    }
    int[] inputs = bias ? new int[] {shape, filter, in, biasTensor} : new int[] {shape, filter, in};
    return b.op(
        BuiltinOperator.TRANSPOSE_CONV,
        new TransposeConvOptions(
            padding,
            2,
            2,
            bias ? ActivationFunctionType.RELU : ActivationFunctionType.NONE,
            TensorType.FLOAT32),
        new int[] {in},
        inputs,
        out);
  }

  @Test
  void floatTransposeConvStride2SameWithBiasEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir, transposeConv(TensorType.FLOAT32, Padding.SAME, true));
  }

  @Test
  void floatTransposeConvStride2ValidWithoutBiasEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir, transposeConv(TensorType.FLOAT32, Padding.VALID, false));
  }

  @Test
  void int8PerChannelTransposeConvStride2SameWithBiasEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir, transposeConv(TensorType.INT8, Padding.SAME, true));
  }

  @Test
  void int8PerChannelTransposeConvStride2ValidWithoutBiasEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir, transposeConv(TensorType.INT8, Padding.VALID, false));
  }

  /** A BATCH_MATMUL of two model inputs. */
  private static Model batchMatMul(
      TensorType type, int[] lhsShape, int[] rhsShape, int[] outShape, boolean adjX, boolean adjY) {
    SingleOpModels b = new SingleOpModels();
    boolean isFloat = type == TensorType.FLOAT32;
    boolean int8 = type == TensorType.INT8;
    int lhs = b.tensor("lhs", type, isFloat ? 0 : 0.1f, int8 ? 2 : 0, lhsShape);
    int rhs = b.tensor("rhs", type, isFloat ? 0 : 0.05f, int8 ? -1 : 0, rhsShape);
    int out = b.tensor("out", type, isFloat ? 0 : 1.0f, int8 ? -4 : 0, outShape);
    return b.op(
        BuiltinOperator.BATCH_MATMUL,
        new BatchMatMulOptions(adjX, adjY, false),
        new int[] {lhs, rhs},
        new int[] {lhs, rhs},
        out);
  }

  @Test
  void floatBatchMatMulEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        batchMatMul(
            TensorType.FLOAT32,
            new int[] {2, 3, 4},
            new int[] {2, 4, 5},
            new int[] {2, 3, 5},
            false,
            false));
  }

  @Test
  void floatBatchMatMulWithAdjointsAndBroadcastBatchesEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        batchMatMul(
            TensorType.FLOAT32,
            new int[] {2, 1, 4, 3},
            new int[] {3, 5, 4},
            new int[] {2, 3, 3, 5},
            true,
            true));
  }

  @Test
  void int8BatchMatMulWithAdjointRhsAndBroadcastLhsEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        batchMatMul(
            TensorType.INT8,
            new int[] {1, 3, 4},
            new int[] {2, 5, 4},
            new int[] {2, 3, 5},
            false,
            true));
  }

  @Test
  void int8BatchMatMulWithAdjointLhsEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        batchMatMul(
            TensorType.INT8,
            new int[] {2, 6, 3},
            new int[] {2, 6, 4},
            new int[] {2, 3, 4},
            true,
            false));
  }

  @Test
  void int16TransposeConvIsRefusedNamingTheOpAndTheTflmBackend() {
    Model model = transposeConv(TensorType.INT16, Padding.SAME, false);
    assertThatThrownBy(() -> CBackend.render(model, "op"))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("op #0 TRANSPOSE_CONV")
        .hasMessageContaining("16x8")
        .hasMessageContaining("backend=tflm");
  }

  @Test
  void int16BatchMatMulIsRefusedNamingTheOpAndTheTflmBackend() {
    Model model =
        batchMatMul(
            TensorType.INT16,
            new int[] {2, 3, 4},
            new int[] {2, 4, 5},
            new int[] {2, 3, 5},
            false,
            false);
    assertThatThrownBy(() -> CBackend.render(model, "op"))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("op #0 BATCH_MATMUL")
        .hasMessageContaining("int16")
        .hasMessageContaining("backend=tflm");
  }

  /**
   * A float SVDF of a [2, 5] input with 6 filters of rank 2 (3 units) and a memory of 4 steps; the
   * state carries over the three seeded runs.
   */
  private static Model floatSvdf(boolean bias, ActivationFunctionType activation) {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.FLOAT32, 0, 0, 2, 5);
    int feature = b.seededConstant("feature", TensorType.FLOAT32, null, 21L, 6, 5);
    int time = b.seededConstant("time", TensorType.FLOAT32, null, 22L, 6, 4);
    int biasTensor = bias ? b.seededConstant("bias", TensorType.FLOAT32, null, 23L, 3) : -1;
    int state = b.variable("state", TensorType.FLOAT32, 0, 0, 2, 24);
    int out = b.tensor("out", TensorType.FLOAT32, 0, 0, 2, 3);
    return b.op(
        BuiltinOperator.SVDF,
        new SVDFOptions(2, activation, false),
        new int[] {in},
        new int[] {in, feature, time, biasTensor, state},
        out);
  }

  @Test
  void floatSvdfWithBiasAndReluEqualsInterpreterAcrossInvokes() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, floatSvdf(true, ActivationFunctionType.RELU));
  }

  @Test
  void floatSvdfWithoutBiasEqualsInterpreterAcrossInvokes() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, floatSvdf(false, ActivationFunctionType.NONE));
  }
}
