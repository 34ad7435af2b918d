package dev.tinyml.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tinyml.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect, predict and convert describe a model they cannot load in the same words. */
class ModelLoadingMessagesTest {

  private static String inspect(Path model) {
    InspectMojo m = new InspectMojo();
    m.setModel(model.toFile());
    return message(catchThrowable(m::execute));
  }

  private static String predict(Path model, Path dir) throws Exception {
    PredictMojo m = new PredictMojo();
    m.model = model.toFile();
    m.input = Files.writeString(dir.resolve("x.json"), "[[1.0]]").toString();
    return message(catchThrowable(m::execute));
  }

  private static String convert(Path model, Path dir) {
    ConvertMojo m = new ConvertMojo();
    m.tfliteModel = model.toFile();
    m.outputDirectory = dir.resolve("out").toFile();
    return message(catchThrowable(m::execute));
  }

  private static String message(Throwable t) {
    assertThat(t).isInstanceOf(MojoFailureException.class);
    return t.getMessage();
  }

  @Test
  void aTruncatedModelIsTheSameSentenceInEveryGoalAndNamesThePathOnce(@TempDir Path dir)
      throws Exception {
    byte[] bytes = Files.readAllBytes(Fixtures.path("tflite/hello_world/hello_world_int8.tflite"));
    Path cut = Files.write(dir.resolve("cut.tflite"), Arrays.copyOf(bytes, 1000));
    String expectedStart =
        cut.toAbsolutePath()
            + " is not a valid .tflite model: truncated (1000 bytes, needs at least ";

    for (String message : new String[] {inspect(cut), predict(cut, dir), convert(cut, dir)}) {
      assertThat(message).contains(expectedStart);
      assertThat(message.split(java.util.regex.Pattern.quote(cut.getFileName().toString()), -1))
          .as("the path appears once in: %s", message)
          .hasSize(2);
    }
  }

  @Test
  void aMissingModelIsSaidNotToExistInEveryGoal(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.tflite");

    assertThat(inspect(missing)).contains(missing + " does not exist");
    assertThat(predict(missing, dir)).contains(missing + " does not exist");
    assertThat(convert(missing, dir))
        .isEqualTo("tfliteModel (-Dtinyml.tfliteModel): " + missing + " does not exist");
  }

  @Test
  void aSavedModelPathThatDoesNotExistIsSaidNotToExist(@TempDir Path dir) {
    ConvertMojo m = new ConvertMojo();
    m.savedModel = dir.resolve("src/main/model/saved_model").toFile();
    m.outputDirectory = dir.resolve("out").toFile();

    assertThat(message(catchThrowable(m::execute)))
        .isEqualTo(
            "savedModel (-Dtinyml.savedModel): "
                + dir.resolve("src/main/model/saved_model")
                + " does not exist");
  }
}
