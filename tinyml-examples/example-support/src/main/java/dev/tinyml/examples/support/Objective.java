package dev.tinyml.examples.support;

/** What training minimises. */
public sealed interface Objective {

  /**
   * Softmax cross-entropy against class labels.
   *
   * @param labels class index of every training example
   * @param classes number of classes
   */
  record Classification(int[] labels, int classes) implements Objective {
    public Classification {
      labels = labels.clone();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] < 0 || labels[i] >= classes) {
          throw new IllegalArgumentException(
              "label " + labels[i] + " of example " + i + " is outside 0.." + (classes - 1));
        }
      }
    }

    @Override
    public int[] labels() {
      return labels.clone();
    }

    /** The label of example {@code i}, without copying the array. */
    public int labelAt(int i) {
      return labels[i];
    }
  }

  /** Mean squared error between the output and the input itself (an autoencoder). */
  record Reconstruction() implements Objective {}
}
