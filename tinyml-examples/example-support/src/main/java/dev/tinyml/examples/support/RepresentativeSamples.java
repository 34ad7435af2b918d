package dev.tinyml.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * Writes the representative dataset the plugin's {@code convert} goal calibrates int8 ranges on: a
 * directory of NumPy {@code .npy} files, one per sample, each a little-endian float32 array of the
 * model's input shape with batch 1 (exactly what the model's input receives, so no preprocessing is
 * needed to read them).
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
            npy(example, inputShape));
      }
      SavedModelExport.deleteRecursively(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write representative data to " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads back the samples {@link #write} wrote, in file-name order.
   *
   * @param dir the directory of {@code .npy} files
   * @return one flat float array per file
   */
  public static List<float[]> read(Path dir) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".npy")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list representative data " + dir + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "no .npy files in " + dir + ": train first (the trainer writes them)");
    }
    List<float[]> samples = new ArrayList<>();
    for (Path file : files) {
      try {
        samples.add(floatsOf(Files.readAllBytes(file), file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return samples;
  }

  /** The float32 values of an {@code .npy} file written by {@link #npy}. */
  static float[] floatsOf(byte[] npy, Path file) {
    if (npy.length < 10 || (npy[0] & 0xFF) != 0x93 || npy[6] != 1) {
      throw new IllegalArgumentException(file + " is not a version 1.0 .npy file");
    }
    int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
    String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
    if (!header.contains("'descr': '<f4'") || !header.contains("'fortran_order': False")) {
      throw new IllegalArgumentException(
          file + " does not hold little-endian float32 in C order: " + header.strip());
    }
    int offset = 10 + headerLength;
    if ((npy.length - offset) % 4 != 0) {
      throw new IllegalArgumentException(file + " has a truncated float32 payload");
    }
    float[] values = new float[(npy.length - offset) / 4];
    ByteBuffer.wrap(npy, offset, npy.length - offset)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(values);
    return values;
  }

  /** One {@code .npy} file (format version 1.0) holding {@code values} as {@code [1, ...shape]}. */
  static byte[] npy(float[] values, int[] shape) {
    long size = 1;
    StringJoiner dims = new StringJoiner(", ", "(1, ", shape.length == 0 ? ",)" : ")");
    for (int d : shape) {
      size *= d;
      dims.add(Integer.toString(d));
    }
    if (size != values.length) {
      throw new IllegalArgumentException(
          values.length + " values do not fill shape " + java.util.Arrays.toString(shape));
    }
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + dims + ", }";
    // Magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of 64
    // and ended by a newline, as the format asks.
    int unpadded = 10 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out =
        ByteBuffer.allocate(10 + headerBytes.length + 4 * values.length)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    out.put((byte) 1).put((byte) 0);
    out.putShort((short) headerBytes.length);
    out.put(headerBytes);
    for (float v : values) {
      out.putFloat(v);
    }
    return out.array();
  }
}
