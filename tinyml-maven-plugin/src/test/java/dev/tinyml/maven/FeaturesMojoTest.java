package dev.tinyml.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyml.preprocess.Npy;
import dev.tinyml.testing.Fixtures;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesMojoTest {

  private static FeaturesMojo mojo(File input, String features) {
    FeaturesMojo mojo = new FeaturesMojo();
    mojo.input = input;
    mojo.features = features;
    return mojo;
  }

  @Test
  void writesFrontendJsonEqualToTheTflmRecording(@TempDir Path dir) throws Exception {
    FeaturesMojo mojo =
        mojo(Fixtures.path("audio/micro_speech/yes_1000ms.wav").toFile(), "micro-frontend");
    mojo.json = dir.resolve("out/yes.json").toFile();

    mojo.execute();

    ObjectMapper mapper = new ObjectMapper();
    JsonNode written = mapper.readTree(mojo.json);
    JsonNode expected =
        mapper.readTree(Fixtures.path("expected/micro_frontend/yes_1000ms.json").toFile());
    assertThat(written.get("features").asText()).isEqualTo("micro-frontend");
    assertThat(written.get("frames")).isEqualTo(expected.get("features_uint16"));
    assertThat(written.get("int8")).isEqualTo(expected.get("features_int8"));
  }

  @Test
  void writesMfccAsFloat32Npy(@TempDir Path dir) throws Exception {
    FeaturesMojo mojo = mojo(Fixtures.path("audio/micro_speech/no_1000ms.wav").toFile(), "mfcc");
    mojo.npy = dir.resolve("no.npy").toFile();

    mojo.execute();

    assertThat(Npy.read(mojo.npy.toPath()).shape()).containsExactly(49, 10);
  }

  @Test
  void unknownFeatureNameListsTheValidOnes() {
    FeaturesMojo mojo = mojo(Fixtures.path("audio/micro_speech/no_30ms.wav").toFile(), "fbank");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("Unknown feature kind 'fbank'")
        .hasMessageContaining("micro-frontend, log-mel, mfcc, spectrogram");
  }

  @Test
  void missingInputFileIsAMojoFailureNamingIt(@TempDir Path dir) {
    FeaturesMojo mojo = mojo(dir.resolve("missing.wav").toFile(), "micro-frontend");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("missing.wav does not exist");
  }

  @Test
  void truncatedWavIsAMojoFailure(@TempDir Path dir) throws Exception {
    byte[] wav = java.nio.file.Files.readAllBytes(Fixtures.path("audio/micro_speech/yes_30ms.wav"));
    Path cut = dir.resolve("cut.wav");
    java.nio.file.Files.write(cut, java.util.Arrays.copyOf(wav, 500));

    assertThatThrownBy(mojo(cut.toFile(), "mfcc")::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("is truncated");
  }

  private static JsonNode predict(Path model, Path input, Path json) throws Exception {
    PredictMojo predict = new PredictMojo();
    predict.model = model.toFile();
    predict.input = input.toString();
    predict.json = json.toFile();
    predict.execute();
    return new ObjectMapper().readTree(json.toFile()).get("outputs").get(0);
  }

  @Test
  void theInt8FormChainsIntoPredictAndGivesTheDevicesScores(@TempDir Path dir) throws Exception {
    FeaturesMojo features =
        mojo(Fixtures.path("audio/micro_speech/no_1000ms.wav").toFile(), "micro-frontend");
    features.npy = dir.resolve("no.npy").toFile();
    features.npyForm = "int8";
    features.execute();

    JsonNode out =
        predict(
            Fixtures.path("tflite/micro_speech/micro_speech_quantized.tflite"),
            features.npy.toPath(),
            dir.resolve("scores.json"));

    JsonNode expected =
        new ObjectMapper()
            .readTree(Fixtures.path("expected/micro_speech/no_1000ms.json").toFile())
            .get("outputs")
            .get(0);
    assertThat(out.get("values")).isEqualTo(expected.get("values"));
  }

  @Test
  void theFloatFormChainsIntoPredictOfAnInt8Model(@TempDir Path dir) throws Exception {
    FeaturesMojo features =
        mojo(Fixtures.path("audio/micro_speech/no_1000ms.wav").toFile(), "micro-frontend");
    features.npy = dir.resolve("no.npy").toFile();
    features.npyForm = "float";
    features.execute();

    JsonNode out =
        predict(
            Fixtures.path("tflite/micro_speech/micro_speech_quantized.tflite"),
            features.npy.toPath(),
            dir.resolve("scores.json"));

    // silence, unknown, yes, no: the clip says "no".
    JsonNode v = out.get("values");
    assertThat(v.get(3).asInt()).isGreaterThan(v.get(0).asInt()).isGreaterThan(v.get(2).asInt());
  }
}
