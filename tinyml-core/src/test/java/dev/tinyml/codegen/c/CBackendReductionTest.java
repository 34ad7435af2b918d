package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.tflite.ArgMaxOptions;
import dev.tinyml.tflite.ArgMinOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.ReducerOptions;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SUM, REDUCE_MAX, REDUCE_MIN, ARG_MAX and ARG_MIN as one-op models on the host: every output
 * equals the interpreter's byte for byte.
 */
class CBackendReductionTest {
  @TempDir Path dir;

  /** {@code code} of a {@code 2x3x4x5} input over the constant {@code axes}. */
  static Model reduce(
      BuiltinOperator code,
      TensorType type,
      float inScale,
      int inZeroPoint,
      float outScale,
      int outZeroPoint,
      boolean keepDims,
      int[] outShape,
      int... axes) {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", type, inScale, inZeroPoint, 2, 3, 4, 5);
    int axis = b.int32(new int[] {axes.length}, axes);
    int out = b.tensor("out", type, outScale, outZeroPoint, outShape);
    return b.op(code, new ReducerOptions(keepDims), new int[] {in}, new int[] {in, axis}, out);
  }

  private void assertHostEqualsInterpreter(Model model) throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, model);
  }

  @Test
  void floatSumOverANegativeAxisKeepingDimsEqualsInterpreter() throws Exception {
    assertHostEqualsInterpreter(
        reduce(
            BuiltinOperator.SUM, TensorType.FLOAT32, 0, 0, 0, 0, true, new int[] {2, 3, 1, 5}, -2));
  }

  @Test
  void floatSumOverTwoAxesInTheInterpretersOrderEqualsInterpreter() throws Exception {
    assertHostEqualsInterpreter(
        reduce(BuiltinOperator.SUM, TensorType.FLOAT32, 0, 0, 0, 0, false, new int[] {3, 5}, 0, 2));
  }

  @Test
  void int32SumWrapsLikeJava() throws Exception {
    assertHostEqualsInterpreter(
        reduce(BuiltinOperator.SUM, TensorType.INT32, 0, 0, 0, 0, false, new int[] {2, 4}, 1, 3));
  }

  @Test
  void int8SumRescalesToTheOutput() throws Exception {
    assertHostEqualsInterpreter(
        reduce(
            BuiltinOperator.SUM,
            TensorType.INT8,
            0.02f,
            -5,
            0.3f,
            7,
            true,
            new int[] {1, 3, 1, 5},
            0,
            2));
  }

  @Test
  void int16SumRescalesToTheOutputAndSaturates() throws Exception {
    assertHostEqualsInterpreter(
        reduce(
            BuiltinOperator.SUM,
            TensorType.INT16,
            0.001f,
            3,
            0.004f,
            -2,
            false,
            new int[] {2, 3, 4},
            -1));
  }

  @Test
  void sumAxesGivenAsInt64EqualInterpreter() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.FLOAT32, 0, 0, 4, 6);
    int axis = b.int64(new int[] {1}, 0L);
    int out = b.tensor("out", TensorType.FLOAT32, 0, 0, 6);
    assertHostEqualsInterpreter(
        b.op(
            BuiltinOperator.SUM,
            new ReducerOptions(false),
            new int[] {in},
            new int[] {in, axis},
            out));
  }

  @Test
  void floatReduceMaxAndMinEqualInterpreter() throws Exception {
    for (BuiltinOperator code :
        new BuiltinOperator[] {BuiltinOperator.REDUCE_MAX, BuiltinOperator.REDUCE_MIN}) {
      assertHostEqualsInterpreter(
          reduce(code, TensorType.FLOAT32, 0, 0, 0, 0, false, new int[] {2, 5}, 1, -2));
    }
  }

  @Test
  void int8ReduceMaxAndMinPickRawValues() throws Exception {
    for (BuiltinOperator code :
        new BuiltinOperator[] {BuiltinOperator.REDUCE_MAX, BuiltinOperator.REDUCE_MIN}) {
      assertHostEqualsInterpreter(
          reduce(code, TensorType.INT8, 0.1f, 4, 0.1f, 4, true, new int[] {2, 1, 1, 1}, 1, 2, 3));
    }
  }

  /** {@code code} of an input of {@code inShape} along the constant {@code axis}, to int32. */
  static Model arg(
      BuiltinOperator code, TensorType type, int[] inShape, int axis, int... outShape) {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", type, type == TensorType.INT8 ? 0.1f : 0, 0, inShape);
    int a = b.int32(new int[] {}, axis);
    int out = b.tensor("out", TensorType.INT32, 0, 0, outShape);
    return b.op(
        code,
        code == BuiltinOperator.ARG_MAX
            ? new ArgMaxOptions(TensorType.INT32)
            : new ArgMinOptions(TensorType.INT32),
        new int[] {in},
        new int[] {in, a},
        out);
  }

  @Test
  void floatArgMaxAndArgMinAlongANegativeAxisEqualInterpreter() throws Exception {
    for (BuiltinOperator code :
        new BuiltinOperator[] {BuiltinOperator.ARG_MAX, BuiltinOperator.ARG_MIN}) {
      assertHostEqualsInterpreter(arg(code, TensorType.FLOAT32, new int[] {3, 4, 5}, -2, 3, 5));
    }
  }

  @Test
  void int8ArgMaxAndArgMinKeepTheFirstOfEqualValues() throws Exception {
    // 300 random bytes along the axis: the extreme value occurs more than once, almost surely.
    for (BuiltinOperator code :
        new BuiltinOperator[] {BuiltinOperator.ARG_MAX, BuiltinOperator.ARG_MIN}) {
      assertHostEqualsInterpreter(arg(code, TensorType.INT8, new int[] {300, 2}, 0, 2));
    }
  }

  @Test
  void aSumOverARank5InputIsRefusedNamingTheOpAndTheTflmBackend() {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.FLOAT32, 0, 0, 2, 1, 2, 1, 2);
    int axis = b.int32(new int[] {1}, 4);
    int out = b.tensor("out", TensorType.FLOAT32, 0, 0, 2, 1, 2, 1);
    Model model =
        b.op(
            BuiltinOperator.SUM,
            new ReducerOptions(false),
            new int[] {in},
            new int[] {in, axis},
            out);
    assertThatThrownBy(() -> CBackend.render(model, "op"))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("op #0 SUM")
        .hasMessageContaining("rank-5 input (at most 4)")
        .hasMessageContaining("backend=tflm");
  }
}
