package dev.tinyml.codegen.c;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.ConcatenationOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.PadOptions;
import dev.tinyml.tflite.ReducerOptions;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MEAN, PAD, CONCATENATION and the activations, which no fixture model uses, compiled and run on
 * the host.
 */
class CBackendSingleOpTest {
  @TempDir Path dir;

  private void assertHostEqualsInterpreter(Model model) throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, model);
  }

  @Test
  void int8MeanOverHeightAndWidthEqualsInterpreter() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.INT8, 0.05f, -3, 1, 5, 7, 6);
    int axes = b.int32(new int[] {2}, 1, 2);
    int out = b.tensor("out", TensorType.INT8, 0.03f, 4, 1, 1, 1, 6);
    assertHostEqualsInterpreter(
        b.op(
            BuiltinOperator.MEAN,
            new ReducerOptions(true),
            new int[] {in},
            new int[] {in, axes},
            out));
  }

  @Test
  void floatMeanOverTheLastAxisEqualsInterpreter() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.FLOAT32, 0, 0, 3, 4, 5);
    int axes = b.int32(new int[] {1}, -1);
    int out = b.tensor("out", TensorType.FLOAT32, 0, 0, 3, 4);
    assertHostEqualsInterpreter(
        b.op(
            BuiltinOperator.MEAN,
            new ReducerOptions(false),
            new int[] {in},
            new int[] {in, axes},
            out));
  }

  @Test
  void int8PadWithTheZeroPointEqualsInterpreter() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.INT8, 0.1f, 7, 1, 3, 4, 2);
    int pads = b.int32(new int[] {4, 2}, 0, 0, 1, 2, 2, 1, 0, 0);
    int out = b.tensor("out", TensorType.INT8, 0.1f, 7, 1, 6, 7, 2);
    assertHostEqualsInterpreter(
        b.op(BuiltinOperator.PAD, new PadOptions(), new int[] {in}, new int[] {in, pads}, out));
  }

  @Test
  void floatPadEqualsInterpreter() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.FLOAT32, 0, 0, 2, 3);
    int pads = b.int32(new int[] {2, 2}, 1, 0, 0, 3);
    int out = b.tensor("out", TensorType.FLOAT32, 0, 0, 3, 6);
    assertHostEqualsInterpreter(
        b.op(BuiltinOperator.PAD, new PadOptions(), new int[] {in}, new int[] {in, pads}, out));
  }

  @Test
  void int8ConcatenationOnChannelsEqualsInterpreter() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int x = b.tensor("x", TensorType.INT8, 0.2f, 1, 1, 2, 3, 4);
    int y = b.tensor("y", TensorType.INT8, 0.2f, 1, 1, 2, 3, 2);
    int out = b.tensor("out", TensorType.INT8, 0.2f, 1, 1, 2, 3, 6);
    assertHostEqualsInterpreter(
        b.op(
            BuiltinOperator.CONCATENATION,
            new ConcatenationOptions(3, ActivationFunctionType.NONE),
            new int[] {x, y},
            new int[] {x, y},
            out));
  }

  static Model floatUnary(BuiltinOperator code, dev.tinyml.tflite.BuiltinOptions options) {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.FLOAT32, 0, 0, 4, 25);
    int out = b.tensor("out", TensorType.FLOAT32, 0, 0, 4, 25);
    return b.op(code, options, new int[] {in}, new int[] {in}, out);
  }

  @Test
  void floatActivationsEqualInterpreter() throws Exception {
    assertHostEqualsInterpreter(floatUnary(BuiltinOperator.RELU, null));
    assertHostEqualsInterpreter(floatUnary(BuiltinOperator.RELU6, null));
    assertHostEqualsInterpreter(
        floatUnary(BuiltinOperator.LEAKY_RELU, new dev.tinyml.tflite.LeakyReluOptions(0.2f)));
    assertHostEqualsInterpreter(floatUnary(BuiltinOperator.LOGISTIC, null));
    assertHostEqualsInterpreter(floatUnary(BuiltinOperator.TANH, null));
  }

  @Test
  void floatAddSubMulWithBroadcastEqualInterpreter() throws Exception {
    for (BuiltinOperator code :
        new BuiltinOperator[] {BuiltinOperator.ADD, BuiltinOperator.SUB, BuiltinOperator.MUL}) {
      SingleOpModels b = new SingleOpModels();
      int x = b.tensor("x", TensorType.FLOAT32, 0, 0, 2, 3, 4);
      int y = b.tensor("y", TensorType.FLOAT32, 0, 0, 3, 1);
      int out = b.tensor("out", TensorType.FLOAT32, 0, 0, 2, 3, 4);
      assertHostEqualsInterpreter(b.op(code, null, new int[] {x, y}, new int[] {x, y}, out));
    }
  }

  @Test
  void floatHardSwishEqualsInterpreter() throws Exception {
    assertHostEqualsInterpreter(floatUnary(BuiltinOperator.HARD_SWISH, null));
  }

  /** An int8 HARD_SWISH of 600 elements. */
  static Model int8HardSwish() {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.INT8, 0.04f, -10, 600);
    int out = b.tensor("out", TensorType.INT8, 0.02f, -60, 600);
    return b.op(BuiltinOperator.HARD_SWISH, null, new int[] {in}, new int[] {in}, out);
  }

  @Test
  void int8HardSwishEqualsInterpreterOnEveryInputValue() throws Exception {
    // 3 runs of 600 random bytes meet all 256 int8 values, almost surely.
    assertHostEqualsInterpreter(int8HardSwish());
  }
}
