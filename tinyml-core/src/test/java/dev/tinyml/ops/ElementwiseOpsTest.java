package dev.tinyml.ops;

import static dev.tinyml.tflite.TensorType.BOOL;
import static dev.tinyml.tflite.TensorType.FLOAT32;
import static dev.tinyml.tflite.TensorType.INT16;
import static dev.tinyml.tflite.TensorType.INT32;
import static dev.tinyml.tflite.TensorType.INT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.InterpreterException;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.BuiltinOperator;
import org.junit.jupiter.api.Test;

/**
 * The element-wise ops run as one-op models through {@link PreparedModel}, with figures from TFLM's
 * kernel tests (tensorflow/lite/micro/kernels/*_test.cc, named per test).
 */
class ElementwiseOpsTest {

  static float[] runFloat(BuiltinOperator op, float... in) {
    Interpreter it =
        new OneOpModel().input(FLOAT32, in.length).output(FLOAT32, in.length).interpreter(op, null);
    it.input(0).setFloat(in);
    it.invoke();
    return it.output(0).floats();
  }

  // elementwise_test.cc Abs/Sqrt/Rsqrt/Log, exp_test.cc SingleDim, floor_test.cc
  // FloorOpSingleDimFloat32, round_test.cc SingleDim, elu_test.cc FloatActivationsOpTestElu.
  @Test
  void floatFunctionsRun() {
    assertThat(runFloat(BuiltinOperator.ABS, 0.01f, -0.01f, 10, -10))
        .containsExactly(0.01f, 0.01f, 10, 10);
    assertThat(runFloat(BuiltinOperator.SQRT, 0, 1, 2, 4))
        .containsExactly(new float[] {0, 1, 1.41421f, 2}, within(1e-5f));
    assertThat(runFloat(BuiltinOperator.RSQRT, 1, 2, 4, 9))
        .containsExactly(new float[] {1, 0.7071f, 0.5f, 0.33333f}, within(1e-4f));
    assertThat(runFloat(BuiltinOperator.LOG, 1, 2.7182818f, 0.5f, 2))
        .containsExactly(new float[] {0, 1, -0.6931472f, 0.6931472f}, within(1e-5f));
    assertThat(runFloat(BuiltinOperator.EXP, 0, 1, -1))
        .containsExactly(1, (float) Math.exp(1), (float) Math.exp(-1));
    assertThat(runFloat(BuiltinOperator.FLOOR, 8.5f, 0)).containsExactly(8, 0);
    assertThat(runFloat(BuiltinOperator.ROUND, 8.5f, 0, 3.5f, 4.2f, -3.5f, -4.5f))
        .containsExactly(8, 0, 4, 4, -4, -4);
    assertThat(runFloat(BuiltinOperator.ELU, 0, -6, 2, -4))
        .containsExactly(new float[] {0, -0.997521f, 2, -0.981684f}, within(1e-5f));
    assertThat(runFloat(BuiltinOperator.HARD_SWISH, -4, -1.5f, 3, 5))
        .containsExactly(-0f, -0.375f, 3, 5);
  }

  // elementwise_test.cc, AbsInt8 (TFLM checks within the input scale).
  @Test
  void int8AbsRuns() {
    float inScale = (113f + 142f) / 255f;
    float outScale = 142f / 255f;
    Interpreter it =
        new OneOpModel()
            .input(INT8, inScale, 14, 8)
            .output(INT8, outScale, -128, 8)
            .interpreter(BuiltinOperator.ABS, null);
    it.input(0).setReal(new double[] {15, 46, 78, -142, -1, -17, -49, 113});
    it.invoke();
    assertThat(it.output(0).dequantized())
        .containsExactly(new float[] {15, 46, 78, 142, 1, 17, 49, 113}, within(inScale));
  }

  // elementwise_test.cc, RsqrtInt16; RsqrtNanInt8 fails the invoke.
  @Test
  void int16RsqrtRunsAndANegativeInt8InputFailsTheInvoke() {
    float inScale = (float) (142.0 / 32768.0);
    float outScale = (float) (1.0 / 32768.0);
    Interpreter it =
        new OneOpModel()
            .input(INT16, inScale, 0, 4)
            .output(INT16, outScale, 0, 4)
            .interpreter(BuiltinOperator.RSQRT, null);
    it.input(0).setReal(new double[] {15, 46, 1, 113});
    it.invoke();
    assertThat(it.output(0).dequantized())
        .containsExactly(new float[] {0.2582f, 0.14744f, 1, 0.09407f}, within(inScale));

    Interpreter neg =
        new OneOpModel()
            .input(INT8, 142f / 255f, -15, 1)
            .output(INT8, 1f / 255f, -128, 1)
            .interpreter(BuiltinOperator.RSQRT, null);
    neg.input(0).setInt8(new byte[] {-100});
    assertThatThrownBy(neg::invoke)
        .isInstanceOf(InterpreterException.class)
        .hasMessageContaining("RSQRT")
        .hasMessageContaining("non-negative");
  }

  // elu_test.cc, QuantizedActivationsOpTestEluInt8 (range [-8, 8*127/128], tolerance 2/256).
  @Test
  void int8EluRuns() {
    float scale = (8f * 127f / 128f + 8f) / 255f;
    int zp = -128 + Math.round(8f / scale);
    Interpreter it =
        new OneOpModel()
            .input(INT8, scale, zp, 4)
            .output(INT8, scale, zp, 4)
            .interpreter(BuiltinOperator.ELU, null);
    it.input(0).setReal(new double[] {-6, 2, -2, -0.1});
    it.invoke();
    assertThat(it.output(0).dequantized())
        .containsExactly(new float[] {-1, 2, -0.875f, -0.125f}, within(2f / 256f));
  }

  // hard_swish_test.cc, SimpleHardSwishTestInt8 ranges [-5, 10] -> [-0.375, 10], tolerance 1.5
  // steps of the wider range.
  @Test
  void int8HardSwishRuns() {
    float inScale = 15f / 255f;
    int inZp = -128 + Math.round(5f / inScale);
    float outScale = 10.375f / 255f;
    int outZp = -128 + Math.round(0.375f / outScale);
    Interpreter it =
        new OneOpModel()
            .input(INT8, inScale, inZp, 4)
            .output(INT8, outScale, outZp, 4)
            .interpreter(BuiltinOperator.HARD_SWISH, null);
    it.input(0).setReal(new double[] {-4, -1.5, 1, 5});
    it.invoke();
    assertThat(it.output(0).dequantized())
        .containsExactly(new float[] {0, -0.375f, 2f / 3f, 5}, within(15f * 1.5f / 256f));
  }

  // prelu_test.cc, QuantizedInt8PreluActivationsOpTest (tolerance 2/256).
  @Test
  void int8PreluRuns() {
    float s = 2f / 255f;
    Interpreter it =
        new OneOpModel()
            .input(INT8, s, 0, 2, 2, 3)
            .input(INT8, s, 0, 1, 1, 3)
            .output(INT8, s, 0, 2, 2, 3)
            .interpreter(BuiltinOperator.PRELU, null);
    it.input(0).setReal(new double[] {0, 0, 0, 0.5, 0.5, 0.5, -1, -1, -1, -0.25, -0.25, -0.25});
    it.input(1).setReal(new double[] {0, 0.5, -0.5});
    it.invoke();
    assertThat(it.output(0).dequantized())
        .containsExactly(
            new float[] {0, 0, 0, 0.5f, 0.5f, 0.5f, 0, -0.5f, 0.5f, 0, -0.125f, 0.125f},
            within(2f / 256f));
  }

  // squared_difference_test.cc, IntegerSquaredDifferenceWithBroadcast.
  @Test
  void squaredDifferenceRunsWithBroadcast() {
    Interpreter it =
        new OneOpModel()
            .input(INT32, 1, 3, 1, 2)
            .input(INT32, 1)
            .output(INT32, 1, 3, 1, 2)
            .interpreter(BuiltinOperator.SQUARED_DIFFERENCE, null);
    it.input(0).setInt32(new int[] {-20, 10, 7, 3, 1, 13});
    it.input(1).setInt32(new int[] {3});
    it.invoke();
    assertThat(it.output(0).int32()).containsExactly(529, 49, 16, 0, 4, 100);
  }

  // comparisons_test.cc, ComparisonsTest EqualQuantizedInt8 and GreaterBroadcast-style int32.
  @Test
  void comparisonsWriteBools() {
    Interpreter eq =
        new OneOpModel()
            .input(INT8, 0.5f, -5, 4)
            .input(INT8, 0.25f, 5, 4)
            .output(BOOL, 4)
            .interpreter(BuiltinOperator.EQUAL, null);
    eq.input(0).setReal(new double[] {1, -9, 7, 3});
    eq.input(1).setReal(new double[] {-1, 2, 7, 5});
    eq.invoke();
    assertThat(eq.output(0).bytes()).containsExactly(0, 0, 1, 0);

    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.NOT_EQUAL,
          BuiltinOperator.GREATER,
          BuiltinOperator.GREATER_EQUAL,
          BuiltinOperator.LESS,
          BuiltinOperator.LESS_EQUAL
        }) {
      Interpreter it =
          new OneOpModel().input(INT32, 4).input(INT32, 1).output(BOOL, 4).interpreter(op, null);
      it.input(0).setInt32(new int[] {-1, 9, 7, 3});
      it.input(1).setInt32(new int[] {7});
      it.invoke();
      byte[] expected =
          switch (op) {
            case NOT_EQUAL -> new byte[] {1, 1, 0, 1};
            case GREATER -> new byte[] {0, 1, 0, 0};
            case GREATER_EQUAL -> new byte[] {0, 1, 1, 0};
            case LESS -> new byte[] {1, 0, 0, 1};
            default -> new byte[] {1, 0, 1, 1};
          };
      assertThat(it.output(0).bytes()).as("%s", op).containsExactly(expected);
    }
  }

  @Test
  void orderingComparisonOfBoolsIsRefused() {
    OneOpModel m = new OneOpModel().input(BOOL, 2).input(BOOL, 2).output(BOOL, 2);
    assertThatThrownBy(() -> PreparedModel.prepare(m.build(BuiltinOperator.LESS, null)))
        .hasMessageStartingWith("op #0 LESS:");
  }

  // select_test.cc, SelectTest BroadcastSelectInt16OneDimensionConditionWithTwoValues.
  @Test
  void selectV2RunsWithBroadcast() {
    Interpreter it =
        new OneOpModel()
            .input(BOOL, 2)
            .input(INT16, 2, 1, 2, 1)
            .input(INT16, 2, 1, 2, 1)
            .output(INT16, 2, 1, 2, 2)
            .interpreter(BuiltinOperator.SELECT_V2, null);
    it.input(0).setBytes(new byte[] {0, 1});
    it.input(1).setInt16(new short[] {1, 2, 3, 4});
    it.input(2).setInt16(new short[] {5, 6, 7, 8});
    it.invoke();
    assertThat(it.output(0).int16()).containsExactly(new short[] {5, 1, 6, 2, 7, 3, 8, 4});
  }
}
