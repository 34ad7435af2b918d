package dev.tinyml.examples.anomaly;

import dev.tinyml.examples.support.EvaluationArgs;
import dev.tinyml.examples.support.EvaluationReport;
import dev.tinyml.examples.support.Network;
import dev.tinyml.examples.support.SavedModelPredictor;
import dev.tinyml.examples.support.TfliteRunner;
import dev.tinyml.examples.support.WeightHistograms;
import dev.tinyml.metrics.ConfusionMatrix;
import dev.tinyml.metrics.PngCharts;
import dev.tinyml.metrics.RocCurve;
import dev.tinyml.metrics.RocPoint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the float autoencoder (TensorFlow Java) and the converted int8 model (reference
 * interpreter) on the held-out windows by their reconstruction error, applies the alarm threshold
 * at the knee of the float ROC curve (the one {@link Threshold} gave the sketch), compares with a
 * K-means detector, and writes the report.
 */
public final class Evaluate {

  static final int KMEANS_CLUSTERS = 8;

  private Evaluate() {}

  /**
   * Entry point.
   *
   * @param args see {@link EvaluationArgs}
   */
  public static void main(String[] args) {
    EvaluationArgs a = EvaluationArgs.parse(args);
    Path data = a.data();
    Path savedModel = a.savedModel();
    Path reportDir = a.reportDir();
    Network network = AnomalyModel.network();
    VibrationData train = VibrationData.read(data.resolve("train.csv"));
    VibrationData test = VibrationData.read(data.resolve("test.csv"));
    boolean[] anomalous = anomalous(test);

    double[] floatErrors = floatErrors(network, savedModel, test);
    Map<String, float[]> weights;
    try (SavedModelPredictor model =
        new SavedModelPredictor(savedModel, network.inputShape(), network.outputSize())) {
      weights = model.weights(network.parameters());
    }
    TfliteRunner int8 = a.int8Model() == null ? null : new TfliteRunner(a.int8Model());
    double[] int8Errors = null;
    if (int8 != null) {
      int8Errors = new double[test.size()];
      for (int i = 0; i < test.size(); i++) {
        int8Errors[i] = meanSquaredError(test.windows()[i], int8.predict(test.windows()[i]));
      }
    }
    KMeans kmeans = KMeans.fit(train.windows(), KMEANS_CLUSTERS, 50, 11L);
    double[] kmeansScores = new double[test.size()];
    for (int i = 0; i < test.size(); i++) {
      kmeansScores[i] = kmeans.score(test.windows()[i]);
    }

    RocCurve floatRoc = RocCurve.of(floatErrors, anomalous);
    RocCurve int8Roc = int8Errors == null ? null : RocCurve.of(int8Errors, anomalous);
    RocCurve kmeansRoc = RocCurve.of(kmeansScores, anomalous);
    RocPoint knee = floatRoc.knee();

    EvaluationReport report =
        new EvaluationReport(
            "Anomaly detection: fan vibration autoencoder",
            "auc",
            floatRoc.auc(),
            int8Roc == null ? null : int8Roc.auc(),
            test.size());
    StringBuilder table = new StringBuilder();
    table.append(
        "| detector | AUC | true-positive rate | false-positive rate |\n|---|---|---|---|\n");
    table.append(
        row("autoencoder, float", floatRoc.auc(), floatErrors, anomalous, knee.threshold()));
    if (int8Roc != null) {
      table.append(
          row("autoencoder, int8", int8Roc.auc(), int8Errors, anomalous, knee.threshold()));
    }
    RocPoint kmeansKnee = kmeansRoc.knee();
    table.append(
        row(
            "K-means (k = " + kmeans.clusters() + "), float",
            kmeansRoc.auc(),
            kmeansScores,
            anomalous,
            kmeansKnee.threshold()));
    report.section(
        "Detectors",
        String.format(
                Locale.ROOT,
                "%d normal training windows, %d held-out windows (%d anomalous). The anomaly score of"
                    + " the autoencoder is the mean squared reconstruction error; the alarm"
                    + " threshold %.5f is the knee of the float ROC curve (largest TPR - FPR) and"
                    + " is used unchanged for the int8 model, as it would be on the device. The"
                    + " K-means baseline scores a window by its distance to the nearest of %d"
                    + " centroids fitted to the normal windows, with its own knee threshold %.4f.\n\n",
                train.size(),
                test.size(),
                count(anomalous),
                knee.threshold(),
                kmeans.clusters(),
                kmeansKnee.threshold())
            + table);
    report.section(
        "Confusion at the threshold",
        "Float model:\n\n```\n"
            + confusion(floatErrors, anomalous, knee.threshold())
            + "\n```\n"
            + (int8Errors == null
                ? ""
                : "\nInt8 model:\n\n```\n"
                    + confusion(int8Errors, anomalous, knee.threshold())
                    + "\n```\n"));
    Map<String, RocCurve> curves = new LinkedHashMap<>();
    curves.put("autoencoder float", floatRoc);
    if (int8Roc != null) {
      curves.put("autoencoder int8", int8Roc);
    }
    curves.put("K-means", kmeansRoc);
    report.image("roc.png", "ROC curves", PngCharts.roc(curves, "ROC, held-out windows", knee));
    for (Map.Entry<String, byte[]> chart : WeightHistograms.ofFloat(weights).entrySet()) {
      report.image(chart.getKey(), chart.getKey(), chart.getValue());
    }
    if (int8 != null) {
      for (Map.Entry<String, byte[]> chart : WeightHistograms.ofInt8(int8.model()).entrySet()) {
        report.image(chart.getKey(), chart.getKey(), chart.getValue());
      }
    }
    report.write(reportDir);
    System.out.print(report.json());
  }

  /** The float autoencoder's reconstruction error of every window of {@code windows}. */
  static double[] floatErrors(Network network, Path savedModel, VibrationData windows) {
    double[] errors = new double[windows.size()];
    try (SavedModelPredictor model =
        new SavedModelPredictor(savedModel, network.inputShape(), network.outputSize())) {
      for (int i = 0; i < windows.size(); i++) {
        errors[i] = meanSquaredError(windows.windows()[i], model.predict(windows.windows()[i]));
      }
    }
    return errors;
  }

  /** Which held-out windows are anomalous. */
  static boolean[] anomalous(VibrationData windows) {
    boolean[] anomalous = new boolean[windows.size()];
    for (int i = 0; i < windows.size(); i++) {
      anomalous[i] = windows.labels()[i] == 1;
    }
    return anomalous;
  }

  static double meanSquaredError(float[] x, float[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - y[i];
      sum += d * d;
    }
    return sum / x.length;
  }

  private static String row(
      String name, double auc, double[] scores, boolean[] positive, double threshold) {
    int tp = 0;
    int fp = 0;
    int p = count(positive);
    int n = positive.length - p;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] >= threshold) {
        if (positive[i]) {
          tp++;
        } else {
          fp++;
        }
      }
    }
    return String.format(
        Locale.ROOT, "| %s | %.4f | %.3f | %.3f |%n", name, auc, (double) tp / p, (double) fp / n);
  }

  private static String confusion(double[] scores, boolean[] positive, double threshold) {
    int[] actual = new int[scores.length];
    int[] predicted = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      actual[i] = positive[i] ? 1 : 0;
      predicted[i] = scores[i] >= threshold ? 1 : 0;
    }
    return ConfusionMatrix.of(List.of("normal", "anomaly"), actual, predicted).toString();
  }

  private static int count(boolean[] values) {
    int n = 0;
    for (boolean v : values) {
      n += v ? 1 : 0;
    }
    return n;
  }
}
