package dev.tinyml.preprocess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a directory of sample files (recursively, so class subfolders such as {@code yes/} and
 * {@code no/} work) and turns each into model inputs with a {@link SamplePreprocessing}. Files are
 * read in the order of their paths relative to the directory, so the result is deterministic;
 * hidden files (names starting with {@code .}) are ignored, and files with other extensions than
 * the preprocessing reads are skipped and listed.
 *
 * <pre>{@code
 * SampleDirectory.Samples s = SampleDirectory.read(
 *     Path.of("data/audio"), SamplePreprocessing.microFrontend(), new int[] {1, 49, 40, 1});
 * RepresentativeDataset data = RepresentativeDataset.ofSingleInput(s.samples());
 * }</pre>
 */
public final class SampleDirectory {
  private SampleDirectory() {}

  /**
   * What a directory gave.
   *
   * @param samples the model inputs, in file order
   * @param files the files read, relative to the directory, with {@code /} separators
   * @param skipped files with other extensions, relative to the directory
   * @param warnings what the caller should tell the user: values converted on reading (float64 or
   *     integer arrays, arrays without the batch dimension) and too few samples for calibration
   */
  public record Samples(
      List<float[]> samples, List<String> files, List<String> skipped, List<String> warnings) {
    /** Copies the lists. */
    public Samples {
      samples = List.copyOf(samples);
      files = List.copyOf(files);
      skipped = List.copyOf(skipped);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Below this many samples int8 ranges are measured on too little data: one sample, or a handful,
   * sets each tensor's range from its own extremes, and other inputs then clip or lose precision.
   */
  public static final int FEW_SAMPLES = 50;

  /**
   * Reads every sample file under {@code dir}.
   *
   * @param dir the directory
   * @param preprocessing how each file becomes model inputs
   * @param inputShape the model input's shape
   * @return the samples and the files read and skipped
   * @throws PreprocessException if the directory is missing, has no usable file, or a file cannot
   *     be read or does not fit the model input (the message names the file)
   */
  public static Samples read(Path dir, SamplePreprocessing preprocessing, int[] inputShape) {
    if (!Files.isDirectory(dir)) {
      throw new PreprocessException("No such directory " + dir);
    }
    List<Path> all;
    try (Stream<Path> s = Files.walk(dir)) {
      all =
          s.filter(Files::isRegularFile)
              .filter(p -> !hidden(dir.relativize(p)))
              .sorted(Comparator.comparing(p -> relative(dir, p)))
              .toList();
    } catch (IOException e) {
      throw new PreprocessException("Cannot list " + dir + ": " + e.getMessage(), e);
    }
    List<float[]> samples = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Path f : all) {
      if (!preprocessing.extensions().contains(Shapes.extension(f))) {
        skipped.add(relative(dir, f));
        continue;
      }
      samples.addAll(
          preprocessing instanceof SamplePreprocessing.AsIs asIs
              ? asIs.samples(f, inputShape, warnings)
              : preprocessing.samples(f, inputShape));
      files.add(relative(dir, f));
    }
    if (samples.isEmpty()) {
      throw new PreprocessException(noSamples(dir, preprocessing, all.isEmpty(), skipped));
    }
    if (samples.size() < FEW_SAMPLES) {
      warnings.add(
          "only "
              + samples.size()
              + (samples.size() == 1 ? " sample" : " samples")
              + " in "
              + dir
              + ": int8 ranges calibrated on fewer than about "
              + FEW_SAMPLES
              + " are often poor; give 100-500 inputs like those the device will see");
    }
    return new Samples(samples, files, skipped, warnings);
  }

  private static String noSamples(
      Path dir, SamplePreprocessing p, boolean empty, List<String> skipped) {
    StringBuilder m = new StringBuilder();
    m.append(empty ? "The directory " + dir + " is empty" : "No usable samples in " + dir);
    m.append("; preprocessing ")
        .append(p.name())
        .append(" reads ")
        .append(String.join(", ", p.extensions()))
        .append(" files");
    if (!skipped.isEmpty()) {
      m.append(", and the directory holds ")
          .append(skipped.size() == 1 ? "only " : "")
          .append(String.join(", ", skipped.subList(0, Math.min(5, skipped.size()))))
          .append(skipped.size() > 5 ? ", ..." : "");
      String hint = hint(skipped);
      if (!hint.isEmpty()) {
        m.append(". ").append(hint);
      }
    }
    return m.append('.').toString();
  }

  /** Suggests a preprocessing for the kind of files found. */
  private static String hint(List<String> skipped) {
    for (String f : skipped) {
      String ext = Shapes.extension(Path.of(f));
      if (ext.equals(".wav")) {
        return "For audio clips use preprocessing micro-frontend, mfcc or log-mel";
      }
      if (List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif").contains(ext)) {
        return "For images use preprocessing image";
      }
      if (ext.equals(".npy")) {
        return "For arrays already shaped like the model input use preprocessing none";
      }
    }
    return "";
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }
}
