package dev.tinyml.examples.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line every example's {@code Evaluate} takes: {@code <data dir> <saved model dir>
 * <int8 model.tflite> <report dir> [conversion skipped: true|false]}.
 *
 * @param data the example's data directory
 * @param savedModel the trained SavedModel
 * @param int8Model the int8 model to evaluate, or {@code null} when conversion was skipped (an old
 *     file from an earlier build is then ignored, not evaluated)
 * @param reportDir where the report goes
 */
public record EvaluationArgs(Path data, Path savedModel, Path int8Model, Path reportDir) {

  /** Parses the arguments, failing with the usage line when they do not fit. */
  public static EvaluationArgs parse(String[] args) {
    if (args.length != 4 && args.length != 5) {
      throw new IllegalArgumentException(
          "usage: Evaluate <data dir> <saved model dir> <int8 model.tflite> <report dir>"
              + " [conversion skipped: true|false]");
    }
    boolean skipped = args.length == 5 && Boolean.parseBoolean(args[4]);
    Path int8 = Path.of(args[2]);
    if (!skipped && !Files.isRegularFile(int8)) {
      throw new IllegalArgumentException(
          "no int8 model at " + int8 + "; run the quantize step first or skip conversion");
    }
    return new EvaluationArgs(
        Path.of(args[0]), Path.of(args[1]), skipped ? null : int8, Path.of(args[3]));
  }
}
