package dev.tinyml.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingStampTest {

  @Test
  void modelIsUpToDateOnlyAfterTrainingOnTheSameDataAndRecipe(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("a.csv"), "1,2,3\n");
    Path model = Files.createDirectories(dir.resolve("saved_model"));
    Files.writeString(model.resolve("saved_model.pb"), "x");
    Path stampFile = dir.resolve("saved_model.stamp");

    TrainingStamp stamp = TrainingStamp.of(stampFile, List.of(data), "recipe 1");
    assertThat(stamp.upToDate(model)).isFalse();
    stamp.write();
    assertThat(TrainingStamp.of(stampFile, List.of(data), "recipe 1").upToDate(model)).isTrue();
    assertThat(TrainingStamp.of(stampFile, List.of(data), "recipe 2").upToDate(model)).isFalse();

    Files.writeString(data.resolve("a.csv"), "1,2,4\n");
    assertThat(TrainingStamp.of(stampFile, List.of(data), "recipe 1").upToDate(model)).isFalse();
  }

  @Test
  void missingModelIsNeverUpToDate(@TempDir Path dir) throws Exception {
    Path data = Files.writeString(dir.resolve("train.csv"), "0,1\n");
    TrainingStamp stamp = TrainingStamp.of(dir.resolve("stamp"), List.of(data), "r");
    stamp.write();
    assertThat(stamp.upToDate(dir.resolve("no_model"))).isFalse();
  }
}
