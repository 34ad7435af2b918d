package dev.tinyml.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture model that has recorded TFLM outputs on the recorded inputs and requires the
 * same integers (and the same float32 values, which the files print round-trippably).
 */
class FixtureConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, PreparedModel> PREPARED = new HashMap<>();

  static Stream<String> cases() throws Exception {
    List<String> cases = new ArrayList<>();
    for (String dir :
        new String[] {
          "hello_world_float", "hello_world_int8", "micro_speech", "person_detect",
          "kws_ref_model", "magic_wand", "model_runner_int8_float_io", "simple_add_model",
          "single_mul", "keyword_scrambled", "dtln"
        }) {
      for (Path p : Fixtures.files("expected/" + dir, ".json")) {
        cases.add("expected/" + dir + "/" + p.getFileName());
      }
    }
    return cases.stream().sorted();
  }

  private static synchronized PreparedModel prepared(String model) throws Exception {
    PreparedModel p = PREPARED.get(model);
    if (p == null) {
      p = PreparedModel.prepare(TfliteReader.read(Fixtures.path(model)));
      PREPARED.put(model, p);
    }
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputsEqualTflmIntegerForInteger(String expectedFile) throws Exception {
    JsonNode expected = JSON.readTree(Fixtures.path(expectedFile).toFile());
    Interpreter it = prepared(expected.get("model").asText()).newInterpreter();
    JsonNode inputs = expected.get("inputs");
    for (int k = 0; k < inputs.size(); k++) {
      it.input(k).setBytes(Files.readAllBytes(Fixtures.path(inputs.get(k).get("file").asText())));
    }
    it.invoke();
    JsonNode outputs = expected.get("outputs");
    for (int k = 0; k < outputs.size(); k++) {
      JsonNode out = outputs.get(k);
      TensorBuffer actual = it.output(k);
      assertThat(actual.info().shape())
          .containsExactly(JSON.convertValue(out.get("shape"), int[].class));
      JsonNode values = out.get("values");
      if (actual.info().type() == TensorType.FLOAT32) {
        float[] got = actual.floats();
        float[] want = new float[values.size()];
        for (int i = 0; i < want.length; i++) {
          want[i] = Float.parseFloat(values.get(i).asText());
        }
        assertThat(got).as("output %d of %s", k, expectedFile).containsExactly(want);
      } else {
        double[] got = actual.values();
        double[] want = new double[values.size()];
        for (int i = 0; i < want.length; i++) {
          want[i] = values.get(i).asLong();
        }
        assertThat(got).as("output %d of %s", k, expectedFile).containsExactly(want);
      }
    }
  }

  @Test
  void theHybridKwsModelIsRefusedAsTflmRefusesIt() throws Exception {
    Model hybrid =
        TfliteReader.read(Fixtures.path("tflite/kws_mlperf_tiny/kws_ref_model_float32.tflite"));
    assertThatThrownBy(() -> PreparedModel.prepare(hybrid))
        .isInstanceOf(InterpreterException.class)
        .hasMessageStartingWith("op #0 CONV_2D: Hybrid models are not supported on TFLite Micro");
  }
}
