package dev.tinyml.metrics;

/**
 * A binary classifier's behaviour on one group of samples (e.g. one skin tone or one speaker
 * accent), the quantities the course's fairness checks compare across groups.
 *
 * @param group the group's name
 * @param count samples in the group
 * @param accuracy share predicted correctly
 * @param positiveRate share predicted positive (demographic parity compares these)
 * @param truePositiveRate share of actual positives predicted positive (equal opportunity compares
 *     these); {@code NaN} if the group has no actual positives
 * @param falsePositiveRate share of actual negatives predicted positive; {@code NaN} if the group
 *     has no actual negatives
 */
public record GroupRates(
    String group,
    long count,
    double accuracy,
    double positiveRate,
    double truePositiveRate,
    double falsePositiveRate) {}
