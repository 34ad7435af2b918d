package dev.tinyml.examples.support;

import dev.tinyml.preprocess.Npy;
import dev.tinyml.preprocess.NpyArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes the representative dataset the plugin's {@code convert} goal calibrates int8 ranges on: a
 * directory of NumPy {@code .npy} files, one per sample, each a little-endian float32 array of the
 * model's input shape with batch 1 (exactly what the model's input receives, so no preprocessing is
 * needed to read them), written with {@link Npy}.
 */
public final class RepresentativeSamples {

  private RepresentativeSamples() {}

  /**
   * Writes up to {@code count} of {@code examples}, spread evenly over the list, to {@code dir}
   * (replacing its contents; a temporary sibling directory is filled first).
   *
   * @param examples model inputs, flattened row-major
   * @param inputShape shape of one example without the batch
   * @param count how many samples to keep at most
   * @param dir the output directory
   */
  public static void write(List<float[]> examples, int[] inputShape, int count, Path dir) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no examples to write as representative data");
    }
    Path target = dir.toAbsolutePath();
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      SavedModelExport.deleteRecursively(tmp);
      Files.createDirectories(tmp);
      int n = Math.min(count, examples.size());
      for (int i = 0; i < n; i++) {
        float[] example = examples.get((int) ((long) i * examples.size() / n));
        Files.write(
            tmp.resolve(String.format(Locale.ROOT, "sample_%04d.npy", i)),
            Npy.toBytes(NpyArray.ofFloats(example, withBatch(inputShape))));
      }
      SavedModelExport.deleteRecursively(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write representative data to " + target + ": " + e.getMessage(), e);
    }
  }

  private static int[] withBatch(int[] shape) {
    int[] dims = new int[shape.length + 1];
    dims[0] = 1;
    System.arraycopy(shape, 0, dims, 1, shape.length);
    return dims;
  }
}
