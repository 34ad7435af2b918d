package dev.tinyml.codegen.c;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.CastOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.ShapeOptions;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CAST, ZEROS_LIKE, FILL and SHAPE as one-op models on the host, byte for byte. */
class CBackendCastAndCreationTest {
  @TempDir Path dir;

  private static Model cast(TensorType from, TensorType to) {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", from, 0, 0, 3, 5);
    int out = b.tensor("out", to, 0, 0, 3, 5);
    return b.op(
        BuiltinOperator.CAST, new CastOptions(from, to), new int[] {in}, new int[] {in}, out);
  }

  @Test
  void castConvertsAsJavaDoes() throws Exception {
    TensorType[][] pairs = {
      {TensorType.FLOAT32, TensorType.INT8},
      {TensorType.FLOAT32, TensorType.INT32},
      {TensorType.FLOAT32, TensorType.BOOL},
      {TensorType.INT8, TensorType.FLOAT32},
      {TensorType.INT16, TensorType.INT8},
      {TensorType.INT32, TensorType.FLOAT32},
      {TensorType.INT32, TensorType.INT16},
      {TensorType.INT16, TensorType.BOOL}
    };
    for (TensorType[] p : pairs) {
      SingleOpModels.assertHostEqualsInterpreter(dir, cast(p[0], p[1]));
    }
  }

  @Test
  void zerosLikeFillAndShapeEqualInterpreter() throws Exception {
    SingleOpModels z = new SingleOpModels();
    int x = z.tensor("x", TensorType.FLOAT32, 0, 0, 2, 3);
    int zeros = z.tensor("zeros", TensorType.FLOAT32, 0, 0, 2, 3);
    SingleOpModels.assertHostEqualsInterpreter(
        dir, z.op(BuiltinOperator.ZEROS_LIKE, null, new int[] {x}, new int[] {x}, zeros));

    SingleOpModels f = new SingleOpModels();
    int dims = f.int32(new int[] {2}, 3, 4);
    int value = f.tensor("value", TensorType.INT8, 0, 0);
    int filled = f.tensor("filled", TensorType.INT8, 0, 0, 3, 4);
    SingleOpModels.assertHostEqualsInterpreter(
        dir, f.op(BuiltinOperator.FILL, null, new int[] {value}, new int[] {dims, value}, filled));

    SingleOpModels s = new SingleOpModels();
    int in = s.tensor("in", TensorType.INT8, 0, 0, 2, 5, 7);
    int shape = s.tensor("shape", TensorType.INT32, 0, 0, 3);
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        s.op(
            BuiltinOperator.SHAPE,
            new ShapeOptions(TensorType.INT32),
            new int[] {in},
            new int[] {in},
            shape));
  }

  @Test
  void shapeToInt64EqualsInterpreter() throws Exception {
    SingleOpModels s = new SingleOpModels();
    int in = s.tensor("in", TensorType.FLOAT32, 0, 0, 3, 1, 4, 2);
    int shape = s.tensor("shape", TensorType.INT64, 0, 0, 4);
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        s.op(
            BuiltinOperator.SHAPE,
            new ShapeOptions(TensorType.INT64),
            new int[] {in},
            new int[] {in},
            shape));
  }
}
