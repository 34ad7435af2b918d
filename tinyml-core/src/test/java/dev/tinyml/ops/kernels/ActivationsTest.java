package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActivationsTest {

  @Test
  void int8ReluRequantizesAndClampsAtTheOutputZero() {
    Activations.ReluPlan p = Activations.prepareReluInt8(0.5f, 0, 0.25f, -128);
    byte[] out = new byte[4];
    Activations.reluInt8(p, new byte[] {-3, 0, 10, 100}, out, 4);
    assertThat(out).containsExactly(-128, -128, -108, 72);
  }

  @Test
  void int8Relu6ClampsBetweenQuantizedZeroAndSix() {
    int[] b = Activations.relu6Int8Bounds(0.1f, -10);
    assertThat(b).containsExactly(-10, 50);
    byte[] out = new byte[3];
    Activations.relu6Int8(b[0], b[1], new byte[] {-20, 0, 60}, out, 3);
    assertThat(out).containsExactly(-10, 0, 50);
  }

  @Test
  void int8LeakyReluUsesSeparateIdentityAndAlphaMultipliers() {
    Activations.LeakyReluPlan p = Activations.prepareLeakyReluInt8(1f, 0, 1f, 0, 0.5f);
    byte[] out = new byte[3];
    Activations.leakyReluInt8(p, new byte[] {4, -4, -3}, out, 3);
    assertThat(out).containsExactly(4, -2, -1); // -1.5 rounds half up to -1
  }

  @Test
  void int8LeakyReluWithNegativeAlphaFlipsTheSign() {
    Activations.LeakyReluPlan p = Activations.prepareLeakyReluInt8(1f, 0, 1f, 0, -0.5f);
    byte[] out = new byte[1];
    Activations.leakyReluInt8(p, new byte[] {-4}, out, 1);
    assertThat(out).containsExactly(2);
  }

  @Test
  void floatActivations() {
    float[] in = {-1f, 3f, 7f};
    float[] out = new float[3];
    Activations.reluFloat(in, out, 3);
    assertThat(out).containsExactly(0f, 3f, 7f);
    Activations.relu6Float(in, out, 3);
    assertThat(out).containsExactly(0f, 3f, 6f);
    Activations.leakyReluFloat(0.25f, in, out, 3);
    assertThat(out).containsExactly(-0.25f, 3f, 7f);
  }

  @Test
  void fusedActivationRangesQuantizeTheirBounds() {
    assertThat(Activation.RELU6.quantizedRange(0.1f, -20, -128, 127)).containsExactly(-20, 40);
    assertThat(Activation.RELU_N1_TO_1.quantizedRange(0.5f, 0, -128, 127)).containsExactly(-2, 2);
    assertThat(Activation.NONE.quantizedRange(0.5f, 0, -128, 127)).containsExactly(-128, 127);
    assertThat(Activation.clamp(-0.0f, 0f, 6f)).isEqualTo(-0.0f); // C++ std::max keeps -0
  }
}
