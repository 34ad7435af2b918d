package dev.tinyml.savedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed or unsupported input gets one clear error that names the thing and what to do. */
class ImportErrorsTest {
  @TempDir Path tmp;

  private static ImportResult importDefault(Path dir) throws SavedModelException {
    return SavedModelImporter.builder().build().importModel(dir);
  }

  @Test
  void unknownSignatureListsTheAvailableOnes() {
    assertThatThrownBy(
            () -> importDefault(Fixtures.path("savedmodel/keras_subclass_multi_signature")))
        .isInstanceOf(SavedModelException.class)
        .hasMessageContaining("no signature 'serving_default'")
        .hasMessageContaining(
            "add, get_const_matrix, get_const_scalar, get_const_vector, get_variable");
  }

  @Test
  void unknownTagsListTheAvailableTagSets() {
    assertThatThrownBy(
            () ->
                SavedModelImporter.builder()
                    .tags("train")
                    .build()
                    .importModel(Fixtures.path("savedmodel/keras_sequential_dense_mlp")))
        .isInstanceOf(SavedModelException.class)
        .hasMessageContaining("no meta graph tagged train")
        .hasMessageContaining("[serve]");
  }

  @Test
  void stringExampleSignatureIsOutOfScope() {
    assertThatThrownBy(
            () ->
                SavedModelImporter.builder()
                    .signature("regress_x_to_y")
                    .build()
                    .importModel(Fixtures.path("savedmodel/tf1_half_plus_two")))
        .isInstanceOf(SavedModelException.class)
        .hasMessageContaining("input 'inputs'")
        .hasMessageContaining("of type string")
        .hasMessageContaining("tf.Example");
  }

  @Test
  void unknownRankInputCannotBeMadeStatic() {
    assertThatThrownBy(
            () ->
                SavedModelImporter.builder()
                    .signature("add")
                    .build()
                    .importModel(Fixtures.path("savedmodel/keras_subclass_multi_signature")))
        .isInstanceOf(SavedModelException.class)
        .hasMessageContaining("input 'a' has an unknown rank")
        .hasMessageContaining("TensorSpec");
  }

  @Test
  void aPathThatDoesNotExistIsSaidToNotExist() {
    Path missing = tmp.resolve("nothing");
    assertThatThrownBy(() -> importDefault(missing))
        .hasMessageStartingWith(missing + " does not exist.");
  }

  @Test
  void aFileInsteadOfADirectoryIsSaidToBeAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("model.tflite"), "x");
    assertThatThrownBy(() -> importDefault(file))
        .hasMessageStartingWith(file + " is a file, not a SavedModel directory.");
  }

  @Test
  void missingSavedModelPbIsNamed() throws IOException {
    assertThatThrownBy(() -> importDefault(tmp))
        .hasMessageContaining("saved_model.pb does not exist");
  }

  @Test
  void truncatedSavedModelPbIsReported() throws IOException {
    Path dir = copy("keras_sequential_dense_mlp");
    Path pb = dir.resolve("saved_model.pb");
    byte[] b = Files.readAllBytes(pb);
    Files.write(pb, java.util.Arrays.copyOf(b, b.length / 2));
    assertThatThrownBy(() -> importDefault(dir))
        .isInstanceOf(SavedModelException.class)
        .hasMessageContaining("saved_model.pb");
  }

  @Test
  void missingVariablesDirectoryIsReported() throws IOException {
    Path dir = copy("keras_sequential_dense_mlp");
    Files.delete(dir.resolve("variables/variables.index"));
    Files.delete(dir.resolve("variables/variables.data-00000-of-00001"));
    Files.delete(dir.resolve("variables"));
    assertThatThrownBy(() -> importDefault(dir))
        .isInstanceOf(SavedModelException.class)
        .hasMessageContaining("variables")
        .hasMessageContaining("does not exist");
  }

  @Test
  void missingDataShardIsReported() throws IOException {
    Path dir = copy("keras_sequential_dense_mlp");
    Files.delete(dir.resolve("variables/variables.data-00000-of-00001"));
    assertThatThrownBy(() -> importDefault(dir))
        .hasMessageContaining("variables.data-00000-of-00001 is missing");
  }

  @Test
  void truncatedDataShardIsReported() throws IOException {
    Path dir = copy("keras_functional_mnist_mlp");
    Path data = dir.resolve("variables/variables.data-00000-of-00001");
    byte[] b = Files.readAllBytes(data);
    Files.write(data, java.util.Arrays.copyOf(b, b.length - 100));
    assertThatThrownBy(() -> importDefault(dir)).hasMessageContaining("truncated");
  }

  @Test
  void corruptedVariableFailsItsChecksum() throws IOException {
    Path dir = copy("keras_functional_mnist_mlp");
    Path data = dir.resolve("variables/variables.data-00000-of-00001");
    byte[] b = Files.readAllBytes(data);
    b[b.length / 2] ^= 0x40;
    Files.write(data, b);
    assertThatThrownBy(() -> importDefault(dir))
        .hasMessageContaining("fails its CRC32C check")
        .hasMessageContaining("variables.data-00000-of-00001");
  }

  @Test
  void corruptedIndexBlockFailsItsChecksum() throws IOException {
    Path dir = copy("keras_sequential_dense_mlp");
    Path index = dir.resolve("variables/variables.index");
    byte[] b = Files.readAllBytes(index);
    b[20] ^= 0x01;
    Files.write(index, b);
    assertThatThrownBy(() -> importDefault(dir))
        .hasMessageContaining("variables.index")
        .hasMessageContaining("CRC32C does not match");
  }

  @Test
  void truncatedIndexIsReported() throws IOException {
    Path dir = copy("keras_sequential_dense_mlp");
    Path index = dir.resolve("variables/variables.index");
    byte[] b = Files.readAllBytes(index);
    Files.write(index, java.util.Arrays.copyOf(b, b.length - 10));
    assertThatThrownBy(() -> importDefault(dir))
        .hasMessageContaining("variables.index")
        .hasMessageContaining("magic number");
  }

  @Test
  void failedImportWritesNothing() throws IOException {
    Path dir = copy("keras_functional_mnist_mlp");
    Files.delete(dir.resolve("variables/variables.data-00000-of-00001"));
    try (Stream<Path> before = Files.walk(tmp)) {
      long count = before.count();
      assertThatThrownBy(() -> importDefault(dir)).isInstanceOf(SavedModelException.class);
      try (Stream<Path> after = Files.walk(tmp)) {
        assertThat(after.count()).isEqualTo(count);
      }
    }
  }

  private Path copy(String fixture) throws IOException {
    Path src = Fixtures.path("savedmodel/" + fixture);
    Path dst = tmp.resolve(fixture);
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return dst;
  }
}
