package dev.tinyml.codegen.c;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRELU with a per-channel alpha broadcast over a [2, 3, 4, 3] input, as one-op models on the host:
 * outputs equal the interpreter's byte for byte.
 */
class CBackendPreluTest {
  @TempDir Path dir;

  private static Model prelu(TensorType type, float scale, int zeroPoint, float alphaScale) {
    SingleOpModels b = new SingleOpModels();
    int x = b.tensor("x", type, scale, zeroPoint, 2, 3, 4, 3);
    TensorType alphaType = type == TensorType.FLOAT32 ? type : TensorType.INT8;
    int alpha = b.tensor("alpha", alphaType, alphaScale, alphaScale > 0 ? 5 : 0, 1, 1, 3);
    int out = b.tensor("out", type, scale > 0 ? scale * 0.7f : 0, zeroPoint / 2, 2, 3, 4, 3);
    return b.op(BuiltinOperator.PRELU, null, new int[] {x, alpha}, new int[] {x, alpha}, out);
  }

  @Test
  void floatPreluEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, prelu(TensorType.FLOAT32, 0, 0, 0));
  }

  @Test
  void int8PreluRescalesBothSidesAsTheInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, prelu(TensorType.INT8, 0.05f, -10, 0.01f));
  }

  @Test
  void int16PreluWithInt8AlphaEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, prelu(TensorType.INT16, 0.001f, 0, 0.01f));
  }
}
