package dev.tinyml.savedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyml.testing.Fixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture SavedModel with recorded TensorFlow outputs imports and reproduces them. */
class FixtureImportTest {
  static Stream<Arguments> cases() {
    return Stream.of(
            "tf1_half_plus_two",
            "tf2_module_half_plus_two",
            "keras_sequential_dense_mlp",
            "keras_functional_two_inputs",
            "keras_functional_mnist_mlp",
            "keras_kws_ds_cnn")
        .flatMap(m -> Stream.of(Arguments.of(m, "seed1"), Arguments.of(m, "seed2")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void importedModelMatchesTensorFlowOutputs(String model, String seed) throws Exception {
    Path expectedDir = Fixtures.path("expected/savedmodel/" + model);
    JsonNode json = new ObjectMapper().readTree(expectedDir.resolve(seed + ".json").toFile());
    ImportResult r =
        SavedModelImporter.builder().build().importModel(Fixtures.path("savedmodel/" + model));

    JsonNode inputs = json.get("inputs");
    float[][] in = new float[inputs.size()][];
    for (int i = 0; i < in.length; i++) {
      assertThat(r.inputNames().get(i)).isEqualTo(inputs.get(i).get("key").asText());
      in[i] = floats(Files.readAllBytes(expectedDir.resolve(inputs.get(i).get("file").asText())));
    }
    float[][] out = FloatRunner.run(r.model(), in);

    JsonNode outputs = json.get("outputs");
    assertThat(out.length).isEqualTo(outputs.size());
    for (int i = 0; i < out.length; i++) {
      assertThat(r.outputNames().get(i)).isEqualTo(outputs.get(i).get("key").asText());
      JsonNode values = outputs.get(i).get("values");
      float[] expected = new float[values.size()];
      for (int k = 0; k < expected.length; k++) {
        expected[k] = (float) values.get(k).asDouble();
      }
      assertThat(FloatRunner.maxRelativeError(out[i], expected, 1e-6)).isLessThanOrEqualTo(1e-5);
    }
  }

  private static float[] floats(byte[] b) {
    float[] f = new float[b.length / 4];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
    return f;
  }
}
