package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SoftmaxTest {

  @Test
  void floatNormalisesEachRow() {
    Softmax.Plan p = Softmax.prepareFloat(6, 3, 1f);
    float[] out = new float[6];
    Softmax.evalFloat(p, new float[] {1, 2, 3, 5, 5, 5}, out);
    assertThat(out[0]).isCloseTo(0.09003057f, within(1e-7f));
    assertThat(out[2]).isCloseTo(0.66524096f, within(1e-7f));
    assertThat(out[3]).isEqualTo(out[4]);
  }

  @Test
  void int8EqualInputsShareTheProbabilityExactly() {
    Softmax.Plan p = Softmax.prepareInt8(2, 2, 1f, 0.1f);
    byte[] out = new byte[2];
    Softmax.evalInt8(p, new byte[] {40, 40}, out);
    assertThat(out).containsExactly(0, 0); // 0.5 = 128/256, minus 128
  }

  @Test
  void int8DifferencesBelowDiffMinGiveZeroAndTheMaximumSaturates() {
    Softmax.Plan p = Softmax.prepareInt8(2, 2, 1f, 1f);
    assertThat(p.diffMin()).isEqualTo(-15);
    byte[] out = new byte[2];
    Softmax.evalInt8(p, new byte[] {127, -128}, out);
    assertThat(out).containsExactly(127, -128);
  }

  @Test
  void int8ToInt16UsesTheWholeInt16Range() {
    Softmax.Plan p = Softmax.prepareInt8(2, 2, 1f, 0.1f);
    short[] out = new short[2];
    Softmax.evalInt8ToInt16(p, new byte[] {-7, -7}, out);
    assertThat(out).containsExactly((short) 0, (short) 0); // 0.5 = 32768/65536, minus 32768
  }

  @Test
  void int8ProbabilitiesFollowTheInputs() {
    Softmax.Plan p = Softmax.prepareInt8(3, 3, 1f, 0.1f);
    byte[] out = new byte[3];
    Softmax.evalInt8(p, new byte[] {0, 10, 20}, out); // real 0, 1, 2
    double[] expected = {0.09003057, 0.24472847, 0.66524096};
    for (int i = 0; i < 3; i++) {
      assertThat((out[i] + 128) / 256.0).isCloseTo(expected[i], within(1.0 / 256));
    }
  }
}
