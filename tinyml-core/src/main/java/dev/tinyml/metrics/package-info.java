/**
 * Evaluation metrics for the course's applications: {@link dev.tinyml.metrics.ConfusionMatrix} with
 * per-class precision, recall and F1; {@link dev.tinyml.metrics.RocCurve} with AUC and threshold
 * selection; {@link dev.tinyml.metrics.GroupMetrics} for fairness checks; and {@link
 * dev.tinyml.metrics.PngCharts}, small PNG pictures of them for reports.
 */
package dev.tinyml.metrics;
