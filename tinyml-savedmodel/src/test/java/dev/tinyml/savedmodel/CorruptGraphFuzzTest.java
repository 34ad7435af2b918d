package dev.tinyml.savedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A randomly corrupted saved_model.pb imports or fails with a SavedModelException, nothing else.
 */
class CorruptGraphFuzzTest {
  @TempDir Path tmp;

  @Test
  void corruptedSavedModelPbGivesOnlySavedModelExceptions() throws Exception {
    Path src = Fixtures.path("savedmodel/keras_sequential_dense_mlp");
    Files.createDirectories(tmp.resolve("variables"));
    for (String f :
        new String[] {"variables/variables.index", "variables/variables.data-00000-of-00001"}) {
      Files.copy(src.resolve(f), tmp.resolve(f));
    }
    byte[] pb = Files.readAllBytes(src.resolve("saved_model.pb"));
    Random rnd = new Random(7);
    int rejected = 0;
    for (int trial = 0; trial < 300; trial++) {
      byte[] mutated = pb.clone();
      for (int f = 0; f < 1 + rnd.nextInt(3); f++) {
        mutated[rnd.nextInt(mutated.length)] = (byte) rnd.nextInt(256);
      }
      Files.write(tmp.resolve("saved_model.pb"), mutated);
      try {
        SavedModelImporter.builder().build().importModel(tmp);
      } catch (SavedModelException expected) {
        rejected++;
      }
    }
    assertThat(rejected).isGreaterThan(0);
  }
}
