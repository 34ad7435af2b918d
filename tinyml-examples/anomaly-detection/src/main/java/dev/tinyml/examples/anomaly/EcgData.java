package dev.tinyml.examples.anomaly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Heartbeat windows read from a CSV file of rows {@code label,x0,...,x139}.
 *
 * @param beats one array of {@value EcgGenerator#SAMPLES} samples per beat
 * @param labels 0 for normal, 1 for anomalous
 */
record EcgData(float[][] beats, int[] labels) {

  static EcgData read(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
    lines = lines.stream().filter(l -> !l.isBlank()).toList();
    float[][] beats = new float[lines.size()][EcgGenerator.SAMPLES];
    int[] labels = new int[lines.size()];
    for (int row = 0; row < lines.size(); row++) {
      String[] cells = lines.get(row).split(",");
      if (cells.length != EcgGenerator.SAMPLES + 1) {
        throw new IllegalArgumentException(
            csv
                + " line "
                + (row + 1)
                + " has "
                + cells.length
                + " values, expected a label and "
                + EcgGenerator.SAMPLES
                + " samples");
      }
      try {
        labels[row] = Integer.parseInt(cells[0].trim());
        for (int i = 0; i < EcgGenerator.SAMPLES; i++) {
          beats[row][i] = Float.parseFloat(cells[i + 1].trim());
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(csv + " line " + (row + 1) + ": " + e.getMessage(), e);
      }
      if (labels[row] != 0 && labels[row] != 1) {
        throw new IllegalArgumentException(
            csv + " line " + (row + 1) + " has label " + labels[row] + ", expected 0 or 1");
      }
    }
    return new EcgData(beats, labels);
  }

  int size() {
    return labels.length;
  }
}
