package dev.tinyml.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverlapRulesTest {

  @Test
  void pointwiseConvolutionDistanceFollowsTheRowRule() {
    Tensor in = new Tensor("in", TensorType.INT8, 1, 4, 4, 2);
    Tensor out = new Tensor("out", TensorType.INT8, 1, 4, 4, 4);

    // Rows of 8 input and 16 output bytes; the worst row is the last: 4 * 16 - 2 * 8 = 48.
    assertThat(OverlapRules.windowed(in, out, 1, 1, 1, Padding.VALID)).isEqualTo(48);
  }

  @Test
  void ruleDoesNotApplyToBatchesOfMoreThanOne() {
    Tensor in = new Tensor("in", TensorType.INT8, 2, 4, 4, 2);
    Tensor out = new Tensor("out", TensorType.INT8, 2, 4, 4, 4);

    assertThat(OverlapRules.windowed(in, out, 1, 1, 1, Padding.VALID)).isEqualTo(-1);
  }

  /**
   * Runs a windowed kernel's access pattern (output pixels in row-major order, each written after
   * reading its whole window, {@code block} pixels computed together as optimized kernels do) over
   * an arena where the input starts the rule's distance above the output, and checks that no output
   * write lands on an input byte that is still to be read.
   */
  @ParameterizedTest(name = "{0}x{1}x{2} -> {3}x{4}x{5}, filter {6}, stride {7}, {8}, block {9}")
  @CsvSource({
    // person_detect's first layers, and a few strides, filters and paddings.
    "96, 96, 1, 48, 48, 8, 3, 2, SAME, 1",
    "48, 48, 8, 48, 48, 8, 3, 1, SAME, 2",
    "48, 48, 8, 48, 48, 16, 1, 1, VALID, 2",
    "48, 48, 16, 24, 24, 16, 3, 2, SAME, 4",
    "24, 24, 16, 24, 24, 32, 1, 1, VALID, 4",
    "12, 12, 8, 6, 6, 8, 2, 2, VALID, 1",
    "10, 7, 4, 10, 7, 12, 3, 1, SAME, 7",
    "9, 9, 3, 5, 5, 3, 3, 2, SAME, 5",
    "48, 48, 8, 48, 48, 16, 1, 1, VALID, 48",
    "48, 48, 16, 24, 24, 16, 3, 2, SAME, 24"
  })
  void windowedDistanceIsSafeForRowMajorKernels(
      int ih,
      int iw,
      int ic,
      int oh,
      int ow,
      int oc,
      int f,
      int stride,
      Padding padding,
      int block) {
    Tensor in = new Tensor("in", TensorType.INT8, 1, ih, iw, ic);
    Tensor out = new Tensor("out", TensorType.INT8, 1, oh, ow, oc);
    int distance = OverlapRules.windowed(in, out, stride, f, 1, padding);
    int padTop = padding == Padding.SAME ? Math.max((oh - 1) * stride + f - ih, 0) / 2 : 0;
    int padLeft = padding == Padding.SAME ? Math.max((ow - 1) * stride + f - iw, 0) / 2 : 0;

    // lastRead[b]: the block (time step) of the last read of input byte b.
    int pixels = oh * ow;
    int[] lastRead = new int[ih * iw * ic];
    java.util.Arrays.fill(lastRead, -1);
    for (int p = 0; p < pixels; p++) {
      int y = p / ow;
      int x = p % ow;
      for (int ky = 0; ky < f; ky++) {
        for (int kx = 0; kx < f; kx++) {
          int iy = y * stride - padTop + ky;
          int ix = x * stride - padLeft + kx;
          if (iy < 0 || iy >= ih || ix < 0 || ix >= iw) {
            continue;
          }
          // Every channel of the window counts as read (a depthwise kernel reads fewer).
          for (int c = 0; c < ic; c++) {
            lastRead[(iy * iw + ix) * ic + c] = p / block;
          }
        }
      }
    }
    // Writes of block t happen after its reads; a write may only hit input bytes read before t,
    // or read in block t itself only if the kernel finished them (never assumed here).
    for (int p = 0; p < pixels; p++) {
      int t = p / block;
      for (int c = 0; c < oc; c++) {
        int written = p * oc + c - distance;
        if (written >= 0 && written < lastRead.length) {
          assertThat(lastRead[written])
              .as("output pixel %d channel %d overwrites input byte %d", p, c, written)
              .isLessThan(t);
        }
      }
    }
  }
}
