package dev.tinyml.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The receiver operating characteristic of a binary scorer (higher score = more positive), with one
 * point per distinct score, from (0, 0) at threshold {@code +Infinity} to (1, 1).
 */
public final class RocCurve {
  private final List<RocPoint> points;
  private final long positives;
  private final long negatives;

  private RocCurve(List<RocPoint> points, long positives, long negatives) {
    this.points = points;
    this.positives = positives;
    this.negatives = negatives;
  }

  /**
   * Builds the curve.
   *
   * @param scores one score per sample, finite
   * @param positive whether each sample is actually positive
   * @return the curve
   * @throws IllegalArgumentException if the arrays differ in length, a score is not finite, or the
   *     samples lack either class
   */
  public static RocCurve of(double[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException(
          scores.length + " scores but " + positive.length + " labels");
    }
    long p = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is " + scores[i]);
      }
      if (positive[i]) {
        p++;
      }
    }
    long n = scores.length - p;
    if (p == 0 || n == 0) {
      throw new IllegalArgumentException(
          "a ROC curve needs both classes, got " + p + " positives and " + n + " negatives");
    }
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    List<RocPoint> points = new ArrayList<>();
    points.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
    long tp = 0;
    long fp = 0;
    int i = 0;
    while (i < order.length) {
      double threshold = scores[order[i]];
      // Tied scores move together: one point per distinct threshold.
      while (i < order.length && scores[order[i]] == threshold) {
        if (positive[order[i]]) {
          tp++;
        } else {
          fp++;
        }
        i++;
      }
      points.add(new RocPoint(threshold, (double) fp / n, (double) tp / p));
    }
    return new RocCurve(List.copyOf(points), p, n);
  }

  /** The points, by decreasing threshold. */
  public List<RocPoint> points() {
    return points;
  }

  /** Number of positive samples. */
  public long positives() {
    return positives;
  }

  /** Number of negative samples. */
  public long negatives() {
    return negatives;
  }

  /**
   * The area under the curve by the trapezoidal rule: the probability that a random positive scores
   * above a random negative, ties counting one half.
   */
  public double auc() {
    double area = 0;
    for (int k = 1; k < points.size(); k++) {
      RocPoint a = points.get(k - 1);
      RocPoint b = points.get(k);
      area +=
          (b.falsePositiveRate() - a.falsePositiveRate())
              * (a.truePositiveRate() + b.truePositiveRate())
              / 2;
    }
    return area;
  }

  /**
   * The operating point with the highest true-positive rate whose false-positive rate does not
   * exceed {@code maxFalsePositiveRate}; among equals, the highest threshold.
   *
   * @param maxFalsePositiveRate the budget, in [0, 1]
   * @return the point (at worst the one at threshold {@code +Infinity})
   */
  public RocPoint thresholdForFalsePositiveRate(double maxFalsePositiveRate) {
    if (!(maxFalsePositiveRate >= 0 && maxFalsePositiveRate <= 1)) {
      throw new IllegalArgumentException(
          "false-positive rate budget must be in [0, 1], got " + maxFalsePositiveRate);
    }
    RocPoint best = points.get(0);
    for (RocPoint pt : points) {
      if (pt.falsePositiveRate() <= maxFalsePositiveRate
          && pt.truePositiveRate() > best.truePositiveRate()) {
        best = pt;
      }
    }
    return best;
  }

  /**
   * The knee of the curve: the point farthest above the chance diagonal (largest Youden's J, {@code
   * tpr - fpr}); among equals, the highest threshold.
   */
  public RocPoint knee() {
    RocPoint best = points.get(0);
    for (RocPoint pt : points) {
      if (pt.youdenJ() > best.youdenJ()) {
        best = pt;
      }
    }
    return best;
  }
}
