package dev.tinyml.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyml.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictMojoTest {

  @Test
  void writesTheOutputsTflmRecordedAndBothArenaSizes(@TempDir Path dir) throws Exception {
    PredictMojo mojo = new PredictMojo();
    mojo.model = Fixtures.path("tflite/misc/simple_add_model.tflite").toFile();
    mojo.input =
        Fixtures.path("expected/simple_add_model/seed1.input0.bin")
            + ","
            + Fixtures.path("expected/simple_add_model/seed1.input1.bin");
    mojo.json = dir.resolve("out/add.json").toFile();

    mojo.execute();

    ObjectMapper mapper = new ObjectMapper();
    JsonNode written = mapper.readTree(mojo.json);
    JsonNode expected =
        mapper.readTree(Fixtures.path("expected/simple_add_model/seed1.json").toFile());
    JsonNode out = written.get("outputs").get(0);
    assertThat(out.get("type").asText()).isEqualTo("int8");
    assertThat(out.get("shape")).isEqualTo(expected.get("outputs").get(0).get("shape"));
    assertThat(out.get("values")).isEqualTo(expected.get("outputs").get(0).get("values"));
    assertThat(out.get("dequantized")).hasSize(128 * 128);
    assertThat(written.get("arenaBytes").get("tflmGreedy").asInt()).isPositive();
    assertThat(written.get("arenaBytes").get("planned").asInt())
        .isLessThanOrEqualTo(written.get("arenaBytes").get("tflmGreedy").asInt());
  }

  @Test
  void acceptsRealValuesAsJson(@TempDir Path dir) throws Exception {
    Path x = Files.writeString(dir.resolve("x.json"), "[[1.57]]");
    PredictMojo mojo = new PredictMojo();
    mojo.model = Fixtures.path("tflite/hello_world/hello_world_int8.tflite").toFile();
    mojo.input = x.toString();
    mojo.json = dir.resolve("sine.json").toFile();

    mojo.execute();

    JsonNode out = new ObjectMapper().readTree(mojo.json).get("outputs").get(0);
    assertThat(out.get("dequantized").get(0).asDouble()).isBetween(0.95, 1.05); // sin(1.57)
  }

  @Test
  void aMissingInputFileIsNamed() {
    PredictMojo mojo = new PredictMojo();
    mojo.model = Fixtures.path("tflite/hello_world/hello_world_int8.tflite").toFile();
    mojo.input = "does-not-exist.bin";

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("input file does-not-exist.bin does not exist");
  }

  @Test
  void theWrongNumberOfInputsIsExplained() {
    PredictMojo mojo = new PredictMojo();
    mojo.model = Fixtures.path("tflite/misc/simple_add_model.tflite").toFile();
    mojo.input = Fixtures.path("expected/simple_add_model/seed1.input0.bin").toString();

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("the model has 2 input(s)")
        .hasMessageContaining("but 1 input file(s) were given");
  }
}
