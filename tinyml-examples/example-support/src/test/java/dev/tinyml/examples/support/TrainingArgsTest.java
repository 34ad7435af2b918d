package dev.tinyml.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainingArgsTest {

  @Test
  void readsTheThreeDirectoriesAndDoesNotForceByDefault() {
    TrainingArgs args = TrainingArgs.parse(new String[] {"data", "target/sm", "target/rep"});
    assertThat(args)
        .isEqualTo(
            new TrainingArgs(Path.of("data"), Path.of("target/sm"), Path.of("target/rep"), false));
  }

  @Test
  void fourthArgumentTrueForcesRetraining() {
    assertThat(TrainingArgs.parse(new String[] {"d", "s", "r", "true"}).force()).isTrue();
    assertThat(TrainingArgs.parse(new String[] {"d", "s", "r", "false"}).force()).isFalse();
  }

  @Test
  void stampLiesBesideTheSavedModel() {
    TrainingArgs args = TrainingArgs.parse(new String[] {"d", "target/saved_model", "r"});
    assertThat(args.stampFile()).isEqualTo(Path.of("target/saved_model.stamp"));
  }

  @Test
  void tooFewArgumentsFailWithTheUsageLine() {
    assertThatThrownBy(() -> TrainingArgs.parse(new String[] {"data", "sm"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("usage: Train <data dir> <saved model dir> <representative dir>");
  }
}
