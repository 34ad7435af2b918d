package dev.tinyml.savedmodel;

import java.util.Map;

/**
 * What to do about an unsupported op whose cause is known: appended to its line in the
 * unsupported-ops message.
 */
final class UnsupportedOpHints {
  private UnsupportedOpHints() {}

  private static final String LOOP =
      ": a Keras recurrent layer (GRU, LSTM, SimpleRNN) saved as a While loop over its time"
          + " steps. Save the layer with unroll=True (e.g. GRU(units, unroll=True)) so that each"
          + " step is plain ops the importer lowers";

  private static final Map<String, String> HINTS = Map.of("While", LOOP, "StatelessWhile", LOOP);

  /** The hint for {@code op}, or the empty string. */
  static String hint(String op) {
    return HINTS.getOrDefault(op, "");
  }
}
