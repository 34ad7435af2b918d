package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ResizeTest {

  static Resize.Geometry to3x3(int[] shape) {
    return Resize.geometry(shape, 3, 3, false, false);
  }

  // Expected values: TFLM tensorflow/lite/micro/kernels/resize_bilinear_test.cc,
  // ResizeBilinearTest HorizontalResize, VerticalResize and TwoDimensionalResize (float, 1e-5).
  @Test
  void floatBilinearInterpolatesBetweenNeighbours() {
    float[] h = new float[3];
    Resize.bilinear(
        Resize.geometry(new int[] {1, 1, 2, 1}, 1, 3, false, false), new float[] {3, 6}, h);
    assertThat(h).containsExactly(new float[] {3, 5, 6}, within(1e-5f));
    float[] v = new float[3];
    Resize.bilinear(
        Resize.geometry(new int[] {1, 2, 1, 1}, 3, 1, false, false), new float[] {3, 9}, v);
    assertThat(v).containsExactly(new float[] {3, 7, 9}, within(1e-5f));
    float[] two = new float[9];
    Resize.bilinear(to3x3(new int[] {1, 2, 2, 1}), new float[] {3, 6, 9, 12}, two);
    assertThat(two).containsExactly(new float[] {3, 5, 6, 7, 9, 10, 9, 11, 12}, within(1e-5f));
  }

  // resize_bilinear_test.cc, TwoDimensionalResizeWithTwoBatchesInt8 and ThreeDimensionalResizeInt8
  // (the latter with TFLM's tolerance 1).
  @Test
  void int8BilinearMatchesTflm() {
    byte[] two = new byte[18];
    Resize.bilinear(to3x3(new int[] {2, 2, 2, 1}), new byte[] {3, 6, 9, 12, 4, 10, 10, 16}, two);
    assertThat(two).containsExactly(3, 5, 6, 7, 9, 10, 9, 11, 12, 4, 8, 10, 8, 12, 14, 10, 14, 16);
    byte[] three = new byte[18];
    Resize.bilinear(to3x3(new int[] {1, 2, 2, 2}), new byte[] {3, 4, 6, 10, 10, 12, 14, 16}, three);
    byte[] expected = {3, 4, 5, 8, 6, 10, 7, 9, 10, 12, 11, 13, 10, 12, 12, 14, 14, 16};
    for (int i = 0; i < 18; i++) {
      assertThat(Math.abs(three[i] - expected[i])).as("element %d", i).isLessThanOrEqualTo(1);
    }
  }

  // resize_nearest_neighbor_test.cc, ResizeNearestNeighborTest TwoDimensionalResize and
  // ThreeDimensionalResizeInt16 (exact).
  @Test
  void nearestNeighbourRepeatsTheNearestPixel() {
    float[] f = new float[9];
    Resize.nearest(
        Resize.nearestSource(to3x3(new int[] {1, 2, 2, 1})), new float[] {3, 6, 9, 12}, f);
    assertThat(f).containsExactly(3, 3, 6, 3, 3, 6, 9, 9, 12);
    short[] s = new short[18];
    Resize.nearest(
        Resize.nearestSource(to3x3(new int[] {1, 2, 2, 2})),
        new short[] {3, 4, -6, 10, 10, 12, -14, 16},
        s);
    assertThat(s)
        .containsExactly(
            new short[] {3, 4, 3, 4, -6, 10, 3, 4, 3, 4, -6, 10, 10, 12, 10, 12, -14, 16});
  }

  // Hand-computed: align_corners maps 2 -> 3 pixels as 0, 0.5, 1 (nearest rounds 0.5 up);
  // half_pixel_centers samples at (x + 0.5) * 2/3 - 0.5 = -1/6, 1/2, 7/6.
  @Test
  void cornerAndHalfPixelModesMoveTheSamplePoints() {
    int[] alignNearest =
        Resize.nearestSource(Resize.geometry(new int[] {1, 1, 2, 1}, 1, 3, true, false));
    assertThat(alignNearest).containsExactly(0, 1, 1);
    float[] half = new float[3];
    Resize.bilinear(
        Resize.geometry(new int[] {1, 1, 2, 1}, 1, 3, false, true), new float[] {0, 6}, half);
    assertThat(half).containsExactly(new float[] {0, 3, 6}, within(1e-6f));
    float[] align = new float[3];
    Resize.bilinear(
        Resize.geometry(new int[] {1, 1, 2, 1}, 1, 3, true, false), new float[] {0, 6}, align);
    assertThat(align).containsExactly(0, 3, 6);
  }

  @Test
  void refusesBothCornerModesAtOnce() {
    assertThatThrownBy(() -> Resize.geometry(new int[] {1, 2, 2, 1}, 4, 4, true, true))
        .hasMessageContaining("cannot both be true");
  }

  // Randomised: int8 bilinear on dequantized-equal inputs stays within one step of float.
  @Test
  void int8BilinearFollowsTheFloatKernel() {
    Random r = new Random(13);
    for (int trial = 0; trial < 30; trial++) {
      int[] shape = {1, 1 + r.nextInt(5), 1 + r.nextInt(5), 1 + r.nextInt(3)};
      boolean align = r.nextBoolean();
      boolean half = !align && r.nextBoolean();
      Resize.Geometry g = Resize.geometry(shape, 1 + r.nextInt(9), 1 + r.nextInt(9), align, half);
      byte[] q = new byte[Shapes.size(shape)];
      float[] f = new float[q.length];
      for (int i = 0; i < q.length; i++) {
        q[i] = (byte) (r.nextInt(256) - 128);
        f[i] = q[i];
      }
      int n = Shapes.size(g.outputShape());
      byte[] qo = new byte[n];
      float[] fo = new float[n];
      Resize.bilinear(g, q, qo);
      Resize.bilinear(g, f, fo);
      for (int i = 0; i < n; i++) {
        assertThat((float) qo[i])
            .as("trial %d element %d", trial, i)
            .isCloseTo(fo[i], within(1.5f));
      }
    }
  }
}
