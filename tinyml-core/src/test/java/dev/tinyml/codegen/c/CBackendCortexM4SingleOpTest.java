package dev.tinyml.codegen.c;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-op models of the reductions, gathers, broadcast functions and float LSTM, cross-compiled
 * for the Cortex-M4 and run under qemu as {@link CBackendCortexM4Test} runs the fixtures: outputs
 * equal the interpreter's byte for byte.
 */
class CBackendCortexM4SingleOpTest {
  @TempDir Path dir;

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of(
            "float SUM keep_dims",
            CBackendReductionTest.reduce(
                BuiltinOperator.SUM,
                TensorType.FLOAT32,
                0,
                0,
                0,
                0,
                true,
                new int[] {2, 3, 1, 5},
                -2)),
        Arguments.of(
            "int8 SUM",
            CBackendReductionTest.reduce(
                BuiltinOperator.SUM,
                TensorType.INT8,
                0.02f,
                -5,
                0.3f,
                7,
                false,
                new int[] {3, 5},
                0,
                2)),
        Arguments.of(
            "int8 REDUCE_MAX",
            CBackendReductionTest.reduce(
                BuiltinOperator.REDUCE_MAX,
                TensorType.INT8,
                0.1f,
                4,
                0.1f,
                4,
                false,
                new int[] {2, 5},
                1,
                2)),
        Arguments.of(
            "float REDUCE_MIN",
            CBackendReductionTest.reduce(
                BuiltinOperator.REDUCE_MIN,
                TensorType.FLOAT32,
                0,
                0,
                0,
                0,
                false,
                new int[] {2, 3, 4},
                3)),
        Arguments.of(
            "float ARG_MAX",
            CBackendReductionTest.arg(
                BuiltinOperator.ARG_MAX, TensorType.FLOAT32, new int[] {3, 4, 5}, -1, 3, 4)),
        Arguments.of(
            "int8 ARG_MIN",
            CBackendReductionTest.arg(
                BuiltinOperator.ARG_MIN, TensorType.INT8, new int[] {300, 2}, 0, 2)),
        Arguments.of(
            "int8 GATHER batch_dims",
            CBackendGatherTest.gather(
                TensorType.INT8,
                new int[] {2, 3, 4},
                new int[] {2, 2},
                new int[] {0, 2, 1, 1},
                2,
                1,
                2,
                3,
                2)),
        Arguments.of(
            "float GATHER_ND",
            CBackendGatherTest.gatherNd(
                TensorType.FLOAT32,
                new int[] {2, 3},
                new int[] {2, 2, 2},
                new int[] {1, 2, 0, 1, 1, 0, 0, 0},
                2,
                2)),
        Arguments.of(
            "float SQUARED_DIFFERENCE",
            CBackendBinaryOpTest.binary(BuiltinOperator.SQUARED_DIFFERENCE, TensorType.FLOAT32, 0)),
        Arguments.of(
            "int8 SQUARED_DIFFERENCE",
            CBackendBinaryOpTest.quantizedSquaredDifference(TensorType.INT8, 6)),
        Arguments.of("float PRELU", CBackendBinaryOpTest.prelu(TensorType.FLOAT32, 0)),
        Arguments.of("int8 PRELU", CBackendBinaryOpTest.prelu(TensorType.INT8, 0.05f)),
        Arguments.of(
            "float HARD_SWISH", CBackendSingleOpTest.floatUnary(BuiltinOperator.HARD_SWISH, null)),
        Arguments.of("int8 HARD_SWISH", CBackendSingleOpTest.int8HardSwish()),
        Arguments.of("float LSTM", CBackendLstmFloatTest.lstm(true, 0.5f)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void cortexM4RunEqualsInterpreterByteForByte(String name, Model model) throws Exception {
    CortexM4.assertRunEqualsInterpreter(dir, model, name);
  }
}
