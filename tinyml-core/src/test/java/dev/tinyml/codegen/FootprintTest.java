package dev.tinyml.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FootprintTest {
  @Test
  void flashIsModelPlusCoreRuntimeKernelsAndTemplate() throws Exception {
    ModelDescription m = TestModels.microSpeech(10_000);
    Footprint f = Footprint.estimate(m, SketchTemplate.GENERIC, Board.NANO33BLE);
    long kernels = 4096 + 16384 + 12288 + 8192; // RESHAPE, DEPTHWISE_CONV_2D, FC, SOFTMAX
    assertThat(f.codeFlashBytes())
        .isEqualTo(Board.NANO33BLE.coreFlashBytes() + 48 * 1024 + kernels + 6 * 1024);
    assertThat(f.flashBytes()).isEqualTo(18_800 + f.codeFlashBytes());
    assertThat(f.ramBytes()).isEqualTo(10_000 + f.runtimeRamBytes());
  }

  @Test
  void fittingModelPassesTheCheck() throws Exception {
    ModelDescription m = TestModels.microSpeech(10_000);
    Footprint.estimate(m, SketchTemplate.KWS, Board.NANO33BLE).check(Board.NANO33BLE);
  }

  @Test
  void flashOverBudgetNamesModelCodeAndBudget() throws Exception {
    Board tiny = Board.custom(64 * 1024, 1024 * 1024);
    ModelDescription m = TestModels.personDetect(100_000);
    Footprint f = Footprint.estimate(m, SketchTemplate.GENERIC, tiny);
    assertThatThrownBy(() -> f.check(tiny))
        .isInstanceOf(BudgetExceededException.class)
        .hasMessageContaining("flash: model 300568 B + estimated code")
        .hasMessageContaining("> 65536 B available")
        .hasMessageContaining("over by " + (f.flashBytes() - 65536) + " B")
        .hasMessageNotContaining("RAM:");
  }

  @Test
  void customBoardNeedsPositiveBudgets() {
    assertThatThrownBy(() -> Board.custom(0, 1))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("flashBytes=0");
  }

  @Test
  void unknownBoardListsTheKnownOnes() {
    assertThatThrownBy(() -> Board.named("uno"))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining(
            "nano33ble, nano33ble-rev2, nicla-vision, portenta-h7, rp2040, esp32");
  }

  @Test
  void knownBoardsHaveTheirBudgets() throws Exception {
    assertThat(Board.named("nano33ble").flashBytes()).isEqualTo(1024 * 1024);
    assertThat(Board.named("NANO33BLE").ramBytes()).isEqualTo(256 * 1024);
    assertThat(Board.named("portenta-h7").ramBytes()).isEqualTo(1024 * 1024);
  }
}
