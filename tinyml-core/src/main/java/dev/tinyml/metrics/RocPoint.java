package dev.tinyml.metrics;

/**
 * One operating point of a binary scorer: predict positive when {@code score >= threshold}.
 *
 * @param threshold the decision threshold ({@code +Infinity} for the point that predicts nothing
 *     positive)
 * @param falsePositiveRate share of negatives predicted positive
 * @param truePositiveRate share of positives predicted positive
 */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {

  /** Youden's J statistic, {@code tpr - fpr}: the point's height above the chance diagonal. */
  public double youdenJ() {
    return truePositiveRate - falsePositiveRate;
  }
}
