package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Pool2DOptions;
import dev.tinyml.tflite.SoftmaxOptions;
import dev.tinyml.tflite.TensorType;
import org.junit.jupiter.api.Test;

/** The c backend has int8 and float32 kernels only: int16 plans are refused naming the op. */
class CBackendInt16Test {

  private static Model unary(BuiltinOperator op, BuiltinOptions options, float outScale) {
    SingleOpModels m = new SingleOpModels();
    int in = m.tensor("in", TensorType.INT16, 1f / 4096, 0, 1, 8);
    int out = m.tensor("out", TensorType.INT16, outScale, 0, 1, 8);
    return m.op(op, options, new int[] {in}, new int[] {in}, out);
  }

  @Test
  void int16LogisticIsRefusedNamingTheOpAndTheTflmBackend() {
    Model model = unary(BuiltinOperator.LOGISTIC, null, 1f / 32768);
    assertThatThrownBy(() -> CBackend.render(model, "m"))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("op #0 LOGISTIC: the c backend has no emitter for int16 LOGISTIC")
        .hasMessageContaining("backend=tflm");
  }

  @Test
  void int16SoftmaxIsRefusedNamingTheOp() {
    Model model = unary(BuiltinOperator.SOFTMAX, new SoftmaxOptions(1f), 1f / 32768);
    assertThatThrownBy(() -> CBackend.render(model, "m"))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("no emitter for int16 SOFTMAX");
  }

  @Test
  void int16AddIsRefusedNamingTheOp() {
    SingleOpModels m = new SingleOpModels();
    int x = m.tensor("x", TensorType.INT16, 0.01f, 0, 1, 4);
    int y = m.tensor("y", TensorType.INT16, 0.01f, 0, 1, 4);
    int out = m.tensor("out", TensorType.INT16, 0.02f, 0, 1, 4);
    Model model =
        m.op(
            BuiltinOperator.ADD,
            new AddOptions(ActivationFunctionType.NONE, false),
            new int[] {x, y},
            new int[] {x, y},
            out);
    assertThatThrownBy(() -> CBackend.render(model, "m"))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("no emitter for int16 ADD");
  }

  private static Model int16Pool(BuiltinOperator op) {
    SingleOpModels m = new SingleOpModels();
    int in = m.tensor("in", TensorType.INT16, 0.01f, 0, 1, 2, 2, 1);
    int out = m.tensor("out", TensorType.INT16, 0.01f, 0, 1, 1, 1, 1);
    return m.op(
        op,
        new Pool2DOptions(Padding.VALID, 2, 2, 2, 2, ActivationFunctionType.NONE),
        new int[] {in},
        new int[] {in},
        out);
  }

  @Test
  void int16AveragePoolIsRefusedNamingTheOpAndTheTflmBackend() {
    assertThatThrownBy(() -> CBackend.render(int16Pool(BuiltinOperator.AVERAGE_POOL_2D), "m"))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("op #0 AVERAGE_POOL_2D: the c backend has no emitter for int16")
        .hasMessageContaining("backend=tflm");
  }

  @Test
  void int16MaxPoolIsRefusedNamingTheOp() {
    assertThatThrownBy(() -> CBackend.render(int16Pool(BuiltinOperator.MAX_POOL_2D), "m"))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("no emitter for int16 MAX_POOL_2D");
  }
}
