package dev.tinyml.examples.kws;

import dev.tinyml.examples.support.ExampleTraining;
import dev.tinyml.examples.support.Objective;
import dev.tinyml.examples.support.TrainingArgs;
import dev.tinyml.examples.support.TrainingSet;
import java.nio.file.Path;

/** Trains the keyword spotter on the training clips and exports it as a SavedModel. */
public final class Train {

  private Train() {}

  /**
   * Entry point.
   *
   * @param args see {@link TrainingArgs}
   */
  public static void main(String[] args) {
    ExampleTraining.main(args, KwsModel.recipe(), TrainingArgs::data, Train::trainingSet);
  }

  /** The augmented training clips as micro frontend features. */
  private static TrainingSet trainingSet(Path data) {
    long start = System.nanoTime();
    KwsData.Examples train =
        KwsData.augment(
            KwsData.read(data, false), KwsModel.TRAIN_VARIANTS, KwsModel.TRAINING.seed());
    System.out.printf(
        "computed micro frontend features of %d training examples in %.1f s%n",
        train.size(), (System.nanoTime() - start) / 1e9);
    return new TrainingSet(
        train.features(), new Objective.Classification(train.labels(), KwsData.LABELS.size()));
  }
}
