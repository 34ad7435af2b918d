package dev.tinyml.ops;

import static dev.tinyml.tflite.TensorType.INT16;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.MulOptions;
import dev.tinyml.tflite.SubOptions;
import org.junit.jupiter.api.Test;

/**
 * Int16 ADD and MUL as one-op models, with the int16 cases of TFLM's add_test.cc and mul_test.cc.
 */
class Int16ArithmeticOpsTest {

  private static final AddOptions ADD_NONE = new AddOptions(ActivationFunctionType.NONE, false);

  private static short[] add(
      float[] x,
      int[] xShape,
      float[] y,
      int[] yShape,
      int[] outShape,
      float[] scales,
      ActivationFunctionType act) {
    Interpreter it =
        new OneOpModel()
            .input(INT16, scales[0], 0, xShape)
            .input(INT16, scales[1], 0, yShape)
            .output(INT16, scales[2], 0, outShape)
            .interpreter(BuiltinOperator.ADD, new AddOptions(act, false));
    it.input(0).setInt16(Int16TestQuant.int16(x, scales[0]));
    it.input(1).setInt16(Int16TestQuant.int16(y, scales[1]));
    it.invoke();
    return it.output(0).int16();
  }

  private static short[] mul(
      float[] x, int[] xShape, float[] y, int[] yShape, float inScale, float outScale) {
    Interpreter it =
        new OneOpModel()
            .input(INT16, inScale, 0, xShape)
            .input(INT16, inScale, 0, yShape)
            .output(INT16, outScale, 0, xShape)
            .interpreter(BuiltinOperator.MUL, new MulOptions(ActivationFunctionType.NONE));
    it.input(0).setInt16(Int16TestQuant.int16(x, inScale));
    it.input(1).setInt16(Int16TestQuant.int16(y, inScale));
    it.invoke();
    return it.output(0).int16();
  }

  private static void assertWithin(short[] actual, short[] expected, int tolerance) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(Math.abs(actual[i] - expected[i]))
          .as("element %d", i)
          .isLessThanOrEqualTo(tolerance);
    }
  }

  // QuantizedAddNoActivationInt16: exact (tolerance 1e-5 on integers).
  @Test
  void addWithoutActivationMatchesTflmGolden() {
    float[] scales = {0.25f, 0.5f, 1.0f};
    int[] shape = {1, 2, 2, 1};
    short[] out =
        add(
            new float[] {-2.01f, -1.01f, -0.01f, 0.98f},
            shape,
            new float[] {1.01f, 2.01f, 3.01f, 4.02f},
            shape,
            shape,
            scales,
            ActivationFunctionType.NONE);
    assertThat(out).containsExactly(Int16TestQuant.int16(new float[] {-1, 1, 3, 5}, 1f));
  }

  // QuantizedAddActivationRelu1Int16.
  @Test
  void addWithReluN1To1ClampsToTflmGolden() {
    float[] scales = {0.25f, 0.5f, 1.0f};
    int[] shape = {1, 2, 2, 1};
    short[] out =
        add(
            new float[] {-2.01f, -1.01f, -0.01f, 0.98f},
            shape,
            new float[] {1.01f, 1.99f, 2.99f, 4.02f},
            shape,
            shape,
            scales,
            ActivationFunctionType.RELU_N1_TO_1);
    assertThat(out).containsExactly(Int16TestQuant.int16(new float[] {-1, 1, 1, 1}, 1f));
  }

  // QuantizedAddWithScalarBroadcastInt16, shape {1, 3, 1, 2}.
  @Test
  void addBroadcastsAScalarAsTflm() {
    float[] scales = {0.1f, 0.05f, 0.05f};
    short[] out =
        add(
            new float[] {-2.0f, 0.2f, 0.7f, 0.8f, 1.1f, 2.0f},
            new int[] {1, 3, 1, 2},
            new float[] {0.1f},
            new int[0],
            new int[] {1, 3, 1, 2},
            scales,
            ActivationFunctionType.NONE);
    assertThat(out)
        .containsExactly(
            Int16TestQuant.int16(new float[] {-1.9f, 0.3f, 0.8f, 0.9f, 1.2f, 2.1f}, 0.05f));
  }

  // QuantizedAddWithMixedBroadcastInt16, the first input-2 shape {1, 1, 3, 2}.
  @Test
  void addBroadcastsMixedShapesAsTflm() {
    float[] scales = {0.1f, 0.05f, 0.1f};
    float[] golden = {
      -0.1f, 2.6f, -0.7f, 2.8f, 0.7f, 3.2f, 1.1f, 0.8f, 0.5f, 1.0f, 1.9f, 1.4f, 1.0f, -0.8f, 0.4f,
      -0.6f, 1.8f, -0.2f, 1.4f, 3.1f, 0.8f, 3.3f, 2.2f, 3.7f, -1.4f, 0.3f, -2.0f, 0.5f, -0.6f, 0.9f,
      0.9f, -1.9f, 0.3f, -1.7f, 1.7f, -1.3f
    };
    short[] out =
        add(
            new float[] {
              -0.3f, 2.3f, 0.9f, 0.5f, 0.8f, -1.1f, 1.2f, 2.8f, -1.6f, 0.0f, 0.7f, -2.2f
            },
            new int[] {2, 3, 1, 2},
            new float[] {0.2f, 0.3f, -0.4f, 0.5f, 1.0f, 0.9f},
            new int[] {1, 1, 3, 2},
            new int[] {2, 3, 3, 2},
            scales,
            ActivationFunctionType.NONE);
    assertThat(out).containsExactly(Int16TestQuant.int16(golden, 0.1f));
  }

  // SimpleInt16NoActivationShouldMatchGolden: tolerance 1.
  @Test
  void mulMatchesTflmGolden() {
    int[] shape = {1, 2, 2, 1};
    short[] out =
        mul(
            new float[] {-0.8f, 0.2f, 0.9f, 0.7f},
            shape,
            new float[] {0.6f, 0.4f, 0.9f, 0.8f},
            shape,
            0.01f,
            0.01f);
    assertWithin(out, Int16TestQuant.int16(new float[] {-0.48f, 0.08f, 0.81f, 0.56f}, 0.01f), 1);
  }

  // BroadcastInt16NoActivationShouldMatchGolden: tolerance 1.
  @Test
  void mulBroadcastsAScalarAsTflm() {
    short[] out =
        mul(
            new float[] {-2.0f, 0.2f, 0.7f, 0.8f, 1.1f, 2.0f},
            new int[] {1, 3, 1, 2},
            new float[] {0.1f},
            new int[] {1},
            0.05f,
            0.01f);
    assertWithin(
        out, Int16TestQuant.int16(new float[] {-0.2f, 0.02f, 0.07f, 0.08f, 0.11f, 0.2f}, 0.01f), 1);
  }

  @Test
  void mulWithANonZeroZeroPointIsRefused() {
    Model m =
        new OneOpModel()
            .input(INT16, 0.01f, 3, 1, 4)
            .input(INT16, 0.01f, 0, 1, 4)
            .output(INT16, 0.01f, 0, 1, 4)
            .build(BuiltinOperator.MUL, new MulOptions(ActivationFunctionType.NONE));
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .hasMessageStartingWith("op #0 MUL: int16 inputs and output need zero point 0");
  }

  @Test
  void int16SubIsRefusedNamingTheTypes() {
    Model m =
        new OneOpModel()
            .input(INT16, 0.01f, 0, 1, 4)
            .input(INT16, 0.01f, 0, 1, 4)
            .output(INT16, 0.01f, 0, 1, 4)
            .build(BuiltinOperator.SUB, new SubOptions(ActivationFunctionType.NONE, false));
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .hasMessageStartingWith("op #0 SUB: unsupported tensor types")
        .hasMessageContaining("INT16");
  }

  @Test
  void int16AddIsVersion3WithGeneralScalingAndMulVersion4() {
    Model add =
        new OneOpModel()
            .input(INT16, 0.1f, 0, 1, 4)
            .input(INT16, 0.1f, 0, 1, 4)
            .output(INT16, 0.1f, 0, 1, 4)
            .build(BuiltinOperator.ADD, ADD_NONE);
    Model mul =
        new OneOpModel()
            .input(INT16, 0.1f, 0, 1, 4)
            .input(INT16, 0.1f, 0, 1, 4)
            .output(INT16, 0.1f, 0, 1, 4)
            .build(BuiltinOperator.MUL, new MulOptions(ActivationFunctionType.NONE));
    assertThat(new AddOp().int8Version(node(add))).isEqualTo(3);
    assertThat(new MulOp().int8Version(node(mul))).isEqualTo(4);
    assertThat(new AddOp().takesInt16Activations()).isTrue();
  }

  @Test
  void int16AddWithPowerOfTwoScalingIsVersion1() {
    Model add =
        new OneOpModel()
            .input(INT16, 0.1f, 0, 1, 4)
            .input(INT16, 0.1f, 0, 1, 4)
            .output(INT16, 0.1f, 0, 1, 4)
            .build(BuiltinOperator.ADD, new AddOptions(ActivationFunctionType.NONE, true));
    assertThat(new AddOp().int8Version(node(add))).isEqualTo(1);
  }

  static OpNode node(Model m) {
    return new OpNode(m, m.subgraphs().get(0), m.subgraphs().get(0).operators().get(0));
  }
}
