package dev.tinyml.savedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomly corrupted variables.index files never escape as anything but a {@link
 * SavedModelException}: no array index, negative size or protobuf exception from deep inside.
 */
class CorruptIndexFuzzTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(
      strings = {"tf1_half_plus_two", "tf2_module_half_plus_two", "keras_sequential_dense_mlp"})
  void corruptedIndexGivesOnlySavedModelExceptions(String fixture) throws Exception {
    Path original = Fixtures.path("savedmodel/" + fixture + "/variables/variables.index");
    byte[] bytes = Files.readAllBytes(original);
    Path dir = tmp;
    Path prefix = dir.resolve("variables");
    Files.copy(
        Fixtures.path("savedmodel/" + fixture + "/variables/variables.data-00000-of-00001"),
        dir.resolve("variables.data-00000-of-00001"));
    Random rnd = new Random(fixture.hashCode());
    int rejected = 0;
    for (int trial = 0; trial < 400; trial++) {
      byte[] mutated = bytes.clone();
      int flips = 1 + rnd.nextInt(4);
      for (int f = 0; f < flips; f++) {
        mutated[rnd.nextInt(mutated.length)] = (byte) rnd.nextInt(256);
      }
      if (rnd.nextInt(5) == 0) {
        mutated = java.util.Arrays.copyOf(mutated, rnd.nextInt(mutated.length));
      }
      Files.write(dir.resolve("variables.index"), mutated);
      try {
        TensorBundle b = TensorBundle.open(prefix);
        for (String key : b.keys()) {
          b.read(key);
        }
      } catch (SavedModelException expected) {
        rejected++;
      }
    }
    assertThat(rejected).isGreaterThan(0);
  }
}
