package dev.tinyml.codegen.c;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DIV, MINIMUM, MAXIMUM, SQUARED_DIFFERENCE, PRELU and the int32 arithmetic as one-op models with
 * broadcasting, on the host: outputs equal the interpreter's byte for byte.
 */
class CBackendBinaryOpTest {
  @TempDir Path dir;

  static Model binary(BuiltinOperator code, TensorType type, float scale) {
    SingleOpModels b = new SingleOpModels();
    int x = b.tensor("x", type, scale, 0, 2, 3, 4);
    int y = b.tensor("y", type, scale, 0, 3, 1);
    int out = b.tensor("out", type, scale, 0, 2, 3, 4);
    return b.op(code, null, new int[] {x, y}, new int[] {x, y}, out);
  }

  @Test
  void floatDivMinimumMaximumEqualInterpreter() throws Exception {
    for (BuiltinOperator code :
        new BuiltinOperator[] {
          BuiltinOperator.DIV, BuiltinOperator.MINIMUM, BuiltinOperator.MAXIMUM
        }) {
      SingleOpModels.assertHostEqualsInterpreter(dir, binary(code, TensorType.FLOAT32, 0));
    }
  }

  @Test
  void int32ArithmeticWrapsAndDividesLikeJava() throws Exception {
    for (BuiltinOperator code :
        new BuiltinOperator[] {
          BuiltinOperator.ADD,
          BuiltinOperator.SUB,
          BuiltinOperator.MUL,
          BuiltinOperator.DIV,
          BuiltinOperator.MINIMUM,
          BuiltinOperator.MAXIMUM
        }) {
      SingleOpModels.assertHostEqualsInterpreter(dir, binary(code, TensorType.INT32, 0));
    }
  }

  @Test
  void int8MinimumAndMaximumCompareRawValues() throws Exception {
    for (BuiltinOperator code :
        new BuiltinOperator[] {BuiltinOperator.MINIMUM, BuiltinOperator.MAXIMUM}) {
      SingleOpModels.assertHostEqualsInterpreter(dir, binary(code, TensorType.INT8, 0.1f));
    }
  }

  @Test
  void floatAndInt32SquaredDifferenceBroadcastEqualInterpreter() throws Exception {
    for (TensorType type : new TensorType[] {TensorType.FLOAT32, TensorType.INT32}) {
      SingleOpModels.assertHostEqualsInterpreter(
          dir, binary(BuiltinOperator.SQUARED_DIFFERENCE, type, 0));
    }
  }

  /** SQUARED_DIFFERENCE of two inputs with their own quantization, broadcast. */
  static Model quantizedSquaredDifference(TensorType type, int zeroPoint) {
    SingleOpModels b = new SingleOpModels();
    int x = b.tensor("x", type, 0.05f, zeroPoint, 2, 1, 4);
    int y = b.tensor("y", type, 0.08f, -zeroPoint, 3, 1);
    int out = b.tensor("out", type, 0.2f, zeroPoint, 2, 3, 4);
    return b.op(BuiltinOperator.SQUARED_DIFFERENCE, null, new int[] {x, y}, new int[] {x, y}, out);
  }

  @Test
  void int8SquaredDifferenceRescalesBothInputsAndTheSquare() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, quantizedSquaredDifference(TensorType.INT8, 6));
  }

  @Test
  void int16SquaredDifferenceWithZeroPointsZeroEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir, quantizedSquaredDifference(TensorType.INT16, 0));
  }

  /** PRELU of a {@code 2x3x4} input with an alpha of {@code 3x1}, broadcast over the rest. */
  static Model prelu(TensorType type, float scale) {
    SingleOpModels b = new SingleOpModels();
    int x = b.tensor("x", type, scale, type == TensorType.INT8 ? -3 : 0, 2, 3, 4);
    TensorType alphaType = type == TensorType.FLOAT32 ? type : TensorType.INT8;
    int alpha = b.tensor("alpha", alphaType, scale > 0 ? 0.01f : 0, 5, 3, 1);
    int out = b.tensor("out", type, scale * 1.5f, type == TensorType.INT8 ? 2 : 0, 2, 3, 4);
    return b.op(BuiltinOperator.PRELU, null, new int[] {x, alpha}, new int[] {x, alpha}, out);
  }

  @Test
  void floatPreluWithABroadcastAlphaEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, prelu(TensorType.FLOAT32, 0));
  }

  @Test
  void int8PreluRescalesBothBranches() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, prelu(TensorType.INT8, 0.05f));
  }

  @Test
  void int16PreluWithAnInt8AlphaEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, prelu(TensorType.INT16, 0.001f));
  }
}
