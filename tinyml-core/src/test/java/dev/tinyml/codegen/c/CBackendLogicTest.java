package dev.tinyml.codegen.c;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparisons and SELECT_V2 as one-op models with broadcasting, on the host, byte for byte. */
class CBackendLogicTest {
  @TempDir Path dir;

  private static Model compare(BuiltinOperator code, TensorType type, float scale2) {
    SingleOpModels b = new SingleOpModels();
    int x = b.tensor("x", type, type == TensorType.INT8 ? 0.05f : 0, 3, 2, 3, 4);
    int y = b.tensor("y", type, scale2, -7, 3, 1);
    int out = b.tensor("out", TensorType.BOOL, 0, 0, 2, 3, 4);
    return b.op(code, null, new int[] {x, y}, new int[] {x, y}, out);
  }

  @Test
  void everyComparisonOfFloatInt32AndInt8EqualsInterpreter() throws Exception {
    for (BuiltinOperator code :
        new BuiltinOperator[] {
          BuiltinOperator.EQUAL,
          BuiltinOperator.NOT_EQUAL,
          BuiltinOperator.GREATER,
          BuiltinOperator.GREATER_EQUAL,
          BuiltinOperator.LESS,
          BuiltinOperator.LESS_EQUAL
        }) {
      SingleOpModels.assertHostEqualsInterpreter(dir, compare(code, TensorType.FLOAT32, 0));
      SingleOpModels.assertHostEqualsInterpreter(dir, compare(code, TensorType.INT32, 0));
      SingleOpModels.assertHostEqualsInterpreter(dir, compare(code, TensorType.INT8, 0.07f));
    }
  }

  @Test
  void boolEqualityEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(
        dir, compare(BuiltinOperator.NOT_EQUAL, TensorType.BOOL, 0));
  }

  @Test
  void selectV2WithABroadcastConditionEqualsInterpreter() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int c = b.tensor("c", TensorType.BOOL, 0, 0, 3, 1);
    int x = b.tensor("x", TensorType.INT8, 0.1f, 2, 2, 3, 4);
    int y = b.tensor("y", TensorType.INT8, 0.1f, 2, 4);
    int out = b.tensor("out", TensorType.INT8, 0.1f, 2, 2, 3, 4);
    SingleOpModels.assertHostEqualsInterpreter(
        dir, b.op(BuiltinOperator.SELECT_V2, null, new int[] {c, x, y}, new int[] {c, x, y}, out));
  }
}
