package dev.tinyml.examples.anomaly;

import dev.tinyml.examples.support.Network;
import dev.tinyml.examples.support.Objective;
import dev.tinyml.examples.support.RepresentativeSamples;
import dev.tinyml.examples.support.SavedModelExport;
import dev.tinyml.examples.support.Trainer;
import dev.tinyml.examples.support.TrainingStamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Trains the vibration autoencoder on the normal training windows and exports it as a SavedModel.
 */
public final class Train {

  /** Training examples handed to the converter for int8 calibration. */
  static final int REPRESENTATIVE_SAMPLES = 200;

  private Train() {}

  /**
   * Entry point.
   *
   * @param args the data directory, the SavedModel directory to write, the directory to write the
   *     representative samples for int8 calibration to, and optionally {@code true} to retrain
   *     although the model is up to date
   */
  public static void main(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: Train <data dir> <saved model dir> <representative dir> [force: true|false]");
    }
    Path data = Path.of(args[0]);
    Path savedModel = Path.of(args[1]);
    Path representative = Path.of(args[2]);
    boolean force = args.length > 3 && Boolean.parseBoolean(args[3]);
    Network network = AnomalyModel.network();
    Path trainCsv = data.resolve("train.csv");
    TrainingStamp stamp =
        TrainingStamp.of(
            savedModel.resolveSibling(savedModel.getFileName() + ".stamp"),
            List.of(trainCsv),
            network + " " + AnomalyModel.TRAINING);
    if (!force && stamp.upToDate(savedModel) && Files.isDirectory(representative)) {
      System.out.println("SavedModel " + savedModel + " is up to date with " + trainCsv);
      return;
    }
    VibrationData train = VibrationData.read(trainCsv);
    for (int i = 0; i < train.size(); i++) {
      if (train.labels()[i] != 0) {
        throw new IllegalArgumentException(
            trainCsv
                + " line "
                + (i + 1)
                + " is an anomaly; the autoencoder trains on normal windows only");
      }
    }
    long start = System.nanoTime();
    Map<String, float[]> weights =
        new Trainer(System.out)
            .train(network, train.windows(), new Objective.Reconstruction(), AnomalyModel.TRAINING);
    SavedModelExport.export(network, weights, savedModel);
    RepresentativeSamples.write(
        Arrays.asList(train.windows()),
        network.inputShape(),
        REPRESENTATIVE_SAMPLES,
        representative);
    stamp.write();
    System.out.printf(
        "trained %s (%d parameters) on %d normal windows in %.1f s; SavedModel in %s%n",
        network.name(),
        network.parameterCount(),
        train.size(),
        (System.nanoTime() - start) / 1e9,
        savedModel);
  }
}
