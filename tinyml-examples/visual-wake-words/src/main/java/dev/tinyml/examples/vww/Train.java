package dev.tinyml.examples.vww;

import dev.tinyml.examples.support.ExampleTraining;
import dev.tinyml.examples.support.Objective;
import dev.tinyml.examples.support.TrainingArgs;
import dev.tinyml.examples.support.TrainingSet;
import java.nio.file.Path;
import java.util.Arrays;

/** Trains the person detector on the training scenes and exports it as a SavedModel. */
public final class Train {

  private Train() {}

  /**
   * Entry point.
   *
   * @param args see {@link TrainingArgs}
   */
  public static void main(String[] args) {
    ExampleTraining.main(
        args, VwwModel.recipe(), a -> a.data().resolve("train"), Train::trainingSet);
  }

  /** The augmented training scenes; calibration on the scenes as they are. */
  private static TrainingSet trainingSet(Path trainDir) {
    VwwData scenes = VwwData.read(trainDir);
    VwwData train = scenes.augmented(VwwModel.TRAIN_VARIANTS, VwwModel.TRAINING.seed());
    // Calibrate on scenes as the camera delivers them, not on the augmented copies.
    return new TrainingSet(
        train.pixels(),
        new Objective.Classification(train.labels(), VwwData.LABELS.size()),
        Arrays.asList(scenes.pixels()));
  }
}
