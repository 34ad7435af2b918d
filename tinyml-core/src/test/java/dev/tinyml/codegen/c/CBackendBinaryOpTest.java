package dev.tinyml.codegen.c;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DIV, MINIMUM, MAXIMUM and the int32 arithmetic as one-op models with broadcasting, on the host:
 * outputs equal the interpreter's byte for byte.
 */
class CBackendBinaryOpTest {
  @TempDir Path dir;

  private static Model binary(BuiltinOperator code, TensorType type, float scale) {
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
}
