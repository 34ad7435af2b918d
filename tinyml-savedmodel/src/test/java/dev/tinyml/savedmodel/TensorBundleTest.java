package dev.tinyml.savedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.testing.Fixtures;
import org.junit.jupiter.api.Test;

class TensorBundleTest {
  @Test
  void readsTf1BundleWithSnappyCompressedDataBlock() throws Exception {
    TensorBundle b =
        TensorBundle.open(
            Fixtures.path("savedmodel/tf1_half_plus_two/variables").resolve("variables"));
    assertThat(b.keys()).containsExactly("a", "a2", "b", "c", "c2");
    assertThat(b.read("a").floats()).containsExactly(0.5f);
    assertThat(b.read("b").floats()).containsExactly(2f);
    assertThat(b.read("c2").floats()).containsExactly(3f);
  }

  @Test
  void readsTf2ObjectKeysAndStringObjectGraph() throws Exception {
    TensorBundle b =
        TensorBundle.open(
            Fixtures.path("savedmodel/tf2_module_half_plus_two/variables").resolve("variables"));
    assertThat(b.keys()).contains("a/.ATTRIBUTES/VARIABLE_VALUE", Variables.OBJECT_GRAPH_KEY);
    assertThat(b.read("a/.ATTRIBUTES/VARIABLE_VALUE").floats()).containsExactly(0.5f);
    TensorValue graph = b.read(Variables.OBJECT_GRAPH_KEY);
    assertThat(graph.strings()).hasSize(1);
  }

  @Test
  void readsKerasKernelsWithShapes() throws Exception {
    TensorBundle b =
        TensorBundle.open(
            Fixtures.path("savedmodel/keras_functional_mnist_mlp/variables").resolve("variables"));
    String key =
        b.keys().stream()
            .filter(k -> k.endsWith("kernel/.ATTRIBUTES/VARIABLE_VALUE"))
            .sorted()
            .findFirst()
            .orElseThrow();
    TensorValue kernel = b.read(key);
    assertThat(kernel.shape()).containsExactly(784, 100);
    assertThat(kernel.floats()).hasSize(78400);
  }

  @Test
  void keysTrackableVariablesByGraphName() throws Exception {
    Variables v = new Variables(Fixtures.path("savedmodel/keras_sequential_dense_mlp"), null);
    TensorValue kernel = v.value("test_in/kernel", "test_in/kernel");
    assertThat(kernel.shape()).containsExactly(5, 5);
  }

  @Test
  void maskedCrcRoundTrips() {
    for (int crc : new int[] {0, 1, -1, 0x12345678, 0xa282ead8}) {
      assertThat(Crc32c.unmask(Crc32c.mask(crc))).isEqualTo(crc);
    }
  }
}
