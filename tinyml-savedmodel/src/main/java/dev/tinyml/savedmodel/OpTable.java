package dev.tinyml.savedmodel;

import java.util.HashMap;
import java.util.Map;

/**
 * What handles each TensorFlow op: the registry behind shape inference and lowering. Each op family
 * adds its handlers; an op claimed twice is a programming error caught when the table is built.
 *
 * @param <T> the handler type
 */
final class OpTable<T> {
  private final Map<String, T> byOp = new HashMap<>();

  /** Registers {@code handler} for each of {@code ops}. */
  OpTable<T> add(T handler, String... ops) {
    for (String op : ops) {
      if (byOp.putIfAbsent(op, handler) != null) {
        throw new IllegalStateException("op " + op + " is registered twice");
      }
    }
    return this;
  }

  /** The handler of {@code op}, or null when no family knows it. */
  T get(String op) {
    return byOp.get(op);
  }
}
