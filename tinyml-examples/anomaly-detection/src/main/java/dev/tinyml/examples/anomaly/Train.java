package dev.tinyml.examples.anomaly;

import dev.tinyml.examples.support.ExampleTraining;
import dev.tinyml.examples.support.Objective;
import dev.tinyml.examples.support.TrainingArgs;
import dev.tinyml.examples.support.TrainingRecipe;
import dev.tinyml.examples.support.TrainingSet;
import java.nio.file.Path;

/**
 * Trains the vibration autoencoder on the normal training windows and exports it as a SavedModel.
 */
public final class Train {

  private Train() {}

  /**
   * Entry point.
   *
   * @param args see {@link TrainingArgs}
   */
  public static void main(String[] args) {
    TrainingArgs a = TrainingArgs.parse(args);
    TrainingRecipe recipe = new TrainingRecipe(AnomalyModel.network(), AnomalyModel.TRAINING);
    Path trainCsv = a.data().resolve("train.csv");
    new ExampleTraining(a, recipe, System.out).run(trainCsv, () -> trainingSet(trainCsv));
  }

  /** The normal training windows, reconstructed by the autoencoder; anomalies are refused. */
  private static TrainingSet trainingSet(Path trainCsv) {
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
    return new TrainingSet(train.windows(), new Objective.Reconstruction());
  }
}
