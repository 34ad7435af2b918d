package dev.tinyml.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the training step on a tiny classifier with the native TensorFlow runtime. */
class ExampleTrainingTest {

  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private static final TrainingRecipe RECIPE =
      new TrainingRecipe(
          new Network(
              "tiny",
              new int[] {2},
              List.of(new Layer.Dense(2, Activation.NONE)),
              Network.Output.SOFTMAX),
          new TrainingConfig(2, 4, 0.01f, 7));

  @TempDir Path dir;
  private Path data;
  private final AtomicInteger reads = new AtomicInteger();

  @BeforeEach
  void writeData() throws Exception {
    data = Files.writeString(dir.resolve("train.csv"), "0,1\n1,0\n");
  }

  private Supplier<TrainingSet> trainingSet() {
    return () -> {
      reads.incrementAndGet();
      return new TrainingSet(
          new float[][] {{0, 1}, {1, 0}, {0, 0.5f}, {0.5f, 0}},
          new Objective.Classification(new int[] {0, 1, 0, 1}, 2));
    };
  }

  private TrainingArgs args(boolean force) {
    return new TrainingArgs(dir, dir.resolve("saved_model"), dir.resolve("representative"), force);
  }

  @Test
  void writesSavedModelRepresentativeSamplesAndStamp() throws Exception {
    boolean trained = new ExampleTraining(args(false), RECIPE, QUIET).run(data, trainingSet());

    assertThat(trained).isTrue();
    assertThat(dir.resolve("saved_model/saved_model.pb")).isRegularFile();
    assertThat(dir.resolve("saved_model.stamp")).isRegularFile();
    try (Stream<Path> samples = Files.list(dir.resolve("representative"))) {
      assertThat(samples.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "sample_0000.npy", "sample_0001.npy", "sample_0002.npy", "sample_0003.npy");
    }
  }

  @Test
  void upToDateModelIsNotTrainedAgainAndItsDataNotRead() {
    new ExampleTraining(args(false), RECIPE, QUIET).run(data, trainingSet());
    boolean trained = new ExampleTraining(args(false), RECIPE, QUIET).run(data, trainingSet());

    assertThat(trained).isFalse();
    assertThat(reads).hasValue(1);
  }

  @Test
  void forceRetrainsAnUpToDateModel() {
    new ExampleTraining(args(false), RECIPE, QUIET).run(data, trainingSet());

    assertThat(new ExampleTraining(args(true), RECIPE, QUIET).run(data, trainingSet())).isTrue();
    assertThat(reads).hasValue(2);
  }

  @Test
  void changedRecipeRetrains() {
    new ExampleTraining(args(false), RECIPE, QUIET).run(data, trainingSet());
    TrainingRecipe other = new TrainingRecipe(RECIPE.network(), RECIPE.config(), "augmented");

    assertThat(new ExampleTraining(args(false), other, QUIET).run(data, trainingSet())).isTrue();
  }

  @Test
  void failedDataReadLeavesNoStamp() {
    ExampleTraining training = new ExampleTraining(args(false), RECIPE, QUIET);

    assertThatThrownBy(
            () ->
                training.run(
                    data,
                    () -> {
                      throw new IllegalArgumentException("train.csv line 2 is an anomaly");
                    }))
        .hasMessage("train.csv line 2 is an anomaly");
    assertThat(dir.resolve("saved_model.stamp")).doesNotExist();
  }
}
