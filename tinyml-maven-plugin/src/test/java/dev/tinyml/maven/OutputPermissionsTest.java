package dev.tinyml.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file a goal writes gets the permissions of the umask, as any other build output does. */
class OutputPermissionsTest {

  private static Set<PosixFilePermission> umaskPermissions(Path dir) throws IOException {
    Path probe = Files.createFile(dir.resolve("probe"));
    try {
      return Files.getPosixFilePermissions(probe);
    } finally {
      Files.delete(probe);
    }
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void convertInspectPredictAndFeaturesOutputsAreNotOwnerOnly(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Path tflite = Fixtures.path("tflite/hello_world/hello_world_int8.tflite");

    ConvertMojo convert = new ConvertMojo();
    convert.outputDirectory = out.resolve("tinyml").toFile();
    convert.tfliteModel = tflite.toFile();
    convert.setLog(new SystemStreamLog());
    convert.execute();

    InspectMojo inspect = new InspectMojo();
    inspect.setModel(tflite.toFile());
    inspect.setJson(out.resolve("summary.json").toFile());
    inspect.execute();

    PredictMojo predict = new PredictMojo();
    predict.model = tflite.toFile();
    predict.input = Files.writeString(dir.resolve("x.json"), "[[1.57]]").toString();
    predict.json = out.resolve("prediction.json").toFile();
    predict.execute();

    FeaturesMojo features = new FeaturesMojo();
    features.input = Fixtures.path("audio/micro_speech/yes_1000ms.wav").toFile();
    features.features = "micro-frontend";
    features.json = out.resolve("yes.json").toFile();
    features.npy = out.resolve("yes.npy").toFile();
    features.execute();

    Set<PosixFilePermission> expected = umaskPermissions(dir);
    List<Path> written = filesUnder(out);
    assertThat(written)
        .extracting(p -> out.relativize(p).toString())
        .contains(
            "tinyml/model.cc",
            "tinyml/report.md",
            "tinyml/hello_world_int8-arduino.zip",
            "summary.json",
            "prediction.json",
            "yes.json",
            "yes.npy");
    for (Path p : written) {
      assertThat(Files.getPosixFilePermissions(p))
          .as(out.relativize(p).toString())
          .isEqualTo(expected);
    }
  }
}
