package dev.tinyml.codegen.c;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.L2NormOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.ResizeBilinearOptions;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * L2_NORMALIZATION and RESIZE_BILINEAR as one-op models on the host: every output equals the
 * interpreter's byte for byte.
 */
class CBackendNormalizeResizeTest {
  @TempDir Path dir;

  private static Model l2Norm(TensorType type, float inScale, int inZero) {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", type, inScale, inZero, 2, 3, 5);
    int out = b.tensor("out", type, inScale > 0 ? 1f / 128f : 0, 0, 2, 3, 5);
    return b.op(
        BuiltinOperator.L2_NORMALIZATION,
        new L2NormOptions(ActivationFunctionType.NONE),
        new int[] {in},
        new int[] {in},
        out);
  }

  @Test
  void floatL2NormalizationEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, l2Norm(TensorType.FLOAT32, 0, 0));
  }

  @Test
  void floatL2NormalizationOfAZeroRowDividesByEpsilon() throws Exception {
    // Row 0 is zeros, row 1 tiny values (norm below 1e-6), the rest ordinary values.
    ByteBuffer b = ByteBuffer.allocate(120).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 30; i++) {
      b.putFloat(i < 5 ? 0f : i < 10 ? 1e-8f * (i - 7) : (i - 15) * 0.25f);
    }
    SingleOpModels.assertHostEqualsInterpreter(
        dir, l2Norm(TensorType.FLOAT32, 0, 0), List.<byte[][]>of(new byte[][] {b.array()}));
  }

  @Test
  void int8L2NormalizationEqualsInterpreter() throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, l2Norm(TensorType.INT8, 0.05f, -3));
  }

  @Test
  void int8L2NormalizationOfARowAtTheZeroPointGivesZeros() throws Exception {
    byte[] in = new byte[30];
    for (int i = 0; i < in.length; i++) {
      in[i] = (byte) (i < 5 ? -3 : i < 10 ? -3 + (i % 2) : i * 9 - 128);
    }
    SingleOpModels.assertHostEqualsInterpreter(
        dir, l2Norm(TensorType.INT8, 0.05f, -3), List.<byte[][]>of(new byte[][] {in}));
  }

  private static Model resize(
      TensorType type, int outH, int outW, boolean alignCorners, boolean halfPixelCenters) {
    SingleOpModels b = new SingleOpModels();
    float scale = type == TensorType.INT8 ? 0.1f : 0;
    int in = b.tensor("in", type, scale, 2, 2, 3, 4, 3);
    int size = b.int32(new int[] {2}, outH, outW);
    int out = b.tensor("out", type, scale, 2, 2, outH, outW, 3);
    return b.op(
        BuiltinOperator.RESIZE_BILINEAR,
        new ResizeBilinearOptions(alignCorners, halfPixelCenters),
        new int[] {in},
        new int[] {in, size},
        out);
  }

  @ParameterizedTest(name = "{0}x{1} align_corners={2} half_pixel_centers={3}")
  @CsvSource({
    "5, 7, false, false",
    "5, 7, true, false",
    "5, 7, false, true",
    "2, 3, false, false",
    "2, 3, true, false",
    "2, 3, false, true",
    "1, 1, true, false"
  })
  void floatResizeBilinearEqualsInterpreter(int h, int w, boolean align, boolean half)
      throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, resize(TensorType.FLOAT32, h, w, align, half));
  }

  @ParameterizedTest(name = "{0}x{1} align_corners={2} half_pixel_centers={3}")
  @CsvSource({
    "5, 7, false, false",
    "5, 7, true, false",
    "5, 7, false, true",
    "2, 3, false, false",
    "2, 3, true, false",
    "2, 3, false, true",
    "1, 1, true, false"
  })
  void int8ResizeBilinearEqualsInterpreter(int h, int w, boolean align, boolean half)
      throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, resize(TensorType.INT8, h, w, align, half));
  }
}
