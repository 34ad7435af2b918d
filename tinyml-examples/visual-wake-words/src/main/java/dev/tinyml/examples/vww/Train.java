package dev.tinyml.examples.vww;

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

/** Trains the person detector on the training scenes and exports it as a SavedModel. */
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
    Network network = VwwModel.network();
    Path trainDir = data.resolve("train");
    TrainingStamp stamp =
        TrainingStamp.of(
            savedModel.resolveSibling(savedModel.getFileName() + ".stamp"),
            List.of(trainDir),
            network
                + " "
                + VwwModel.TRAINING
                + " variants "
                + VwwModel.TRAIN_VARIANTS
                + " calibration on unaugmented scenes");
    if (!force && stamp.upToDate(savedModel) && Files.isDirectory(representative)) {
      System.out.println("SavedModel " + savedModel + " is up to date with " + trainDir);
      return;
    }
    long start = System.nanoTime();
    VwwData scenes = VwwData.read(trainDir);
    VwwData train = scenes.augmented(VwwModel.TRAIN_VARIANTS, VwwModel.TRAINING.seed());
    Map<String, float[]> weights =
        new Trainer(System.out)
            .train(
                network,
                train.pixels(),
                new Objective.Classification(train.labels(), VwwData.LABELS.size()),
                VwwModel.TRAINING);
    SavedModelExport.export(network, weights, savedModel);
    // Calibrate on scenes as the camera delivers them, not on the augmented copies.
    RepresentativeSamples.write(
        Arrays.asList(scenes.pixels()),
        network.inputShape(),
        REPRESENTATIVE_SAMPLES,
        representative);
    stamp.write();
    System.out.printf(
        "trained %s (%d parameters, %d MACs) on %d images in %.1f s; SavedModel in %s%n",
        network.name(),
        network.parameterCount(),
        network.macCount(),
        train.size(),
        (System.nanoTime() - start) / 1e9,
        savedModel);
  }
}
