package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyml.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioFeaturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void frontendInt8IsTheRecordedMicroSpeechModelInput() throws IOException {
    AudioFeatures f =
        AudioFeatures.compute(
            Fixtures.path("audio/micro_speech/no_1000ms.wav"), FeatureKind.MICRO_FRONTEND);

    assertThat(f.int8Flat())
        .isEqualTo(Files.readAllBytes(Fixtures.path("expected/micro_speech/no_1000ms.input0.bin")));
  }

  @Test
  void jsonHasFramesAndInt8AsIntegers() throws IOException {
    AudioFeatures f =
        AudioFeatures.compute(
            Fixtures.path("audio/micro_speech/yes_30ms.wav"), FeatureKind.MICRO_FRONTEND);
    JsonNode expected =
        JSON.readTree(Fixtures.path("expected/micro_frontend/yes_30ms.json").toFile());

    JsonNode json = JSON.readTree(f.toJson());

    assertThat(json.get("features").asText()).isEqualTo("micro-frontend");
    assertThat(json.get("frames")).isEqualTo(expected.get("features_uint16"));
    assertThat(json.get("int8")).isEqualTo(expected.get("features_int8"));
  }

  @Test
  void spectralKindsHaveTheirShapesAndNoInt8() {
    Path wav = Fixtures.path("audio/micro_speech/yes_1000ms.wav");

    assertThat(AudioFeatures.compute(wav, FeatureKind.MFCC).frames()).hasDimensions(49, 10);
    assertThat(AudioFeatures.compute(wav, FeatureKind.LOG_MEL).frames()).hasDimensions(49, 40);
    AudioFeatures spec = AudioFeatures.compute(wav, FeatureKind.SPECTROGRAM);
    assertThat(spec.frames()).hasDimensions(49, 257);
    assertThat(spec.int8()).isNull();
    assertThat(spec.toJson()).doesNotContain("\"int8\"");
  }

  @Test
  void otherSampleRatesAreResampledTo16k() {
    AudioClip clip = Wav.read(Fixtures.path("audio/micro_speech/yes_1000ms.wav"));
    AudioClip at44k = clip.resampleTo(44100);

    AudioFeatures f = AudioFeatures.compute(at44k, FeatureKind.MICRO_FRONTEND, "yes@44k");

    assertThat(f.sampleRate()).isEqualTo(16000);
    assertThat(f.frames()).hasNumberOfRows(49);
  }

  @Test
  void npyOfTheFrontendIsUint16(@TempDir Path dir) throws IOException {
    AudioFeatures f =
        AudioFeatures.compute(
            Fixtures.path("audio/micro_speech/yes_30ms.wav"), FeatureKind.MICRO_FRONTEND);
    Path out = dir.resolve("f.npy");

    Npy.write(out, f.toNpy());

    NpyArray back = Npy.read(out);
    assertThat(back.dtype()).isEqualTo(NpyArray.Dtype.UINT16);
    assertThat(back.shape()).containsExactly(1, 40);
    assertThat(back.toLongs()[0]).isEqualTo(656L);
  }

  @Test
  void summaryNamesShapeAndFirstFrame() {
    AudioFeatures f =
        AudioFeatures.compute(
            Fixtures.path("audio/micro_speech/yes_30ms.wav"), FeatureKind.MICRO_FRONTEND);

    assertThat(f.summary())
        .contains("micro-frontend: 1 frames x 40 features")
        .contains("frame 0: [656, 605,")
        .contains("frame 0 int8: [124, 105,");
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> AudioFeatures.compute(dir.resolve("x.wav"), FeatureKind.MFCC))
        .isInstanceOf(PreprocessException.class)
        .hasMessageContaining("x.wav does not exist");
  }

  @Test
  void theInt8FormIsTheModelInputShapedFramesByFeatures() throws IOException {
    AudioFeatures f =
        AudioFeatures.compute(
            Fixtures.path("audio/micro_speech/no_1000ms.wav"), FeatureKind.MICRO_FRONTEND);

    NpyArray a = f.toNpy(FeatureForm.INT8);

    assertThat(a.dtype()).isEqualTo(NpyArray.Dtype.INT8);
    assertThat(a.shape()).containsExactly(49, 40);
    assertThat(a.data())
        .isEqualTo(Files.readAllBytes(Fixtures.path("expected/micro_speech/no_1000ms.input0.bin")));
  }

  @Test
  void theFloatFormDividesFrontendOutputsBy25point6() {
    AudioFeatures f =
        AudioFeatures.compute(
            Fixtures.path("audio/micro_speech/no_1000ms.wav"), FeatureKind.MICRO_FRONTEND);

    double[] real = f.toNpy(FeatureForm.FLOAT).toDoubles();

    assertThat(f.toNpy(FeatureForm.FLOAT).dtype()).isEqualTo(NpyArray.Dtype.FLOAT32);
    assertThat(real[41]).isEqualTo(f.frames()[1][1] / 25.6f);
  }

  @Test
  void theInt8FormOfFloatFeaturesIsRefusedNamingTheFormsThatExist() {
    AudioFeatures f =
        AudioFeatures.compute(Fixtures.path("audio/micro_speech/no_1000ms.wav"), FeatureKind.MFCC);

    assertThatThrownBy(() -> f.toNpy(FeatureForm.INT8))
        .isInstanceOf(PreprocessException.class)
        .hasMessageContaining("micro-frontend features only")
        .hasMessageContaining("use the float or frames form");
  }

  @Test
  void anUnknownFormNamesTheValidOnes() {
    assertThatThrownBy(() -> FeatureForm.fromId("uint16"))
        .isInstanceOf(PreprocessException.class)
        .hasMessage("Unknown feature form 'uint16'; valid forms are frames, int8, float");
  }
}
