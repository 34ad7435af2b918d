package dev.tinyml.preprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of numeric samples, one row per time step and one column per channel (for example an
 * accelerometer's x, y, z), as read from CSV.
 *
 * @param columns the column names (from the header line, or {@code c0, c1, ...})
 * @param rows the values, {@code rows[t][channel]}
 */
public record TimeSeries(List<String> columns, float[][] rows) {

  /** Validates the table. */
  public TimeSeries {
    columns = List.copyOf(columns);
    for (int t = 0; t < rows.length; t++) {
      if (rows[t].length != columns.size()) {
        throw new PreprocessException(
            "Time series row "
                + t
                + " has "
                + rows[t].length
                + " values, expected "
                + columns.size());
      }
    }
  }

  /**
   * Reads a CSV file of numbers separated by commas (or semicolons, or tabs). A first line that is
   * not numeric is taken as the header; blank lines and lines starting with {@code #} are skipped.
   *
   * @param file the CSV file
   * @return the table
   * @throws PreprocessException naming the file, line and column of a bad value or ragged row
   */
  public static TimeSeries readCsv(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PreprocessException("CSV file " + file + " does not exist");
    } catch (IOException e) {
      throw new PreprocessException("Cannot read CSV file " + file + ": " + e.getMessage(), e);
    }
    List<String> header = null;
    List<float[]> rows = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("[,;\t]", -1);
      if (header == null && rows.isEmpty() && !isNumber(cells[0].strip())) {
        header = new ArrayList<>();
        for (String c : cells) {
          header.add(c.strip());
        }
        continue;
      }
      int expected =
          header != null ? header.size() : rows.isEmpty() ? cells.length : rows.get(0).length;
      if (cells.length != expected) {
        throw new PreprocessException(
            file + " line " + (n + 1) + " has " + cells.length + " values, expected " + expected);
      }
      float[] row = new float[cells.length];
      for (int c = 0; c < cells.length; c++) {
        String cell = cells[c].strip();
        try {
          row[c] = Float.parseFloat(cell);
        } catch (NumberFormatException e) {
          throw new PreprocessException(
              file
                  + " line "
                  + (n + 1)
                  + " column "
                  + (c + 1)
                  + ": '"
                  + cell
                  + "' is not a number");
        }
      }
      rows.add(row);
    }
    int width = header != null ? header.size() : rows.isEmpty() ? 0 : rows.get(0).length;
    if (header == null) {
      header = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        header.add("c" + c);
      }
    }
    return new TimeSeries(header, rows.toArray(float[][]::new));
  }

  private static boolean isNumber(String s) {
    try {
      Float.parseFloat(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Cuts the series into windows of {@code size} consecutive rows starting every {@code stride}
   * rows; a trailing partial window is dropped.
   *
   * @param size rows per window
   * @param stride rows between window starts
   * @return {@code windows[w][t][channel]}
   */
  public float[][][] slidingWindows(int size, int stride) {
    if (size <= 0 || stride <= 0) {
      throw new PreprocessException(
          "Window size and stride must be positive, got " + size + " and " + stride);
    }
    int count = rows.length < size ? 0 : 1 + (rows.length - size) / stride;
    float[][][] windows = new float[count][size][];
    for (int w = 0; w < count; w++) {
      for (int t = 0; t < size; t++) {
        windows[w][t] = rows[w * stride + t].clone();
      }
    }
    return windows;
  }

  /**
   * The rows flattened in row order (time-major), as a model's {@code [1, T, C]} input wants them.
   *
   * @return {@code rows.length * columns.size()} values
   */
  public float[] flatten() {
    float[] out = new float[rows.length * columns.size()];
    for (int t = 0; t < rows.length; t++) {
      System.arraycopy(rows[t], 0, out, t * columns.size(), columns.size());
    }
    return out;
  }
}
