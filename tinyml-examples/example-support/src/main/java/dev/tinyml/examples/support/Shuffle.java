package dev.tinyml.examples.support;

import java.util.Random;

/**
 * The Fisher-Yates shuffle the examples use wherever an order must follow from a seed: training
 * batches and generated data files. It draws from {@code random} in a fixed sequence, so a seed
 * always gives the same order.
 */
public final class Shuffle {

  private Shuffle() {}

  /** Shuffles {@code values} in place, from the last element down. */
  public static void inPlace(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
  }
}
