package dev.tinyml.examples.anomaly;

import dev.tinyml.examples.support.EvaluationArgs;
import dev.tinyml.examples.support.EvaluationReport;
import dev.tinyml.examples.support.Network;
import dev.tinyml.examples.support.SavedModelPredictor;
import dev.tinyml.examples.support.TfliteRunner;
import dev.tinyml.metrics.ConfusionMatrix;
import dev.tinyml.metrics.PngCharts;
import dev.tinyml.metrics.RocCurve;
import dev.tinyml.metrics.RocPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the float autoencoder (TensorFlow Java) and the converted int8 model (reference
 * interpreter, scored as the sketch scores it) on the held-out windows by their reconstruction
 * error, applies the firmware's alarm threshold (the one {@link Threshold} picked from the int8
 * model and gave the sketch), compares with a K-means detector, and writes the report.
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
    float threshold = Float.NaN;
    if (int8 != null) {
      float[] sketchErrors = FirmwareScore.errors(int8, test);
      int8Errors = FirmwareScore.widened(sketchErrors);
      threshold = Threshold.read(savedModel.resolveSibling("threshold.properties"));
      requireSameModel(a.int8Model(), savedModel.resolveSibling("int8-for-threshold/model.tflite"));
    }
    KMeans kmeans = KMeans.fit(train.windows(), KMEANS_CLUSTERS, 50, 11L);
    double[] kmeansScores = new double[test.size()];
    for (int i = 0; i < test.size(); i++) {
      kmeansScores[i] = kmeans.score(test.windows()[i]);
    }

    RocCurve floatRoc = RocCurve.of(floatErrors, anomalous);
    RocCurve int8Roc = int8Errors == null ? null : RocCurve.of(int8Errors, anomalous);
    RocCurve kmeansRoc = RocCurve.of(kmeansScores, anomalous);
    // Without an int8 model there is no firmware: show the float model at its own knee.
    double shown =
        int8 == null
            ? FirmwareScore.strictThreshold(toFloats(floatErrors), floatRoc.knee().threshold())
            : threshold;
    RocPoint marked =
        pointAt(
            int8Roc == null ? floatRoc : int8Roc,
            int8Errors == null ? floatErrors : int8Errors,
            anomalous,
            shown);

    EvaluationReport report =
        new EvaluationReport(
            "Anomaly detection: fan vibration autoencoder",
            "auc",
            floatRoc.auc(),
            int8Roc == null ? null : int8Roc.auc(),
            test.size());
    StringBuilder table = new StringBuilder();
    table.append(
        "| detector | AUC | true-positive (detection) rate | false-positive (false-alarm) rate"
            + " |\n|---|---|---|---|\n");
    if (int8Roc != null) {
      table.append(
          row("autoencoder, int8 (firmware)", int8Roc.auc(), int8Errors, anomalous, shown));
    }
    table.append(row("autoencoder, float", floatRoc.auc(), floatErrors, anomalous, shown));
    RocPoint kmeansKnee = kmeansRoc.knee();
    table.append(
        row(
            "K-means (k = " + kmeans.clusters() + "), float",
            kmeansRoc.auc(),
            kmeansScores,
            anomalous,
            Math.nextDown(kmeansKnee.threshold())));
    String thresholdText =
        int8 == null
            ? String.format(
                Locale.ROOT,
                "No int8 model was converted (tinyml.convert.skip), so there is no firmware"
                    + " threshold; the rates are at the knee of the float ROC curve, %.6g.",
                shown)
            : String.format(
                Locale.ROOT,
                "The alarm threshold is the firmware's, %s (`target/threshold.properties`, the"
                    + " sketch's `kThreshold`): the knee (largest TPR - FPR) of the int8 model's ROC"
                    + " curve, its reconstruction error computed as the sketch computes it (against"
                    + " the quantized input, in float, alarm when strictly above). The float model"
                    + " is shown at the same threshold for comparison.",
                FirmwareScore.cppLiteral(threshold));
    report.section(
        "Detectors",
        String.format(
                Locale.ROOT,
                "%d normal training windows, %d held-out windows (%d anomalous). The anomaly score of"
                    + " the autoencoder is the mean squared reconstruction error. %s The K-means"
                    + " baseline scores a window by its distance to the nearest of %d centroids"
                    + " fitted to the normal windows, with its own knee threshold %.4f.\n\n",
                train.size(),
                test.size(),
                count(anomalous),
                thresholdText,
                kmeans.clusters(),
                kmeansKnee.threshold())
            + table);
    report.section(
        "Confusion at the threshold",
        (int8Errors == null
                ? ""
                : "Int8 model (what the firmware decides):\n\n```\n"
                    + confusion(int8Errors, anomalous, shown)
                    + "\n```\n\n")
            + "Float model:\n\n```\n"
            + confusion(floatErrors, anomalous, shown)
            + "\n```\n");
    Map<String, RocCurve> curves = new LinkedHashMap<>();
    curves.put("autoencoder float", floatRoc);
    if (int8Roc != null) {
      curves.put("autoencoder int8", int8Roc);
    }
    curves.put("K-means", kmeansRoc);
    report.image("roc.png", "ROC curves", PngCharts.roc(curves, "ROC, held-out windows", marked));
    report.weightHistograms(weights, int8).writeAndPrint(reportDir, System.out);
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
    Alarms alarms = Alarms.of(scores, positive, threshold);
    int p = count(positive);
    int n = positive.length - p;
    return String.format(
        Locale.ROOT,
        "| %s | %.4f | %.3f | %.3f |%n",
        name,
        auc,
        (double) alarms.truePositives() / p,
        (double) alarms.falsePositives() / n);
  }

  private static String confusion(double[] scores, boolean[] positive, double threshold) {
    int[] actual = new int[scores.length];
    int[] predicted = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      actual[i] = positive[i] ? 1 : 0;
      predicted[i] = scores[i] > threshold ? 1 : 0;
    }
    return ConfusionMatrix.of(List.of("normal", "anomaly"), actual, predicted).toString();
  }

  /** Fails unless the firmware embeds the model the threshold was picked on. */
  private static void requireSameModel(Path firmware, Path thresholdModel) {
    try {
      if (!Arrays.equals(Files.readAllBytes(firmware), Files.readAllBytes(thresholdModel))) {
        throw new IllegalStateException(
            "the firmware's model "
                + firmware
                + " differs from "
                + thresholdModel
                + ", on which the alarm threshold was picked; both conversions must use the"
                + " same settings");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compare the int8 models: " + e.getMessage(), e);
    }
  }

  /** The ROC point of alarming when a score is strictly above {@code threshold}. */
  private static RocPoint pointAt(
      RocCurve curve, double[] scores, boolean[] positive, double threshold) {
    Alarms alarms = Alarms.of(scores, positive, threshold);
    return new RocPoint(
        threshold,
        (double) alarms.falsePositives() / curve.negatives(),
        (double) alarms.truePositives() / curve.positives());
  }

  /** How many positives and negatives raise the alarm: score strictly above the threshold. */
  private record Alarms(int truePositives, int falsePositives) {

    static Alarms of(double[] scores, boolean[] positive, double threshold) {
      int tp = 0;
      int fp = 0;
      for (int i = 0; i < scores.length; i++) {
        if (scores[i] > threshold) {
          if (positive[i]) {
            tp++;
          } else {
            fp++;
          }
        }
      }
      return new Alarms(tp, fp);
    }
  }

  private static float[] toFloats(double[] values) {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }

  private static int count(boolean[] values) {
    int n = 0;
    for (boolean v : values) {
      n += v ? 1 : 0;
    }
    return n;
  }
}
