package dev.tinyml.examples.anomaly;

import dev.tinyml.metrics.RocCurve;
import dev.tinyml.metrics.RocPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Picks the alarm threshold before the firmware is generated: the knee of the float autoencoder's
 * ROC curve on the held-out windows (largest true-positive rate minus false-positive rate), written
 * as {@code anomaly.threshold} in a properties file that the build reads and hands to the plugin's
 * {@code anomaly} sketch template. Values are C++ text ({@code 0.001890f}).
 */
public final class Threshold {

  private Threshold() {}

  /**
   * Entry point.
   *
   * @param args the data directory, the SavedModel directory and the properties file to write
   */
  public static void main(String[] args) {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: Threshold <data dir> <saved model dir> <threshold.properties>");
    }
    VibrationData test = VibrationData.read(Path.of(args[0]).resolve("test.csv"));
    double[] errors = Evaluate.floatErrors(AnomalyModel.network(), Path.of(args[1]), test);
    RocPoint knee = RocCurve.of(errors, Evaluate.anomalous(test)).knee();
    Path file = Path.of(args[2]).toAbsolutePath();
    String text =
        "# ROC-knee threshold on the mean squared reconstruction error (float model, held-out"
            + " windows)\n"
            + String.format(Locale.ROOT, "anomaly.threshold=%.6ff%n", knee.threshold());
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    System.out.printf(
        Locale.ROOT,
        "alarm threshold %.6f (TPR %.3f, FPR %.3f on %d held-out windows) written to %s%n",
        knee.threshold(),
        knee.truePositiveRate(),
        knee.falsePositiveRate(),
        test.size(),
        file);
  }
}
