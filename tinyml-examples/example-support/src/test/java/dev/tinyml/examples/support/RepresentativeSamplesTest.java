package dev.tinyml.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.preprocess.Npy;
import dev.tinyml.preprocess.NpyArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepresentativeSamplesTest {

  @Test
  void writesAtMostCountSamplesSpreadOverTheExamplesWithABatchDimension(@TempDir Path dir) {
    List<float[]> examples =
        List.of(
            new float[] {0, 0.5f},
            new float[] {1, 1.5f},
            new float[] {2, 2.5f},
            new float[] {3, 3.5f});
    Path out = dir.resolve("rep");
    RepresentativeSamples.write(examples, new int[] {2, 1}, 2, out);
    assertThat(out.resolve("sample_0000.npy")).exists();
    NpyArray second = Npy.read(out.resolve("sample_0001.npy"));
    assertThat(second.shape()).containsExactly(1, 2, 1);
    assertThat(second.toFloats()).containsExactly(2f, 2.5f);
    assertThat(out.resolve("sample_0002.npy")).doesNotExist();
    assertThat(dir.resolve("rep.tmp")).doesNotExist();
  }

  @Test
  void replacesWhatTheDirectoryHeldBefore(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectories(dir.resolve("rep"));
    Files.writeString(out.resolve("stale.npy"), "old");
    RepresentativeSamples.write(List.of(new float[] {1}), new int[] {1}, 5, out);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("sample_0000.npy");
    }
  }
}
