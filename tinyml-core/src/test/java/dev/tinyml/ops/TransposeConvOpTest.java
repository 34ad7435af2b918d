package dev.tinyml.ops;

import static dev.tinyml.tflite.TensorType.FLOAT32;
import static dev.tinyml.tflite.TensorType.INT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TransposeConvOptions;
import org.junit.jupiter.api.Test;

/** TRANSPOSE_CONV as a one-op model, with TFLM's transpose_conv_test.cc figures. */
class TransposeConvOpTest {

  static final TransposeConvOptions SAME_1 =
      new TransposeConvOptions(Padding.SAME, 1, 1, ActivationFunctionType.NONE, TensorType.FLOAT32);

  // TransposeConvTest fusedRELUTest, float, through the interpreter.
  @Test
  void floatTransposeConvWithFusedReluRuns() {
    Interpreter it =
        new OneOpModel()
            .ints(1, 4, 4, 1)
            .floats(new int[] {1, 3, 3, 1}, 1, 2, 3, 4, 5, 6, 7, 8, 9)
            .input(FLOAT32, 1, 4, 4, 1)
            .output(FLOAT32, 1, 4, 4, 1)
            .interpreter(
                BuiltinOperator.TRANSPOSE_CONV,
                new TransposeConvOptions(
                    Padding.SAME, 1, 1, ActivationFunctionType.RELU, TensorType.FLOAT32));
    it.input(0).setFloat(new float[] {1, 2, -3, -4, 5, 6, -7, -8, 9, 10, -11, -12, 13, 14, 15, 16});
    it.invoke();
    assertThat(it.output(0).floats())
        .containsExactly(29, 24, 0, 0, 99, 72, 0, 0, 207, 186, 0, 0, 263, 292, 141, 0);
  }

  // Hand-computed int8: a 1x1 input of 2 (scale 0.5: value 1) under a 2x2 filter of 1..4 (scale
  // 1) with stride 2 writes the filter itself; output scale 1 gives 1, 2, 3, 4.
  @Test
  void int8TransposeConvRuns() {
    Interpreter it =
        new OneOpModel()
            .ints(1, 2, 2, 1)
            .int8s(new int[] {1, 2, 2, 1}, 1f, (byte) 1, (byte) 2, (byte) 3, (byte) 4)
            .input(INT8, 0.5f, 0, 1, 1, 1, 1)
            .output(INT8, 1f, 0, 1, 2, 2, 1)
            .interpreter(
                BuiltinOperator.TRANSPOSE_CONV,
                new TransposeConvOptions(
                    Padding.VALID, 2, 2, ActivationFunctionType.NONE, TensorType.FLOAT32));
    it.input(0).setInt8(new byte[] {2});
    it.invoke();
    assertThat(it.output(0).int8()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void hybridTransposeConvIsRefused() {
    OneOpModel m =
        new OneOpModel()
            .ints(1, 2, 2, 1)
            .int8s(new int[] {1, 2, 2, 1}, 1f, (byte) 1, (byte) 2, (byte) 3, (byte) 4)
            .input(FLOAT32, 1, 1, 1, 1)
            .output(FLOAT32, 1, 2, 2, 1);
    assertThatThrownBy(() -> PreparedModel.prepare(m.build(BuiltinOperator.TRANSPOSE_CONV, SAME_1)))
        .hasMessageStartingWith("op #0 TRANSPOSE_CONV: Hybrid models are not supported");
  }
}
