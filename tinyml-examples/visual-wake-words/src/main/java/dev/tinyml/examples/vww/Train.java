package dev.tinyml.examples.vww;

import dev.tinyml.examples.support.Network;
import dev.tinyml.examples.support.Objective;
import dev.tinyml.examples.support.SavedModelExport;
import dev.tinyml.examples.support.Trainer;
import dev.tinyml.examples.support.TrainingStamp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Trains the person detector on the training scenes and exports it as a SavedModel. */
public final class Train {

  private Train() {}

  /**
   * Entry point.
   *
   * @param args the data directory, the SavedModel directory to write, and optionally {@code true}
   *     to retrain although the model is up to date
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: Train <data dir> <saved model dir> [force: true|false]");
    }
    Path data = Path.of(args[0]);
    Path savedModel = Path.of(args[1]);
    boolean force = args.length > 2 && Boolean.parseBoolean(args[2]);
    Network network = VwwModel.network();
    Path trainDir = data.resolve("train");
    TrainingStamp stamp =
        TrainingStamp.of(
            savedModel.resolveSibling(savedModel.getFileName() + ".stamp"),
            List.of(trainDir),
            network + " " + VwwModel.TRAINING + " mirrored");
    if (!force && stamp.upToDate(savedModel)) {
      System.out.println("SavedModel " + savedModel + " is up to date with " + trainDir);
      return;
    }
    long start = System.nanoTime();
    VwwData train = VwwData.read(trainDir).withMirrorImages();
    Map<String, float[]> weights =
        new Trainer(System.out)
            .train(
                network,
                train.pixels(),
                new Objective.Classification(train.labels(), VwwData.LABELS.size()),
                VwwModel.TRAINING);
    SavedModelExport.export(network, weights, savedModel);
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
