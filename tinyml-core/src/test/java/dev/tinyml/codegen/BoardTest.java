package dev.tinyml.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoardTest {
  @Test
  void aKnownIdResolvesToItsBoard() throws Exception {
    assertThat(Board.resolve(" Nano33BLE ", null, null)).isEqualTo(Board.NANO33BLE);
    assertThat(Board.NANO33BLE.ownBudget()).isFalse();
  }

  @Test
  void budgetsGivenWithAKnownBoardReplaceItsOwn() throws Exception {
    Board b = Board.resolve("esp32", null, 100_000L);
    assertThat(b.id()).isEqualTo("esp32");
    assertThat(b.flashBytes()).isEqualTo(1280L * 1024);
    assertThat(b.ramBytes()).isEqualTo(100_000L);
    assertThat(b.fqbn()).isEqualTo("esp32:esp32:esp32");
    assertThat(b.ownBudget()).isTrue();
  }

  @Test
  void aKnownBoardRefusesABudgetOfZero() {
    assertThatThrownBy(() -> Board.resolve("nano33ble", 0L, null))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("flashBytes=0");
  }

  @Test
  void customTakesItsBudgets() throws Exception {
    Board b = Board.resolve("custom", 4096L, 2048L);
    assertThat(b.id()).isEqualTo("custom");
    assertThat(b.flashBytes()).isEqualTo(4096L);
    assertThat(b.ramBytes()).isEqualTo(2048L);
  }

  @Test
  void customWithoutABudgetSaysWhichSettingsItNeeds() {
    assertThatThrownBy(() -> Board.resolve("custom", 4096L, null))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("needs flashBytes and ramBytes");
  }

  @Test
  void anUnknownIdListsTheKnownBoards() {
    assertThatThrownBy(() -> Board.resolve("uno", null, null))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("Unknown board 'uno'")
        .hasMessageContaining(
            "nano33ble, nano33ble-rev2, nicla-vision, portenta-h7, rp2040, esp32");
  }
}
