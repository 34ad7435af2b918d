package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LstmTest {

  private static final int HALF = 1 << 30;

  @Test
  void gateMultipliersMapIntoQ312AndInterGateProductsIntoTheirTargets() {
    // 0.5 * 2^-10 / 2^-12 = 2
    assertThat(Lstm.gateMultiplier(0.5f, 1f / 1024)).isEqualTo(new FixedPoint.Multiplier(HALF, 2));
    // 2^-15 * s / s = 2^-15
    float cell = 1f / 2048;
    assertThat(Lstm.mulMultiplier(1f / 32768, cell, cell))
        .isEqualTo(new FixedPoint.Multiplier(HALF, -14));
    assertThat(Lstm.log2Rounded(4.8828125E-4f)).isEqualTo(-11);
  }

  @Test
  void cellClipIsQuantizedAndSaturatedToInt16() {
    Lstm.Plan p = plan(10f, 1f / 2048);
    assertThat(p.quantizedCellClip()).isEqualTo(20480);
    assertThat(plan(100f, 1f / 2048).quantizedCellClip()).isEqualTo(32767);
    assertThat(p.cellScalePower()).isEqualTo(-11);
  }

  @Test
  void zeroWeightsAndBiasesKeepTheStateAtZeroAndOutputTheHiddenZeroPoint() {
    Lstm.Plan p = plan(0f, 1f / 2048);
    byte[] zeros = new byte[2];
    byte[] hidden = {-4};
    short[] cellState = {0};
    byte[] out = new byte[1];
    Lstm.evalInt8(
        p,
        new byte[] {17, -3},
        new byte[][] {zeros, zeros, zeros, zeros},
        new byte[][] {{0}, {0}, {0}, {0}},
        new int[][] {{0}, {0}, {0}, {0}},
        hidden,
        cellState,
        out,
        new int[p.scratchSize()]);
    // every gate is sigmoid(0) = 0.5 or tanh(0) = 0, so the cell stays 0 and hidden = tanh(0) * 0.5
    assertThat(cellState).containsExactly((short) 0);
    assertThat(hidden).containsExactly(-4);
    assertThat(out).containsExactly(-4);
  }

  @Test
  void aPositiveCellGateBiasChargesTheCell() {
    // input scale * weight scale = 2^-12, so a bias of 4096 is a pre-activation of 1.0
    Lstm.Plan p = plan(0f, 1f / 32768);
    byte[] zeros = new byte[2];
    short[] cellState = {0};
    Lstm.evalInt8(
        p,
        new byte[] {0, 0},
        new byte[][] {zeros, zeros, zeros, zeros},
        new byte[][] {{0}, {0}, {0}, {0}},
        new int[][] {{0}, {0}, {4096}, {0}},
        new byte[] {0},
        cellState,
        new byte[1],
        new int[p.scratchSize()]);
    // cell = sigmoid(0) * tanh(1) = 0.5 * 0.7616 = 0.3808 in Q0.15
    assertThat(cellState[0] / 32768.0).isBetween(0.379, 0.382);
  }

  private static Lstm.Plan plan(float clip, float cellScale) {
    float[] w = {1f / 4096, 1f / 4096, 1f / 4096, 1f / 4096};
    return Lstm.prepareInt8(
        new SequenceShape(false, 1, 1, 2, 1), 1f, 0, 1f / 128, -4, w, w, 0, cellScale, clip, true);
  }
}
