package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tinyml.ops.kernels.Comparisons.Op;
import org.junit.jupiter.api.Test;

/** SQUARED_DIFFERENCE, the comparisons and SELECT_V2 against TFLM's kernel tests. */
class BinaryKernelsTest {

  static byte[] bools(boolean... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) (b[i] ? 1 : 0);
    }
    return out;
  }

  // Expected values: TFLM tensorflow/lite/micro/kernels/squared_difference_test.cc,
  // SquaredDifferenceTest FloatSquaredDifferenceVariousShapes (tolerance 1e-5) and
  // IntegerSquaredDifferenceWithBroadcast (exact).
  @Test
  void squaredDifferenceOfFloatsAndBroadcastInts() {
    SquaredDifference.Plan p = SquaredDifference.plan(new int[] {2, 3}, new int[] {2, 3});
    float[] out = new float[6];
    SquaredDifference.eval(
        p,
        new float[] {-2, 0.2f, 0.3f, 0.8f, 1.1f, -2},
        new float[] {1, 0.2f, 0.6f, 0.4f, -1, -0f},
        out);
    assertThat(out).containsExactly(new float[] {9, 0, 0.09f, 0.16f, 4.41f, 4}, within(1e-5f));

    SquaredDifference.Plan b = SquaredDifference.plan(new int[] {1, 3, 1, 2}, new int[] {1});
    int[] iout = new int[6];
    SquaredDifference.eval(b, new int[] {-20, 10, 7, 3, 1, 13}, new int[] {3}, iout);
    assertThat(iout).containsExactly(529, 49, 16, 0, 4, 100);
  }

  // squared_difference_test.cc, QuantizedSquaredDifferenceSameShape (int8): inputs in [-1.2, 0.8]
  // and [-1.5, 0.5], output [0, 0.5], TFLM's tolerance 2/255.
  @Test
  void int8SquaredDifferenceMatchesTflm() {
    float s1 = Quant.scale8(-1.2f, 0.8f);
    int z1 = Quant.zeroPoint8(-1.2f, 0.8f);
    float s2 = Quant.scale8(-1.5f, 0.5f);
    int z2 = Quant.zeroPoint8(-1.5f, 0.5f);
    float so = Quant.scale8(0f, 0.5f);
    int zo = Quant.zeroPoint8(0f, 0.5f);
    SquaredDifference.Plan p =
        SquaredDifference.planQuantized(new int[] {4}, s1, z1, new int[] {4}, s2, z2, so, zo, 8);
    byte[] out = new byte[4];
    SquaredDifference.eval(
        p,
        Quant.int8(new float[] {-0.2f, 0.2f, -1.2f, 0.8f}, s1, z1),
        Quant.int8(new float[] {0.5f, 0.2f, -1.5f, 0.5f}, s2, z2),
        out);
    assertThat(Quant.dequantize(out, so, zo))
        .containsExactly(new float[] {0.49f, 0, 0.09f, 0.09f}, within(2f / 255f));
  }

  // comparisons_test.cc, ComparisonsTest EqualFloat, EqualBroadcastTwoD, GreaterEqualInt-style
  // figures from EqualInt's inputs.
  @Test
  void comparisonsOfRawValuesBroadcast() {
    byte[] out = new byte[4];
    Comparisons.eval(
        Comparisons.plan(Op.EQUAL, new int[] {4}, new int[] {4}),
        new float[] {0.1f, 0.9f, 0.7f, 0.3f},
        new float[] {0.1f, 0.2f, 0.6f, 0.5f},
        out);
    assertThat(out).containsExactly(bools(true, false, false, false));

    byte[] out8 = new byte[8];
    Comparisons.eval(
        Comparisons.plan(Op.EQUAL, new int[] {1, 1, 2, 4}, new int[] {1, 1, 1, 4}),
        new int[] {-1, 9, 7, 3, 2, 4, 2, 8},
        new int[] {7, 1, 2, 4},
        out8);
    assertThat(out8).containsExactly(bools(false, false, false, false, false, false, true, false));
  }

  // comparisons_test.cc, GreaterInt / LessEqualInt: inputs {-1, 9, 7, 3} and {1, 2, 7, 5}.
  @Test
  void orderingComparisonsOfInts() {
    int[] a = {-1, 9, 7, 3};
    int[] b = {1, 2, 7, 5};
    byte[] out = new byte[4];
    Comparisons.eval(Comparisons.plan(Op.GREATER, new int[] {4}, new int[] {4}), a, b, out);
    assertThat(out).containsExactly(bools(false, true, false, false));
    Comparisons.eval(Comparisons.plan(Op.GREATER_EQUAL, new int[] {4}, new int[] {4}), a, b, out);
    assertThat(out).containsExactly(bools(false, true, true, false));
    Comparisons.eval(Comparisons.plan(Op.LESS, new int[] {4}, new int[] {4}), a, b, out);
    assertThat(out).containsExactly(bools(true, false, false, true));
    Comparisons.eval(Comparisons.plan(Op.LESS_EQUAL, new int[] {4}, new int[] {4}), a, b, out);
    assertThat(out).containsExactly(bools(true, false, true, true));
    Comparisons.eval(Comparisons.plan(Op.NOT_EQUAL, new int[] {4}, new int[] {4}), a, b, out);
    assertThat(out).containsExactly(bools(true, true, false, true));
  }

  // comparisons_test.cc, EqualQuantizedInt8: different scales and zero points compare by value.
  @Test
  void int8ComparisonRescalesBothInputs() {
    byte[] q1 = Quant.int8(new float[] {1, -9, 7, 3}, 0.5f, -5);
    byte[] q2 = Quant.int8(new float[] {-1, 2, 7, 5}, 0.25f, 5);
    byte[] out = new byte[4];
    Comparisons.evalInt8(
        Comparisons.planInt8(Op.EQUAL, new int[] {4}, 0.5f, -5, new int[] {4}, 0.25f, 5),
        q1,
        q2,
        out);
    assertThat(out).containsExactly(bools(false, false, true, false));
  }

  // comparisons_test.cc, GreaterQuantizedInt8WithBroadcast and LessEqualQuantizedInt8WithBroadcast.
  @Test
  void int8ComparisonBroadcastsAScalar() {
    byte[] q1 = Quant.int8(new float[] {20, -2, -71, 8, 11, 20}, 0.5f, -9);
    byte[] q2 = Quant.int8(new float[] {8}, 0.5f, -9);
    byte[] out = new byte[6];
    Comparisons.evalInt8(
        Comparisons.planInt8(Op.GREATER, new int[] {2, 1, 3}, 0.5f, -9, new int[] {1}, 0.5f, -9),
        q1,
        q2,
        out);
    assertThat(out).containsExactly(bools(true, false, false, false, true, true));
    Comparisons.evalInt8(
        Comparisons.planInt8(Op.LESS_EQUAL, new int[] {2, 1, 3}, 0.5f, -9, new int[] {1}, 0.5f, -9),
        q1,
        q2,
        out);
    assertThat(out).containsExactly(bools(false, true, true, true, false, false));
  }

  @Test
  void int8ComparisonRefusesAScaleOfOneOrMore() {
    assertThatThrownBy(
            () -> Comparisons.planInt8(Op.EQUAL, new int[] {1}, 2f, 0, new int[] {1}, 0.5f, 0))
        .hasMessageContaining("scales in (0, 1)");
  }

  // select_test.cc, SelectTest SelectFloat and SelectInt8.
  @Test
  void selectPicksXWhereTheConditionHolds() {
    SelectV2.Plan p = SelectV2.plan(new int[] {4}, new int[] {4}, new int[] {4});
    float[] out = new float[4];
    SelectV2.eval(
        p,
        bools(true, false, true, false),
        new float[] {0.1f, 0.2f, 0.3f, 0.4f},
        new float[] {0.5f, 0.6f, 0.7f, 0.8f},
        out);
    assertThat(out).containsExactly(0.1f, 0.6f, 0.3f, 0.8f);
    byte[] out8 = new byte[4];
    SelectV2.eval(
        p,
        bools(false, true, false, false),
        new byte[] {1, -2, 3, 4},
        new byte[] {5, 6, 7, -8},
        out8);
    assertThat(out8).containsExactly(5, -2, 7, -8);
  }

  // select_test.cc, BroadcastSelectInt16OneDimensionConditionWithTwoValues and
  // BroadcastSelectInt16OneDimensionConditionWithSingleValue.
  @Test
  void selectBroadcastsConditionAndValues() {
    SelectV2.Plan p = SelectV2.plan(new int[] {2}, new int[] {2, 1, 2, 1}, new int[] {2, 1, 2, 1});
    short[] out = new short[8];
    SelectV2.eval(p, bools(false, true), new short[] {1, 2, 3, 4}, new short[] {5, 6, 7, 8}, out);
    assertThat(p.outputShape()).containsExactly(2, 1, 2, 2);
    assertThat(out).containsExactly(new short[] {5, 1, 6, 2, 7, 3, 8, 4});

    SelectV2.Plan q =
        SelectV2.plan(new int[] {1}, new int[] {1, 2, 2, 2, 1}, new int[] {1, 2, 2, 1});
    short[] out2 = new short[8];
    SelectV2.eval(
        q, bools(false), new short[] {1, 2, 3, 4, 5, 6, 7, 8}, new short[] {9, 10, 11, 12}, out2);
    assertThat(out2).containsExactly(new short[] {9, 10, 11, 12, 9, 10, 11, 12});
  }
}
