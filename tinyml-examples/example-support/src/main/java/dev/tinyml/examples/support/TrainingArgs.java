package dev.tinyml.examples.support;

import java.nio.file.Path;

/**
 * The command line every example's {@code Train} takes: {@code <data dir> <saved model dir>
 * <representative dir> [force: true|false]} (the build passes {@code -Dtinyml.train.force} as the
 * fourth argument).
 *
 * @param data the example's data directory
 * @param savedModel the SavedModel directory to write
 * @param representative the directory to write the representative samples for int8 calibration to
 * @param force whether to retrain although the SavedModel is up to date
 */
public record TrainingArgs(Path data, Path savedModel, Path representative, boolean force) {

  /** Parses the arguments, failing with the usage line when there are too few. */
  public static TrainingArgs parse(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: Train <data dir> <saved model dir> <representative dir> [force: true|false]");
    }
    return new TrainingArgs(
        Path.of(args[0]),
        Path.of(args[1]),
        Path.of(args[2]),
        args.length > 3 && Boolean.parseBoolean(args[3]));
  }

  /** Where the {@link TrainingStamp} is kept: beside the SavedModel, named after it. */
  public Path stampFile() {
    return savedModel.resolveSibling(savedModel.getFileName() + ".stamp");
  }
}
