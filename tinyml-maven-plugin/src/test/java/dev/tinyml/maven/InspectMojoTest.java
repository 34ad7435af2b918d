package dev.tinyml.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyml.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectMojoTest {

  /** Keeps what the mojo logs at info level. */
  static final class CapturingLog extends SystemStreamLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
      lines.add(content.toString());
    }
  }

  private static InspectMojo mojo(Path model, Path json, CapturingLog log) {
    InspectMojo mojo = new InspectMojo();
    mojo.setModel(model.toFile());
    mojo.setJson(json == null ? null : json.toFile());
    mojo.setLog(log);
    return mojo;
  }

  @Test
  void printsTheSummaryAndWritesJson(@TempDir Path dir) throws Exception {
    Path model = Fixtures.path("tflite/micro_speech/micro_speech_quantized.tflite");
    Path json = dir.resolve("out/summary.json");
    CapturingLog log = new CapturingLog();

    mojo(model, json, log).execute();

    assertThat(String.join("\n", log.lines))
        .contains("DEPTHWISE_CONV_2D")
        .contains("input   ")
        .contains("MACs:         336,004 (estimated)")
        .contains("Wrote the summary as JSON to " + json.toAbsolutePath());
    JsonNode root = new ObjectMapper().readTree(Files.readString(json));
    assertThat(root.get("macs").asLong()).isEqualTo(336_004);
    assertThat(root.get("subgraphs").get(0).get("operators").get(2).get("opcode").asText())
        .isEqualTo("FULLY_CONNECTED");
  }

  @Test
  void aFileThatIsNotAModelFailsWithTheLibraryMessage(@TempDir Path dir) throws Exception {
    Path notes = dir.resolve("notes.tflite");
    Files.writeString(notes, "just some notes");

    assertThatThrownBy(() -> mojo(notes, null, new CapturingLog()).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            notes.toAbsolutePath()
                + " is not a valid .tflite model: offset 4: expected file identifier TFL3, found"
                + " \" som\"");
  }

  @Test
  void aTruncatedModelSaysSoWithItsSize(@TempDir Path dir) throws Exception {
    byte[] bytes = Files.readAllBytes(Fixtures.path("tflite/hello_world/hello_world_int8.tflite"));
    Path cut = Files.write(dir.resolve("cut.tflite"), Arrays.copyOf(bytes, 1000));

    assertThatThrownBy(() -> mojo(cut, null, new CapturingLog()).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith(
            cut.toAbsolutePath()
                + " is not a valid .tflite model: truncated (1000 bytes, needs at least ");
  }

  @Test
  void aMissingPathIsSaidNotToExistAndBothSpellingsOfTheParameterAreNamed(@TempDir Path dir) {
    Path missing = dir.resolve("missing.tflite");

    assertThatThrownBy(() -> mojo(missing, null, new CapturingLog()).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            missing.toAbsolutePath()
                + " does not exist (set -Dtinyml.model, or <model> in the plugin configuration, to"
                + " a .tflite file or a SavedModel directory)");
  }

  @Test
  void aSavedModelDirectoryShowsSignaturesTensorsAndOpsThatLower(@TempDir Path dir)
      throws Exception {
    Path savedModel = Fixtures.path("savedmodel/keras_sequential_dense_mlp");
    Path json = dir.resolve("sm.json");
    CapturingLog log = new CapturingLog();

    mojo(savedModel, json, log).execute();

    String text = String.join("\n", log.lines);
    assertThat(text)
        .contains("Signature 'serving_default': lowers to TFLite")
        .containsPattern("input +\\S+ +float +\\[\\?, 5\\]")
        .containsPattern("MatMul +x3 +lowers")
        .contains("TFLite operators (float, batch 1): FULLY_CONNECTED x3, LOGISTIC x1");
    JsonNode sig = new ObjectMapper().readTree(json.toFile()).get("metaGraphs").get(0);
    assertThat(sig.get("tags").get(0).asText()).isEqualTo("serve");
    assertThat(sig.get("signatures").get(0).get("lowers").asBoolean()).isTrue();
  }

  @Test
  void aDirectoryWithoutSavedModelPbIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> mojo(dir, null, new CapturingLog()).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(dir.resolve("saved_model.pb") + " does not exist");
  }
}
