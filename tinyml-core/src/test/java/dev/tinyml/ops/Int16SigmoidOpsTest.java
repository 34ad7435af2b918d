package dev.tinyml.ops;

import static dev.tinyml.tflite.TensorType.INT16;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Int16 LOGISTIC and TANH as one-op models, with the int16 cases of TFLM's logistic_test.cc and
 * tanh_test.cc: 177 inputs from -20 to 20, input scale 32/65536, output scale 2/65536, tolerance
 * 16.
 */
class Int16SigmoidOpsTest {

  private static final float IN_SCALE = 32f / 65536f;
  private static final float OUT_SCALE = 2f / 65536f;
  private static final int N = 177;

  private static float[] inputs() {
    float[] x = new float[N];
    for (int i = 0; i < N; i++) {
      x[i] = (float) (-20.0 + 40.0 * i / 176.0);
    }
    return x;
  }

  private static Model model(BuiltinOperator op, int inZeroPoint, float outScale) {
    return new OneOpModel()
        .input(INT16, IN_SCALE, inZeroPoint, 1, N)
        .output(INT16, outScale, 0, 1, N)
        .build(op, null);
  }

  private static void assertMatchesGolden(BuiltinOperator op, DoubleUnaryOperator golden) {
    Interpreter it = PreparedModel.prepare(model(op, 0, OUT_SCALE)).newInterpreter();
    float[] x = inputs();
    it.input(0).setInt16(Int16TestQuant.int16(x, IN_SCALE));
    it.invoke();
    short[] out = it.output(0).int16();
    for (int i = 0; i < N; i++) {
      long expected = Math.min(32767, Math.round(golden.applyAsDouble(x[i]) / OUT_SCALE));
      assertThat(Math.abs(out[i] - expected)).as("x = %s", x[i]).isLessThanOrEqualTo(16);
    }
  }

  @Test
  void logisticMatchesTflmGoldenWithinItsTolerance() {
    assertMatchesGolden(BuiltinOperator.LOGISTIC, v -> 1.0 / (1.0 + Math.exp(-v)));
  }

  @Test
  void tanhMatchesTflmGoldenWithinItsTolerance() {
    assertMatchesGolden(BuiltinOperator.TANH, Math::tanh);
  }

  @Test
  void int16LogisticWithANonZeroInputZeroPointIsRefused() {
    assertThatThrownBy(() -> PreparedModel.prepare(model(BuiltinOperator.LOGISTIC, 5, OUT_SCALE)))
        .hasMessageStartingWith("op #0 LOGISTIC: int16 input and output need zero point 0");
  }

  @Test
  void int16TanhWithAnOutputScaleOtherThan2ToTheMinus15IsRefused() {
    assertThatThrownBy(() -> PreparedModel.prepare(model(BuiltinOperator.TANH, 0, 1f / 4096)))
        .hasMessageStartingWith("op #0 TANH: int16 output scale must be 2^-15");
  }

  @Test
  void int16LogisticAndTanhAreVersion3WithAQ015Output() {
    OpNode node = Int16ArithmeticOpsTest.node(model(BuiltinOperator.LOGISTIC, 0, OUT_SCALE));
    assertThat(new LogisticOp().int8Version(node)).isEqualTo(3);
    assertThat(new TanhOp().int8Version(node)).isEqualTo(3);
    assertThat(new TanhOp().fixedInt16Output())
        .isEqualTo(new FixedOutputRules.Quantization(1f / 32768, 0));
  }
}
