package dev.tinyml.examples.anomaly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Accelerometer windows read from a CSV file of rows {@code label,v0,...,v191} (sample-major x, y,
 * z in g).
 *
 * @param windows one array of {@code WINDOW * AXES} values per window
 * @param labels 0 for normal operation, 1 for a fault
 */
record VibrationData(float[][] windows, int[] labels) {

  /** Values per window. */
  static final int VALUES = VibrationGenerator.WINDOW * VibrationGenerator.AXES;

  static VibrationData read(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
    lines = lines.stream().filter(l -> !l.isBlank()).toList();
    float[][] windows = new float[lines.size()][VALUES];
    int[] labels = new int[lines.size()];
    for (int row = 0; row < lines.size(); row++) {
      String[] cells = lines.get(row).split(",");
      if (cells.length != VALUES + 1) {
        throw new IllegalArgumentException(
            csv
                + " line "
                + (row + 1)
                + " has "
                + cells.length
                + " values, expected a label and "
                + VALUES
                + " values (x, y, z of "
                + VibrationGenerator.WINDOW
                + " samples)");
      }
      try {
        labels[row] = Integer.parseInt(cells[0].trim());
        for (int i = 0; i < VALUES; i++) {
          windows[row][i] = Float.parseFloat(cells[i + 1].trim());
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(csv + " line " + (row + 1) + ": " + e.getMessage(), e);
      }
      if (labels[row] != 0 && labels[row] != 1) {
        throw new IllegalArgumentException(
            csv + " line " + (row + 1) + " has label " + labels[row] + ", expected 0 or 1");
      }
    }
    return new VibrationData(windows, labels);
  }

  int size() {
    return labels.length;
  }
}
