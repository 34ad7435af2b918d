package dev.tinyml.examples.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation of one example: {@code evaluation.json} with the headline score of the float and
 * the int8 model on the held-out data, and {@code evaluation.md}, a readable report with tables and
 * the PNG pictures written beside it.
 *
 * <p>{@code evaluation.json} is {@code {"metric":"accuracy"|"auc","float":x,"int8":y,"heldOut":n}};
 * {@code int8} is {@code null} when there is no int8 model to evaluate (conversion skipped).
 */
public final class EvaluationReport {

  private final String title;
  private final String metric;
  private final double floatScore;
  private final Double int8Score;
  private final int heldOut;
  private final StringBuilder body = new StringBuilder();
  private final Map<String, byte[]> images = new LinkedHashMap<>();

  /**
   * Starts a report.
   *
   * @param title the report's heading
   * @param metric {@code accuracy} or {@code auc}
   * @param floatScore the float model's score on the held-out data
   * @param int8Score the int8 model's score, or {@code null} when there is no int8 model
   * @param heldOut number of held-out examples scored
   */
  public EvaluationReport(
      String title, String metric, double floatScore, Double int8Score, int heldOut) {
    if (!metric.equals("accuracy") && !metric.equals("auc")) {
      throw new IllegalArgumentException("metric must be accuracy or auc, got " + metric);
    }
    this.title = title;
    this.metric = metric;
    this.floatScore = floatScore;
    this.int8Score = int8Score;
    this.heldOut = heldOut;
  }

  /** Adds a Markdown section. */
  public EvaluationReport section(String heading, String markdown) {
    body.append("\n## ").append(heading).append("\n\n").append(markdown.strip()).append('\n');
    return this;
  }

  /** Adds a picture, written as {@code fileName} and shown in the report under {@code caption}. */
  public EvaluationReport image(String fileName, String caption, byte[] png) {
    images.put(fileName, png);
    body.append("\n![").append(caption).append("](").append(fileName).append(")\n");
    return this;
  }

  /**
   * Adds the {@link WeightHistograms}: one picture per float kernel and, with an int8 model, one
   * per int8 constant tensor.
   *
   * @param floatWeights the trained kernels and biases read back from the SavedModel
   * @param int8Model the converted model, or {@code null} without one
   */
  public EvaluationReport weightHistograms(
      Map<String, float[]> floatWeights, TfliteRunner int8Model) {
    images(WeightHistograms.ofFloat(floatWeights));
    if (int8Model != null) {
      images(WeightHistograms.ofInt8(int8Model.model()));
    }
    return this;
  }

  private void images(Map<String, byte[]> charts) {
    for (Map.Entry<String, byte[]> chart : charts.entrySet()) {
      image(chart.getKey(), chart.getKey(), chart.getValue());
    }
  }

  /** A score as a percentage with two decimals, or {@code n/a}. */
  public static String percent(Double value) {
    return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f %%", 100 * value);
  }

  /** A number with four decimals, or {@code n/a}. */
  public static String number(Double value) {
    return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** The JSON document, fields in a fixed order. */
  public String json() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("metric", metric);
    fields.put("float", floatScore);
    fields.put("int8", int8Score);
    fields.put("heldOut", heldOut);
    try {
      return new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(fields)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + fields, e);
    }
  }

  /** The Markdown report. */
  public String markdown() {
    String score = metric.equals("auc") ? "AUC" : "accuracy";
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n");
    md.append("| model | ")
        .append(score)
        .append(" on ")
        .append(heldOut)
        .append(" held-out examples |\n");
    md.append("|---|---|\n");
    md.append("| float (TensorFlow Java, SavedModel) | ").append(format(floatScore)).append(" |\n");
    md.append("| int8 (reference interpreter, converted model) | ")
        .append(int8Score == null ? "not evaluated: conversion skipped" : format(int8Score))
        .append(" |\n");
    if (int8Score != null) {
      md.append("\nDifference int8 - float: ")
          .append(
              metric.equals("auc")
                  ? String.format(Locale.ROOT, "%+.4f AUC", int8Score - floatScore)
                  : String.format(
                      Locale.ROOT, "%+.2f percentage points", 100 * (int8Score - floatScore)))
          .append(".\n");
    }
    md.append(body);
    return md.toString();
  }

  private String format(double value) {
    return metric.equals("auc") ? number(value) : percent(value);
  }

  /** Writes {@code evaluation.json}, {@code evaluation.md} and the pictures into {@code dir}. */
  public void write(Path dir) {
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> image : images.entrySet()) {
        writeAtomically(dir.resolve(image.getKey()), image.getValue());
      }
      writeAtomically(dir.resolve("evaluation.md"), markdown().getBytes(StandardCharsets.UTF_8));
      writeAtomically(dir.resolve("evaluation.json"), json().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the evaluation to " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the report into {@code dir} as {@link #write} does and prints {@code evaluation.json} to
   * {@code out}, which the build log shows.
   */
  public void writeAndPrint(Path dir, PrintStream out) {
    write(dir);
    out.print(json());
  }

  private static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
