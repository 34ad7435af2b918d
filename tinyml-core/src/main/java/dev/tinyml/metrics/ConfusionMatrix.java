package dev.tinyml.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of (actual, predicted) class pairs: row = actual class, column = predicted class.
 *
 * <p>Ratios whose denominator is zero (precision of a class never predicted, recall of a class that
 * never occurs) are reported as 0, as scikit-learn does by default.
 */
public final class ConfusionMatrix {
  private final List<String> labels;
  private final long[][] counts;

  private ConfusionMatrix(List<String> labels, long[][] counts) {
    this.labels = labels;
    this.counts = counts;
  }

  /**
   * An empty matrix over the given labels.
   *
   * @param labels the class labels, index = class id; distinct
   * @return the matrix
   */
  public static ConfusionMatrix empty(List<String> labels) {
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("a confusion matrix needs at least one label");
    }
    if (labels.stream().distinct().count() != labels.size()) {
      throw new IllegalArgumentException("labels must be distinct: " + labels);
    }
    return new ConfusionMatrix(List.copyOf(labels), new long[labels.size()][labels.size()]);
  }

  /**
   * Builds a matrix from parallel arrays of class ids.
   *
   * @param labels the class labels, index = class id
   * @param actual the true class of each sample
   * @param predicted the predicted class of each sample
   * @return the matrix
   */
  public static ConfusionMatrix of(List<String> labels, int[] actual, int[] predicted) {
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException(
          actual.length + " actual classes but " + predicted.length + " predictions");
    }
    ConfusionMatrix m = empty(labels);
    for (int i = 0; i < actual.length; i++) {
      m.add(actual[i], predicted[i]);
    }
    return m;
  }

  /**
   * Counts one sample.
   *
   * @param actual its true class id
   * @param predicted its predicted class id
   */
  public void add(int actual, int predicted) {
    checkClass(actual, "actual");
    checkClass(predicted, "predicted");
    counts[actual][predicted]++;
  }

  private void checkClass(int c, String what) {
    if (c < 0 || c >= labels.size()) {
      throw new IllegalArgumentException(
          what + " class " + c + " outside the " + labels.size() + " labels " + labels);
    }
  }

  /** The class labels. */
  public List<String> labels() {
    return labels;
  }

  /** Number of samples whose true class is {@code actual} and predicted class {@code predicted}. */
  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  /** A copy of the counts, [actual][predicted]. */
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /** Total number of samples. */
  public long total() {
    return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
  }

  /** Share of samples on the diagonal. */
  public double accuracy() {
    long correct = 0;
    for (int i = 0; i < counts.length; i++) {
      correct += counts[i][i];
    }
    return ratio(correct, total());
  }

  /** The scores of one class. */
  public ClassMetrics classMetrics(int c) {
    checkClass(c, "requested");
    long tp = counts[c][c];
    long actualPositives = 0;
    long predictedPositives = 0;
    for (int j = 0; j < counts.length; j++) {
      actualPositives += counts[c][j];
      predictedPositives += counts[j][c];
    }
    long fp = predictedPositives - tp;
    long fn = actualPositives - tp;
    long tn = total() - tp - fp - fn;
    double precision = ratio(tp, tp + fp);
    double recall = ratio(tp, tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new ClassMetrics(
        labels.get(c), precision, recall, f1, ratio(fp, fp + tn), ratio(fn, tp + fn), tp + fn);
  }

  /** The scores of every class, in label order. */
  public List<ClassMetrics> classMetrics() {
    List<ClassMetrics> out = new ArrayList<>();
    for (int c = 0; c < labels.size(); c++) {
      out.add(classMetrics(c));
    }
    return out;
  }

  /** Unweighted mean of the classes' precision. */
  public double macroPrecision() {
    return classMetrics().stream().mapToDouble(ClassMetrics::precision).average().orElse(0);
  }

  /** Unweighted mean of the classes' recall. */
  public double macroRecall() {
    return classMetrics().stream().mapToDouble(ClassMetrics::recall).average().orElse(0);
  }

  /** Unweighted mean of the classes' F1. */
  public double macroF1() {
    return classMetrics().stream().mapToDouble(ClassMetrics::f1).average().orElse(0);
  }

  /** Mean of the classes' F1 weighted by their support. */
  public double weightedF1() {
    long total = total();
    if (total == 0) {
      return 0;
    }
    double sum = 0;
    for (ClassMetrics m : classMetrics()) {
      sum += m.f1() * m.support();
    }
    return sum / total;
  }

  /** A plain-text table with actual classes as rows, for logs and reports. */
  @Override
  public String toString() {
    int width = 9;
    for (String l : labels) {
      width = Math.max(width, l.length() + 2);
    }
    for (long[] row : counts) {
      for (long v : row) {
        width = Math.max(width, Long.toString(v).length() + 2);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(pad("actual\\pred", width));
    for (String l : labels) {
      sb.append(pad(l, width));
    }
    sb.append('\n');
    for (int i = 0; i < labels.size(); i++) {
      sb.append(pad(labels.get(i), width));
      for (long v : counts[i]) {
        sb.append(pad(Long.toString(v), width));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    return " ".repeat(Math.max(1, width - s.length())) + s;
  }

  static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }
}
