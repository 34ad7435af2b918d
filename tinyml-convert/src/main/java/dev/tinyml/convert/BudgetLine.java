package dev.tinyml.convert;

import java.util.Locale;

/** The flash and RAM use against the board's budget, as both backends' summary lines end. */
final class BudgetLine {
  private BudgetLine() {}

  /**
   * Formats {@code flash U of B B (P %), RAM U of B B (P %)}.
   *
   * @param flash flash bytes used
   * @param flashBudget flash bytes available
   * @param ram RAM bytes used
   * @param ramBudget RAM bytes available
   * @return the text
   */
  static String of(long flash, long flashBudget, long ram, long ramBudget) {
    return String.format(
        Locale.ROOT,
        "flash %,d of %,d B (%.1f %%), RAM %,d of %,d B (%.1f %%)",
        flash,
        flashBudget,
        100.0 * flash / flashBudget,
        ram,
        ramBudget,
        100.0 * ram / ramBudget);
  }
}
