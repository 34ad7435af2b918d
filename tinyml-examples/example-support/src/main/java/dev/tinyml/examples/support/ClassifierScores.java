package dev.tinyml.examples.support;

import dev.tinyml.metrics.ConfusionMatrix;
import dev.tinyml.metrics.PngCharts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The predictions of a classifier's float SavedModel and, when present, its converted int8 model on
 * the same held-out examples, with their confusion matrices and the float model's weights.
 *
 * @param floatMatrix confusion matrix of the float model
 * @param int8Matrix confusion matrix of the int8 model, or {@code null} without an int8 model
 * @param floatWeights trained kernels and biases read back from the SavedModel
 * @param int8Model the int8 model that was run, or {@code null}
 */
public record ClassifierScores(
    ConfusionMatrix floatMatrix,
    ConfusionMatrix int8Matrix,
    Map<String, float[]> floatWeights,
    TfliteRunner int8Model) {

  /**
   * Runs the SavedModel and, unless conversion was skipped, the int8 model named on an {@code
   * Evaluate} command line on {@code inputs}.
   *
   * @param network the network the SavedModel was exported from
   * @param labels class names in output order
   * @param inputs one example per row
   * @param actual the true class of every example
   * @param args the parsed command line naming both models
   */
  public static ClassifierScores of(
      Network network, List<String> labels, float[][] inputs, int[] actual, EvaluationArgs args) {
    return of(network, labels, inputs, actual, args.savedModel(), args.int8Model());
  }

  /**
   * Runs both models on {@code inputs}.
   *
   * @param network the network the SavedModel was exported from
   * @param labels class names in output order
   * @param inputs one example per row
   * @param actual the true class of every example
   * @param savedModel the SavedModel directory
   * @param int8Model the converted model, or {@code null} to run the float model only
   */
  public static ClassifierScores of(
      Network network,
      List<String> labels,
      float[][] inputs,
      int[] actual,
      Path savedModel,
      Path int8Model) {
    int[] floatPredicted = new int[inputs.length];
    Map<String, float[]> weights;
    try (SavedModelPredictor model =
        new SavedModelPredictor(savedModel, network.inputShape(), network.outputSize())) {
      for (int i = 0; i < inputs.length; i++) {
        floatPredicted[i] = argMax(model.predict(inputs[i]));
      }
      weights = model.weights(network.parameters());
    }
    ConfusionMatrix floatMatrix = ConfusionMatrix.of(labels, actual, floatPredicted);
    if (int8Model == null) {
      return new ClassifierScores(floatMatrix, null, weights, null);
    }
    TfliteRunner int8 = new TfliteRunner(int8Model);
    int[] int8Predicted = new int[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      int8Predicted[i] = argMax(int8.predict(inputs[i]));
    }
    return new ClassifierScores(
        floatMatrix, ConfusionMatrix.of(labels, actual, int8Predicted), weights, int8);
  }

  /**
   * Starts a classifier's report: the accuracy of the float and, when there is one, the int8 model
   * on the held-out examples.
   *
   * @param title the report's heading
   */
  public EvaluationReport report(String title) {
    return new EvaluationReport(
        title, "accuracy", floatMatrix.accuracy(), int8Accuracy(), (int) floatMatrix.total());
  }

  /**
   * Adds the confusion matrices of both models to {@code report}, as a text section and as PNG
   * charts ({@code confusion-float.png}, {@code confusion-int8.png}), then the weight histograms.
   */
  public EvaluationReport addConfusionMatricesAndWeights(EvaluationReport report) {
    report.section(
        "Confusion matrices",
        "Float model:\n\n```\n"
            + floatMatrix
            + "```\n"
            + (int8Matrix == null ? "" : "\nInt8 model:\n\n```\n" + int8Matrix + "```\n"));
    report.image(
        "confusion-float.png",
        "confusion matrix, float",
        PngCharts.confusionMatrix(floatMatrix, "float model"));
    if (int8Matrix != null) {
      report.image(
          "confusion-int8.png",
          "confusion matrix, int8",
          PngCharts.confusionMatrix(int8Matrix, "int8 model"));
    }
    return report.weightHistograms(floatWeights, int8Model);
  }

  /** The int8 accuracy, or {@code null} without an int8 model. */
  public Double int8Accuracy() {
    return int8Matrix == null ? null : int8Matrix.accuracy();
  }

  /** Index of the largest value; the first one among equals. */
  public static int argMax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
