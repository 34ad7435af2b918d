package dev.tinyml.savedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteReader;
import dev.tinyml.tflite.TfliteWriter;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Imported models are valid TFLite files: they pass the writer, read back and run the same. */
class WrittenModelTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "tf1_half_plus_two",
        "tf2_module_half_plus_two",
        "keras_sequential_dense_mlp",
        "keras_functional_two_inputs",
        "keras_functional_mnist_mlp",
        "keras_kws_ds_cnn"
      })
  void importedModelIsWrittenDeterministicallyAndRunsTheSameAfterReadingBack(String name)
      throws Exception {
    ImportResult r =
        SavedModelImporter.builder().build().importModel(Fixtures.path("savedmodel/" + name));
    byte[] bytes = TfliteWriter.write(r.model());
    byte[] again =
        TfliteWriter.write(
            SavedModelImporter.builder()
                .build()
                .importModel(Fixtures.path("savedmodel/" + name))
                .model());
    assertThat(again).isEqualTo(bytes);

    Model read = TfliteReader.read(bytes);
    Random rnd = new Random(42);
    float[][] in = new float[r.inputNames().size()][];
    for (int i = 0; i < in.length; i++) {
      int[] shape =
          r.model().primarySubgraph().tensor(r.model().primarySubgraph().inputs()[i]).shape();
      in[i] = TfOracle.random(rnd, TfOracle.count(shape), 1f);
    }
    float[][] direct = FloatRunner.run(r.model(), in);
    float[][] roundTrip = FloatRunner.run(read, in);
    assertThat(roundTrip).isDeepEqualTo(direct);
  }
}
