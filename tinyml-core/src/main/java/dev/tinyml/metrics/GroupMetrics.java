package dev.tinyml.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-group rates of a binary classifier and the gaps between groups. */
public final class GroupMetrics {
  private final List<GroupRates> groups;

  private GroupMetrics(List<GroupRates> groups) {
    this.groups = groups;
  }

  /**
   * Computes each group's rates.
   *
   * @param group the group of each sample
   * @param actual whether each sample is actually positive
   * @param predicted whether each sample was predicted positive
   * @return the metrics, groups sorted by name
   */
  public static GroupMetrics of(String[] group, boolean[] actual, boolean[] predicted) {
    if (group.length != actual.length || actual.length != predicted.length) {
      throw new IllegalArgumentException(
          "groups, labels and predictions differ in length: "
              + group.length
              + ", "
              + actual.length
              + ", "
              + predicted.length);
    }
    // [tp, fp, tn, fn] per group, sorted for deterministic output.
    Map<String, long[]> tally = new TreeMap<>();
    for (int i = 0; i < group.length; i++) {
      if (group[i] == null) {
        throw new IllegalArgumentException("sample " + i + " has no group");
      }
      long[] t = tally.computeIfAbsent(group[i], g -> new long[4]);
      int k = predicted[i] ? (actual[i] ? 0 : 1) : (actual[i] ? 3 : 2);
      t[k]++;
    }
    List<GroupRates> rates = new ArrayList<>();
    for (Map.Entry<String, long[]> e : tally.entrySet()) {
      long[] t = e.getValue();
      long tp = t[0];
      long fp = t[1];
      long tn = t[2];
      long fn = t[3];
      long n = tp + fp + tn + fn;
      rates.add(
          new GroupRates(
              e.getKey(),
              n,
              (double) (tp + tn) / n,
              (double) (tp + fp) / n,
              tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn),
              fp + tn == 0 ? Double.NaN : (double) fp / (fp + tn)));
    }
    return new GroupMetrics(List.copyOf(rates));
  }

  /** The groups' rates, sorted by group name. */
  public List<GroupRates> groups() {
    return groups;
  }

  /** Largest minus smallest positive rate across groups (0 = demographic parity). */
  public double demographicParityDifference() {
    return spread(GroupRates::positiveRate);
  }

  /**
   * Largest minus smallest true-positive rate across the groups that have positives (0 = equal
   * opportunity).
   */
  public double equalOpportunityDifference() {
    return spread(GroupRates::truePositiveRate);
  }

  /** Largest minus smallest accuracy across groups. */
  public double accuracyDifference() {
    return spread(GroupRates::accuracy);
  }

  private double spread(java.util.function.ToDoubleFunction<GroupRates> f) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (GroupRates g : groups) {
      double v = f.applyAsDouble(g);
      if (!Double.isNaN(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return hi >= lo ? hi - lo : 0;
  }
}
