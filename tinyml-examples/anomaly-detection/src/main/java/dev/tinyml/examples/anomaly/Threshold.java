package dev.tinyml.examples.anomaly;

import dev.tinyml.examples.support.TfliteRunner;
import dev.tinyml.metrics.RocCurve;
import dev.tinyml.metrics.RocPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * Picks the alarm threshold for the firmware from the model the firmware runs: the int8 model
 * (converted by a first {@code tinyml:convert} execution), scored on the held-out windows exactly
 * as the sketch scores them ({@link FirmwareScore}), at the knee of that ROC curve (largest
 * true-positive rate minus false-positive rate). Written as {@code anomaly.threshold}, a C++ float
 * literal, to a properties file that the build reads and hands to the plugin's {@code anomaly}
 * template, and that {@link Evaluate} reads back to report the rates at the firmware's threshold.
 */
public final class Threshold {

  /** The property holding the threshold. */
  static final String PROPERTY = "anomaly.threshold";

  private Threshold() {}

  /**
   * Entry point.
   *
   * @param args the data directory, the int8 {@code .tflite} model, the properties file to write
   *     and optionally {@code true} when the conversion is skipped (then there is no int8 model and
   *     no firmware to pick a threshold for)
   */
  public static void main(String[] args) {
    if (args.length != 3 && args.length != 4) {
      throw new IllegalArgumentException(
          "usage: Threshold <data dir> <int8 model.tflite> <threshold.properties> [skip]");
    }
    if (args.length == 4 && Boolean.parseBoolean(args[3])) {
      System.out.println("conversion skipped: no firmware, no alarm threshold to pick");
      return;
    }
    VibrationData test = VibrationData.read(Path.of(args[0]).resolve("test.csv"));
    float[] errors = FirmwareScore.errors(new TfliteRunner(Path.of(args[1])), test);
    RocPoint knee = RocCurve.of(FirmwareScore.widened(errors), Evaluate.anomalous(test)).knee();
    float threshold = FirmwareScore.strictThreshold(errors, knee.threshold());
    Path file = Path.of(args[2]).toAbsolutePath();
    String text =
        "# ROC-knee alarm threshold on the int8 model's mean squared reconstruction error, scored"
            + " as the sketch scores it (held-out windows)\n"
            + PROPERTY
            + "="
            + FirmwareScore.cppLiteral(threshold)
            + "\n";
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
        "int8 alarm threshold %s (TPR %.3f, FPR %.3f on %d held-out windows) written to %s%n",
        FirmwareScore.cppLiteral(threshold),
        knee.truePositiveRate(),
        knee.falsePositiveRate(),
        test.size(),
        file);
  }

  /** Reads the threshold {@link #main} wrote. */
  static float read(Path file) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the firmware's alarm threshold from "
              + file
              + " (written by Threshold before the conversion): "
              + e.getMessage(),
          e);
    }
    String value = p.getProperty(PROPERTY);
    if (value == null) {
      throw new IllegalArgumentException(file + " has no " + PROPERTY);
    }
    return FirmwareScore.parseCppLiteral(value);
  }
}
