package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.io.AtomicFiles;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The element-wise math functions (ABS, SQRT, RSQRT, EXP, LOG, FLOOR, ROUND, ELU, HARD_SWISH) as
 * one-op models on the host: every output equals the interpreter's byte for byte, on seeded inputs
 * and on edge values.
 */
class CBackendMathOpTest {
  @TempDir Path dir;

  /** A one-op model of {@code code} on a [4, 25] tensor (quantized when {@code scale > 0}). */
  private static Model unary(
      BuiltinOperator code,
      TensorType type,
      float inScale,
      int inZero,
      float outScale,
      int outZero) {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", type, inScale, inZero, 4, 25);
    int out = b.tensor("out", type, outScale, outZero, 4, 25);
    return b.op(code, null, new int[] {in}, new int[] {in}, out);
  }

  private static Model floatUnary(BuiltinOperator code) {
    return unary(code, TensorType.FLOAT32, 0, 0, 0, 0);
  }

  /** 100 little-endian floats: {@code values} first, then zeros. */
  private static List<byte[][]> floats(float... values) {
    ByteBuffer b = ByteBuffer.allocate(400).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return List.<byte[][]>of(new byte[][] {b.array()});
  }

  /** 100 little-endian int16 values: {@code values} first, then zeros. */
  private static List<byte[][]> shorts(int... values) {
    ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putShort((short) v);
    }
    return List.<byte[][]>of(new byte[][] {b.array()});
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = BuiltinOperator.class,
      names = {"ABS", "SQRT", "RSQRT", "EXP", "LOG", "FLOOR", "ROUND", "ELU", "HARD_SWISH"})
  void floatFunctionEqualsInterpreterOnSeededInputs(BuiltinOperator code) throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, floatUnary(code));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = BuiltinOperator.class,
      names = {"ABS", "SQRT", "RSQRT", "EXP", "LOG", "FLOOR", "ROUND", "ELU", "HARD_SWISH"})
  void floatFunctionEqualsInterpreterOnEdgeValues(BuiltinOperator code) throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        floatUnary(code),
        floats(
            -1f,
            -0f,
            0f,
            Float.MIN_VALUE,
            0.5f,
            1.5f,
            2.5f,
            -2.5f,
            -3f,
            3f,
            88.8f,
            -104f,
            Float.MAX_VALUE,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            8388607.5f,
            -0.49999997f));
  }

  @Test
  void floatSqrtAndLogOfNegativeInputsAreNanAsInTheInterpreter() throws Exception {
    for (BuiltinOperator code : new BuiltinOperator[] {BuiltinOperator.SQRT, BuiltinOperator.LOG}) {
      Model model = floatUnary(code);
      List<byte[][]> runs = floats(-1f, -2.5f, -1e-30f);
      byte[] java = SeededInputs.javaOutputs(model, runs)[0][0];
      float first = ByteBuffer.wrap(java).order(ByteOrder.LITTLE_ENDIAN).getFloat(0);
      assertThat(first).as("%s(-1) in the interpreter", code).isNaN();
      SingleOpModels.assertHostEqualsInterpreter(dir, model, runs);
    }
  }

  @Test
  void int8AbsRescalesToTheOutputScale() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir, unary(BuiltinOperator.ABS, TensorType.INT8, 0.05f, -7, 0.03f, -128));
  }

  @Test
  void int8AbsWithEqualScalesOnlyMovesTheZeroPoint() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir, unary(BuiltinOperator.ABS, TensorType.INT8, 0.05f, 3, 0.05f, -100));
  }

  @Test
  void int16AbsRescalesWithZeroPointsZero() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir, unary(BuiltinOperator.ABS, TensorType.INT16, 0.001f, 0, 0.0007f, 0));
  }

  @Test
  void rawInt16AbsKeepsMinus32768AsJavaDoes() throws Exception {
    Model model = unary(BuiltinOperator.ABS, TensorType.INT16, 0, 0, 0, 0);
    SingleOpModels.assertHostEqualsInterpreter(dir, model);
    SingleOpModels.assertHostEqualsInterpreter(dir, model, shorts(-32768, -32767, -1, 0, 32767));
  }

  @Test
  void int8RsqrtEqualsInterpreterAboveTheZeroPoint() throws Exception {
    // Zero point -128: every int8 value is at or above it, the zero point itself maps to 127.
    SingleOpModels.assertHostEqualsInterpreter(
        dir, unary(BuiltinOperator.RSQRT, TensorType.INT8, 0.02f, -128, 0.05f, -20));
  }

  @Test
  void int16RsqrtEqualsInterpreterOnNonNegativeInputs() throws Exception {
    int[] values = new int[100];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 4 ? i : (int) ((long) i * i * i * 32767 / 1_000_000);
    }
    values[99] = 32767;
    SingleOpModels.assertHostEqualsInterpreter(
        dir, unary(BuiltinOperator.RSQRT, TensorType.INT16, 0.0005f, 0, 0.002f, 0), shorts(values));
  }

  @Test
  void int8RsqrtBelowTheZeroPointFailsTheInvokeAsTheInterpreterDoes() throws Exception {
    Toolchain.require("gcc", "the host build of the generated C");
    Model model = unary(BuiltinOperator.RSQRT, TensorType.INT8, 0.02f, 0, 0.05f, 0);
    byte[] input = new byte[100];
    input[0] = 9;
    input[1] = -1;
    assertThatThrownBy(
            () -> SeededInputs.javaOutputs(model, List.<byte[][]>of(new byte[][] {input})))
        .hasMessageContaining("non-negative");
    CModule module = CBackend.render(model, "op");
    assertThat(module.header()).contains("returns 0, or 1 + the index of the operator at");
    AtomicFiles.write(dir.resolve(module.headerFile()), module.header());
    AtomicFiles.write(dir.resolve(module.sourceFile()), module.source());
    AtomicFiles.write(
        dir.resolve("main.c"),
        "#include <string.h>\n#include \"op_model.h\"\n"
            + "int main(void) {\n  memset(op_input_0, 0, 100);\n"
            + "  if (op_invoke() != 0) return 2;\n"
            + "  op_input_0[0] = 9;\n  op_input_0[1] = -1;\n"
            + "  return op_invoke() == 1 ? 0 : 3;\n}\n");
    Path exe = Toolchain.hostBuild(dir, module);
    assertThat(Toolchain.run(dir, 60, List.of(exe.toString())).exitCode())
        .as("exit code: 0 when the first invoke returned 0 and the second 1")
        .isZero();
  }

  @Test
  void rsqrtWhoseRescaleShiftsBeyond31BitsIsRefusedNamingTheOp() {
    // 1 / (sqrt(1e4) * 1e4) = 1e-6 needs a right shift of 19 + 20 bits.
    Model model = unary(BuiltinOperator.RSQRT, TensorType.INT8, 1e4f, -128, 1e4f, 0);
    assertThatThrownBy(() -> CBackend.render(model, "op"))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("op #0 RSQRT")
        .hasMessageContaining("shift")
        .hasMessageContaining("backend=tflm");
  }

  @Test
  void int8EluGoesThroughTheInterpretersTable() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir, unary(BuiltinOperator.ELU, TensorType.INT8, 0.04f, 10, 0.03f, 30));
  }

  @Test
  void int8HardSwishTableHoldsTheJavaKernelsValues() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir, unary(BuiltinOperator.HARD_SWISH, TensorType.INT8, 0.05f, -5, 0.04f, -40));
  }
}
