package dev.tinyml.ops;

import static dev.tinyml.tflite.TensorType.FLOAT32;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.tflite.BatchMatMulOptions;
import dev.tinyml.tflite.BuiltinOperator;
import org.junit.jupiter.api.Test;

/** BATCH_MATMUL as a one-op model, with TFLM's batch_matmul_test.cc figures. */
class BatchMatMulOpTest {

  // BatchMatmulTest BatchMatMulOpTestFloat32Test_SimpleRHSAdjoint.
  @Test
  void floatBatchMatMulWithAnAdjointRhsRuns() {
    Interpreter it =
        new OneOpModel()
            .input(FLOAT32, 1, 2, 3)
            .input(FLOAT32, 1, 4, 3)
            .output(FLOAT32, 1, 2, 4)
            .interpreter(BuiltinOperator.BATCH_MATMUL, new BatchMatMulOptions(false, true, false));
    it.input(0).setFloat(new float[] {1, 2, 3, 4, 5, 6});
    it.input(1).setFloat(new float[] {7, 11, 15, 8, 12, 16, 9, 13, 17, 10, 14, 18});
    it.invoke();
    assertThat(it.output(0).floats()).containsExactly(74, 80, 86, 92, 173, 188, 203, 218);
  }
}
