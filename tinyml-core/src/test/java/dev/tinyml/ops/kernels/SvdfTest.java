package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SvdfTest {

  private static Svdf.Plan unitScales(float outputScale) {
    return Svdf.prepareInt8(
        new Svdf.Geometry(1, 2, 2, 1, 2), 1f, 0, 1f, 1f, 1f, 0, true, outputScale, 0);
  }

  @Test
  void geometryDerivesUnitsStateAndOutputSizes() {
    Svdf.Geometry g = new Svdf.Geometry(2, 5, 6, 2, 4);
    assertThat(g.units()).isEqualTo(3);
    assertThat(g.stateSize()).isEqualTo(48);
    assertThat(g.outputSize()).isEqualTo(6);
  }

  @Test
  void int8StateShiftsOneStepPerInvokeAndTimeWeightsReduceIt() {
    Svdf.Plan p = unitScales(1f);
    byte[] feature = {1, 2, 3, -1};
    short[] time = {1, 2, 3, 4};
    int[] bias = {1, -1};
    short[] state = new short[4];
    byte[] out = new byte[2];
    int[] scratch = new int[p.scratchSize()];

    Svdf.evalInt8(p, new byte[] {2, 1}, feature, time, bias, state, out, scratch);
    // projections 4 and 5 enter the newest column; 2*4 + 1 = 9, 4*5 - 1 = 19
    assertThat(state).containsExactly((short) 0, (short) 4, (short) 0, (short) 5);
    assertThat(out).containsExactly(9, 19);

    Svdf.evalInt8(p, new byte[] {1, 0}, feature, time, bias, state, out, scratch);
    // state (4, 1 | 5, 3): 1*4 + 2*1 + 1 = 7, 3*5 + 4*3 - 1 = 26
    assertThat(state).containsExactly((short) 4, (short) 1, (short) 5, (short) 3);
    assertThat(out).containsExactly(7, 26);
  }

  @Test
  void int8OutputSaturatesAndAppliesNoFusedActivation() {
    Svdf.Plan p = unitScales(0.0625f);
    byte[] out = new byte[2];
    Svdf.evalInt8(
        p,
        new byte[] {2, 1},
        new byte[] {1, 2, 3, -1},
        new short[] {1, 2, -3, -4},
        null,
        new short[4],
        out,
        new int[p.scratchSize()]);
    assertThat(out).containsExactly(127, -128); // 8 * 16 and -20 * 16
  }

  @Test
  void floatSumsRanksPerUnitAndClampsTheActivation() {
    Svdf.Plan p = Svdf.prepareFloat(new Svdf.Geometry(1, 1, 2, 2, 1), Activation.RELU);
    float[] out = new float[1];
    Svdf.evalFloat(
        p,
        new float[] {2f},
        new float[] {1f, -3f},
        new float[] {1f, 1f},
        new float[] {0.5f},
        new float[2],
        out,
        new float[p.scratchSize()]);
    assertThat(out).containsExactly(0f); // 2 - 6 + 0.5 < 0
  }
}
