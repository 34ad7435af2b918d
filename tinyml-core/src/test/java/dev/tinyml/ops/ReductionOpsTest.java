package dev.tinyml.ops;

import static dev.tinyml.tflite.TensorType.FLOAT32;
import static dev.tinyml.tflite.TensorType.INT32;
import static dev.tinyml.tflite.TensorType.INT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.ReducerOptions;
import dev.tinyml.tflite.ResizeBilinearOptions;
import org.junit.jupiter.api.Test;

/**
 * Reductions, ARG_MAX/MIN, L2_NORMALIZATION and RESIZE_BILINEAR as one-op models through {@link
 * PreparedModel}, with figures from TFLM's kernel tests.
 */
class ReductionOpsTest {

  static float[] oneTo24() {
    float[] f = new float[24];
    for (int i = 0; i < 24; i++) {
      f[i] = i + 1;
    }
    return f;
  }

  // reduce_test.cc, ReduceTest SumFloat4DWithoutKeepDims and FloatMaxOpTestKeepDims.
  @Test
  void sumAndReduceMaxRunOverConstantAxes() {
    Interpreter sum =
        new OneOpModel()
            .input(FLOAT32, 2, 2, 3, 2)
            .ints(1, 2)
            .output(FLOAT32, 2, 2)
            .interpreter(BuiltinOperator.SUM, new ReducerOptions(false));
    sum.input(0).setFloat(oneTo24());
    sum.invoke();
    assertThat(sum.output(0).floats()).containsExactly(36, 42, 108, 114);

    Interpreter max =
        new OneOpModel()
            .input(FLOAT32, 4, 3, 2)
            .ints(0, 2)
            .output(FLOAT32, 1, 3, 1)
            .interpreter(BuiltinOperator.REDUCE_MAX, new ReducerOptions(true));
    max.input(0).setFloat(oneTo24());
    max.invoke();
    assertThat(max.output(0).floats()).containsExactly(20, 22, 24);

    Interpreter min =
        new OneOpModel()
            .input(FLOAT32, 4, 3, 2)
            .ints(0, 2)
            .output(FLOAT32, 1, 3, 1)
            .interpreter(BuiltinOperator.REDUCE_MIN, new ReducerOptions(true));
    min.input(0).setFloat(oneTo24());
    min.invoke();
    assertThat(min.output(0).floats()).containsExactly(1, 3, 5);
  }

  // reduce_test.cc, SumInt82DKeepDims (scale 0.5, zero point 0, tolerance one step).
  @Test
  void int8SumRuns() {
    Interpreter it =
        new OneOpModel()
            .input(INT8, 0.5f, 0, 2, 4)
            .ints(1)
            .output(INT8, 0.5f, 0, 2, 1)
            .interpreter(BuiltinOperator.SUM, new ReducerOptions(true));
    it.input(0).setReal(new double[] {1, 2, 3, 4, 5, 6, 7, 8});
    it.invoke();
    assertThat(it.output(0).dequantized()).containsExactly(new float[] {10, 26}, within(0.5f));
  }

  @Test
  void int8ReduceMaxWithDifferentOutputQuantizationIsRefused() {
    OneOpModel m = new OneOpModel().input(INT8, 0.5f, 0, 2, 4).ints(1).output(INT8, 0.25f, 0, 2);
    assertThatThrownBy(
            () ->
                PreparedModel.prepare(
                    m.build(BuiltinOperator.REDUCE_MAX, new ReducerOptions(false))))
        .hasMessageStartingWith("op #0 REDUCE_MAX: int8 input and output need one scale");
  }

  // arg_min_max_test.cc, ArgMinMaxTest GetMaxArgMulDimensions and GetMinArgMulDimensions.
  @Test
  void argMaxAndArgMinRun() {
    for (BuiltinOperator op :
        new BuiltinOperator[] {BuiltinOperator.ARG_MAX, BuiltinOperator.ARG_MIN}) {
      Interpreter it =
          new OneOpModel()
              .input(FLOAT32, 1, 1, 2, 4)
              .ints(new int[] {}, 3)
              .output(INT32, 1, 1, 2)
              .interpreter(op, null);
      it.input(0).setFloat(new float[] {1, 2, 7, 8, 1, 9, 7, 3});
      it.invoke();
      assertThat(it.output(0).int32())
          .as("%s", op)
          .containsExactly(op == BuiltinOperator.ARG_MAX ? new int[] {3, 1} : new int[] {0, 0});
    }
  }

  // l2norm_test.cc, L2normTest SimpleInt8Test (exact; input range [-2, 2], zero point -1).
  @Test
  void int8L2NormalizationRunsBitExact() {
    Interpreter it =
        new OneOpModel()
            .input(INT8, 4f / 255f, -1, 1, 1, 1, 6)
            .output(INT8, 1f / 128f, 0, 1, 1, 1, 6)
            .interpreter(BuiltinOperator.L2_NORMALIZATION, null);
    it.input(0).setInt8(new byte[] {-71, 37, 44, 76, -46, 5});
    it.invoke();
    assertThat(it.output(0).int8()).containsExactly(-70, 38, 45, 77, -45, 6);
  }

  @Test
  void int8L2NormalizationWithAnotherOutputScaleIsRefused() {
    OneOpModel m =
        new OneOpModel().input(INT8, 4f / 255f, -1, 1, 6).output(INT8, 1f / 100f, 0, 1, 6);
    assertThatThrownBy(() -> PreparedModel.prepare(m.build(BuiltinOperator.L2_NORMALIZATION, null)))
        .hasMessageContaining("needs scale 1/128 and zero point 0");
  }

  // resize_bilinear_test.cc, ResizeBilinearTest TwoDimensionalResizeInt8 (exact).
  @Test
  void int8ResizeBilinearRuns() {
    Interpreter it =
        new OneOpModel()
            .input(INT8, 1f, 0, 1, 2, 2, 1)
            .ints(3, 3)
            .output(INT8, 1f, 0, 1, 3, 3, 1)
            .interpreter(BuiltinOperator.RESIZE_BILINEAR, new ResizeBilinearOptions(false, false));
    it.input(0).setInt8(new byte[] {3, 6, 9, 12});
    it.invoke();
    assertThat(it.output(0).int8()).containsExactly(3, 5, 6, 7, 9, 10, 9, 11, 12);
  }
}
