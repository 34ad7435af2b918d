package dev.tinyml.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoardTest {
  @Test
  void aKnownIdResolvesToItsBoardAndIgnoresBudgets() throws Exception {
    assertThat(Board.resolve(" Nano33BLE ", null, null)).isEqualTo(Board.NANO33BLE);
    assertThat(Board.resolve("esp32", 1L, 1L).flashBytes()).isEqualTo(1280L * 1024);
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
