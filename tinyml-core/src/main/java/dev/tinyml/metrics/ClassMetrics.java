package dev.tinyml.metrics;

/**
 * One class's scores in a multi-class confusion matrix, treating that class as positive.
 *
 * @param label the class label
 * @param precision {@code tp / (tp + fp)}, 0 when nothing was predicted as this class
 * @param recall {@code tp / (tp + fn)} (the true-positive rate), 0 when the class never occurs
 * @param f1 harmonic mean of precision and recall, 0 when both are 0
 * @param falsePositiveRate {@code fp / (fp + tn)}: for a keyword, the false-accept rate
 * @param falseNegativeRate {@code fn / (tp + fn)}: for a keyword, the false-reject rate
 * @param support how many samples actually belong to the class
 */
public record ClassMetrics(
    String label,
    double precision,
    double recall,
    double f1,
    double falsePositiveRate,
    double falseNegativeRate,
    long support) {}
