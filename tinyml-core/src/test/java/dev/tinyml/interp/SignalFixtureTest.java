package dev.tinyml.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.preprocess.Wav;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs TFLM's micro_speech audio front-end graphs (signal-library custom ops) on one 30 ms frame
 * from fresh state and requires the origin test's expected int8 features exactly.
 */
class SignalFixtureTest {

  private static final String DIR = "tflite/micro_speech/";

  private static short[] frame(String clip) throws Exception {
    short[] pcm = Wav.read(Fixtures.path("audio/micro_speech/" + clip + ".wav")).toPcm16();
    assertThat(pcm).hasSize(480);
    return pcm;
  }

  private static byte[] expected(String clip) throws Exception {
    String csv =
        Files.readString(
                Fixtures.path("audio/micro_speech/" + clip + "_expected_features_int8.csv"))
            .trim();
    String[] parts = csv.split(",");
    byte[] b = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      b[i] = (byte) Integer.parseInt(parts[i].trim());
    }
    return b;
  }

  private static Interpreter interpreter(String model) throws Exception {
    return PreparedModel.prepare(TfliteReader.read(Fixtures.path(DIR + model))).newInterpreter();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes_30ms", "no_30ms"})
  void int8GraphGivesTheOriginTestsFeaturesExactly(String clip) throws Exception {
    Interpreter it = interpreter("audio_preprocessor_int8.tflite");
    it.input(0).setInt16(frame(clip));
    it.invoke();
    assertThat(it.output(0).int8()).containsExactly(expected(clip));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes_30ms", "no_30ms"})
  void floatGraphQuantizedAsTheInt8GraphMatchesIt(String clip) throws Exception {
    Interpreter f = interpreter("audio_preprocessor_float.tflite");
    f.input(0).setInt16(frame(clip));
    f.invoke();
    float[] features = f.output(0).floats();
    byte[] want = expected(clip);
    assertThat(features).hasSize(want.length);
    for (int i = 0; i < want.length; i++) {
      // The float output is v / 25.6 for the int16 log value v; the int8 graph computes
      // clamp((v * 256 + 333) / 666 - 128) with v recovered exactly from the float.
      int v = Math.round(features[i] * 25.6f);
      assertThat(features[i]).isEqualTo((float) (v / 25.6));
      int q = Math.max(-128, Math.min(127, (v * 256 + 333) / 666 - 128));
      assertThat(q).as("feature %d", i).isEqualTo(want[i]);
    }
  }

  @ParameterizedTest
  @CsvSource({"yes_1000ms, 2", "no_1000ms, 3", "silence_1000ms, 0", "noise_1000ms, 0"})
  void fortyNineStatefulFramesClassifyAsTheOriginTestExpects(String clip, int label)
      throws Exception {
    short[] pcm = Wav.read(Fixtures.path("audio/micro_speech/" + clip + ".wav")).toPcm16();
    Interpreter front = interpreter("audio_preprocessor_int8.tflite");
    byte[] features = new byte[49 * 40];
    short[] window = new short[480];
    for (int f = 0; f < 49; f++) {
      System.arraycopy(pcm, 320 * f, window, 0, 480);
      front.input(0).setInt16(window);
      front.invoke();
      System.arraycopy(front.output(0).int8(), 0, features, 40 * f, 40);
    }
    Interpreter model = interpreter("micro_speech_quantized.tflite");
    model.input(0).setInt8(features);
    model.invoke();
    byte[] scores = model.output(0).int8();
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      best = scores[i] > scores[best] ? i : best;
    }
    assertThat(best).as("scores %s", Arrays.toString(scores)).isEqualTo(label);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes_30ms"})
  void stateCarriesOverInvokesAndResetStateRestoresIt(String clip) throws Exception {
    Interpreter it = interpreter("audio_preprocessor_int8.tflite");
    it.input(0).setInt16(frame(clip));
    it.invoke();
    byte[] first = it.output(0).int8();
    it.invoke();
    byte[] second = it.output(0).int8();
    // The noise estimate grew from zero, so the same frame now yields smaller features.
    assertThat(Arrays.equals(first, second)).isFalse();
    it.resetState();
    it.invoke();
    assertThat(it.output(0).int8()).containsExactly(first);
  }

  @ParameterizedTest
  @ValueSource(strings = {"no_30ms"})
  void interpretersOfOnePreparedModelKeepSeparateState(String clip) throws Exception {
    PreparedModel prepared =
        PreparedModel.prepare(
            TfliteReader.read(Fixtures.path(DIR + "audio_preprocessor_int8.tflite")));
    Interpreter busy = prepared.newInterpreter();
    busy.input(0).setInt16(frame(clip));
    for (int i = 0; i < 5; i++) {
      busy.invoke();
    }
    Interpreter fresh = prepared.newInterpreter();
    fresh.input(0).setInt16(frame(clip));
    fresh.invoke();
    assertThat(fresh.output(0).int8()).containsExactly(expected(clip));
  }
}
