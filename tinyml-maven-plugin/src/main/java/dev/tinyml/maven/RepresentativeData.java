package dev.tinyml.maven;

import dev.tinyml.preprocess.Npy;
import dev.tinyml.preprocess.NpyArray;
import dev.tinyml.preprocess.PreprocessException;
import dev.tinyml.quant.RepresentativeDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Reads a directory of representative samples that are already model inputs: {@code .npy} files
 * (one sample, or a batch whose size is a multiple of the input) and {@code .csv} files (one sample
 * per line), for a single-input model. Files are read in path order, so calibration is
 * deterministic.
 */
final class RepresentativeData {
  private RepresentativeData() {}

  static RepresentativeDataset load(Path dir, List<Integer> inputElementCounts)
      throws MojoFailureException {
    if (inputElementCounts.size() != 1) {
      throw new MojoFailureException(
          "tinyml.representativeData: the model has "
              + inputElementCounts.size()
              + " inputs; samples from a directory are supported for single-input models only.");
    }
    int n = inputElementCounts.get(0);
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new MojoFailureException("Cannot list tinyml.representativeData " + dir + ": " + e, e);
    }
    List<float[]> samples = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".npy")) {
        npy(f, n, samples);
      } else if (name.endsWith(".csv")) {
        csv(f, n, samples);
      } else {
        throw new MojoFailureException(
            "tinyml.representativeData: "
                + f
                + " is not a sample this goal reads. Give .npy or .csv samples shaped like the"
                + " model input ("
                + n
                + " values each); turn WAV or image files into such features first with the"
                + " tinyml:features goal.");
      }
    }
    if (samples.isEmpty()) {
      throw new MojoFailureException(
          "tinyml.representativeData: no samples in " + dir + " (expected .npy or .csv files).");
    }
    return RepresentativeDataset.ofSingleInput(samples);
  }

  private static void npy(Path f, int n, List<float[]> samples) throws MojoFailureException {
    NpyArray a;
    try {
      a = Npy.read(f);
    } catch (PreprocessException e) {
      throw new MojoFailureException("tinyml.representativeData: " + e.getMessage(), e);
    }
    float[] v = a.toFloats();
    if (v.length == 0 || v.length % n != 0) {
      throw new MojoFailureException(
          "tinyml.representativeData: "
              + f
              + " holds "
              + v.length
              + " values, not a multiple of the model input's "
              + n);
    }
    for (int off = 0; off < v.length; off += n) {
      float[] s = new float[n];
      System.arraycopy(v, off, s, 0, n);
      samples.add(s);
    }
  }

  private static void csv(Path f, int n, List<float[]> samples) throws MojoFailureException {
    List<String> lines;
    try {
      lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoFailureException("Cannot read " + f + ": " + e, e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split("[,;\\s]+");
      if (cells.length != n) {
        throw new MojoFailureException(
            "tinyml.representativeData: "
                + f
                + " line "
                + (i + 1)
                + " has "
                + cells.length
                + " values; each line is one sample of the model input's "
                + n
                + " values.");
      }
      float[] s = new float[n];
      for (int k = 0; k < n; k++) {
        try {
          s[k] = Float.parseFloat(cells[k]);
        } catch (NumberFormatException e) {
          throw new MojoFailureException(
              "tinyml.representativeData: "
                  + f
                  + " line "
                  + (i + 1)
                  + " value "
                  + (k + 1)
                  + " is not a number: '"
                  + cells[k]
                  + "'");
        }
      }
      samples.add(s);
    }
  }
}
