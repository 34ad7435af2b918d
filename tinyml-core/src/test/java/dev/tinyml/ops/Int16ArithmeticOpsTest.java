package dev.tinyml.ops;

import static dev.tinyml.tflite.TensorType.INT16;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.MulOptions;
import dev.tinyml.tflite.SubOptions;
import org.junit.jupiter.api.Test;

/**
 * Int16 ADD and MUL as one-op models, with the int16 cases of TFLM's add_test.cc and mul_test.cc.
 */
class Int16ArithmeticOpsTest {

  private static final AddOptions ADD_NONE = new AddOptions(ActivationFunctionType.NONE, false);
  private static final MulOptions MUL_NONE = new MulOptions(ActivationFunctionType.NONE);

  /** The shape of TFLM's four-element add and mul cases. */
  private static final int[] QUAD = {1, 2, 2, 1};

  /**
   * An int16 input: its real values, quantized as TFLM's tests do at {@code scale}, zero point 0.
   */
  private record Operand(float[] values, float scale, int... shape) {}

  /** Runs {@code op} on {@code x} and {@code y} into an int16 output (zero point 0). */
  private static short[] run(
      BuiltinOperator op,
      BuiltinOptions options,
      Operand x,
      Operand y,
      float outScale,
      int... outShape) {
    Interpreter it =
        new OneOpModel()
            .input(INT16, x.scale(), 0, x.shape())
            .input(INT16, y.scale(), 0, y.shape())
            .output(INT16, outScale, 0, outShape)
            .interpreter(op, options);
    it.input(0).setInt16(Int16TestQuant.int16(x.values(), x.scale()));
    it.input(1).setInt16(Int16TestQuant.int16(y.values(), y.scale()));
    it.invoke();
    return it.output(0).int16();
  }

  private static short[] add(
      Operand x, Operand y, ActivationFunctionType act, float outScale, int... outShape) {
    return run(BuiltinOperator.ADD, new AddOptions(act, false), x, y, outScale, outShape);
  }

  /**
   * TFLM's {1, 2, 2, 1} int16 add cases: input 1 is {-2.01, -1.01, -0.01, 0.98} at scale 0.25,
   * input 2 {@code y} at scale 0.5, the output at scale 1.
   */
  private static short[] addToQuad(float[] y, ActivationFunctionType act) {
    Operand x = new Operand(new float[] {-2.01f, -1.01f, -0.01f, 0.98f}, 0.25f, QUAD);
    return add(x, new Operand(y, 0.5f, QUAD), act, 1.0f, QUAD);
  }

  /** MUL without activation; the output has {@code x}'s shape. */
  private static short[] mul(Operand x, Operand y, float outScale) {
    return run(BuiltinOperator.MUL, MUL_NONE, x, y, outScale, x.shape());
  }

  /**
   * Two int16 inputs and an int16 output, each of shape {1, 4} and scale {@code scale}, with zero
   * point 0 but for the first input's.
   */
  private static OneOpModel int16Row(float scale, int firstInputZeroPoint) {
    return new OneOpModel()
        .input(INT16, scale, firstInputZeroPoint, 1, 4)
        .input(INT16, scale, 0, 1, 4)
        .output(INT16, scale, 0, 1, 4);
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
    short[] out = addToQuad(new float[] {1.01f, 2.01f, 3.01f, 4.02f}, ActivationFunctionType.NONE);
    assertThat(out).containsExactly(Int16TestQuant.int16(new float[] {-1, 1, 3, 5}, 1f));
  }

  // QuantizedAddActivationRelu1Int16.
  @Test
  void addWithReluN1To1ClampsToTflmGolden() {
    short[] out =
        addToQuad(new float[] {1.01f, 1.99f, 2.99f, 4.02f}, ActivationFunctionType.RELU_N1_TO_1);
    assertThat(out).containsExactly(Int16TestQuant.int16(new float[] {-1, 1, 1, 1}, 1f));
  }

  // QuantizedAddWithScalarBroadcastInt16, shape {1, 3, 1, 2}.
  @Test
  void addBroadcastsAScalarAsTflm() {
    Operand x = new Operand(new float[] {-2.0f, 0.2f, 0.7f, 0.8f, 1.1f, 2.0f}, 0.1f, 1, 3, 1, 2);
    Operand scalar = new Operand(new float[] {0.1f}, 0.05f);
    short[] out = add(x, scalar, ActivationFunctionType.NONE, 0.05f, 1, 3, 1, 2);
    assertThat(out)
        .containsExactly(
            Int16TestQuant.int16(new float[] {-1.9f, 0.3f, 0.8f, 0.9f, 1.2f, 2.1f}, 0.05f));
  }

  // QuantizedAddWithMixedBroadcastInt16, the first input-2 shape {1, 1, 3, 2}.
  @Test
  void addBroadcastsMixedShapesAsTflm() {
    float[] golden = {
      -0.1f, 2.6f, -0.7f, 2.8f, 0.7f, 3.2f, 1.1f, 0.8f, 0.5f, 1.0f, 1.9f, 1.4f, 1.0f, -0.8f, 0.4f,
      -0.6f, 1.8f, -0.2f, 1.4f, 3.1f, 0.8f, 3.3f, 2.2f, 3.7f, -1.4f, 0.3f, -2.0f, 0.5f, -0.6f, 0.9f,
      0.9f, -1.9f, 0.3f, -1.7f, 1.7f, -1.3f
    };
    float[] xValues = {-0.3f, 2.3f, 0.9f, 0.5f, 0.8f, -1.1f, 1.2f, 2.8f, -1.6f, 0.0f, 0.7f, -2.2f};
    Operand x = new Operand(xValues, 0.1f, 2, 3, 1, 2);
    Operand y = new Operand(new float[] {0.2f, 0.3f, -0.4f, 0.5f, 1.0f, 0.9f}, 0.05f, 1, 1, 3, 2);
    short[] out = add(x, y, ActivationFunctionType.NONE, 0.1f, 2, 3, 3, 2);
    assertThat(out).containsExactly(Int16TestQuant.int16(golden, 0.1f));
  }

  // SimpleInt16NoActivationShouldMatchGolden: tolerance 1.
  @Test
  void mulMatchesTflmGolden() {
    Operand x = new Operand(new float[] {-0.8f, 0.2f, 0.9f, 0.7f}, 0.01f, QUAD);
    Operand y = new Operand(new float[] {0.6f, 0.4f, 0.9f, 0.8f}, 0.01f, QUAD);
    short[] expected = Int16TestQuant.int16(new float[] {-0.48f, 0.08f, 0.81f, 0.56f}, 0.01f);
    assertWithin(mul(x, y, 0.01f), expected, 1);
  }

  // BroadcastInt16NoActivationShouldMatchGolden: tolerance 1.
  @Test
  void mulBroadcastsAScalarAsTflm() {
    Operand x = new Operand(new float[] {-2.0f, 0.2f, 0.7f, 0.8f, 1.1f, 2.0f}, 0.05f, 1, 3, 1, 2);
    Operand scalar = new Operand(new float[] {0.1f}, 0.05f, 1);
    assertWithin(
        mul(x, scalar, 0.01f),
        Int16TestQuant.int16(new float[] {-0.2f, 0.02f, 0.07f, 0.08f, 0.11f, 0.2f}, 0.01f),
        1);
  }

  @Test
  void mulWithANonZeroZeroPointIsRefused() {
    Model m = int16Row(0.01f, 3).build(BuiltinOperator.MUL, MUL_NONE);
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .hasMessageStartingWith("op #0 MUL: int16 inputs and output need zero point 0");
  }

  @Test
  void int16SubIsRefusedNamingTheTypes() {
    Model m =
        int16Row(0.01f, 0)
            .build(BuiltinOperator.SUB, new SubOptions(ActivationFunctionType.NONE, false));
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .hasMessageStartingWith("op #0 SUB: unsupported tensor types")
        .hasMessageContaining("INT16");
  }

  @Test
  void int16AddIsVersion3WithGeneralScalingAndMulVersion4() {
    Model add = int16Row(0.1f, 0).build(BuiltinOperator.ADD, ADD_NONE);
    Model mul = int16Row(0.1f, 0).build(BuiltinOperator.MUL, MUL_NONE);
    assertThat(new AddOp().int8Version(node(add))).isEqualTo(3);
    assertThat(new MulOp().int8Version(node(mul))).isEqualTo(4);
    assertThat(new AddOp().takesInt16Activations()).isTrue();
  }

  @Test
  void int16AddWithPowerOfTwoScalingIsVersion1() {
    Model add =
        int16Row(0.1f, 0)
            .build(BuiltinOperator.ADD, new AddOptions(ActivationFunctionType.NONE, true));
    assertThat(new AddOp().int8Version(node(add))).isEqualTo(1);
  }

  static OpNode node(Model m) {
    return new OpNode(m, m.subgraphs().get(0), m.subgraphs().get(0).operators().get(0));
  }
}
