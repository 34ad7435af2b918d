package dev.tinyml.preprocess;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Shape arithmetic and shape-mismatch messages for {@link SamplePreprocessing}. */
final class Shapes {
  private Shapes() {}

  static int count(int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d <= 0) {
        throw new PreprocessException(
            "The model input shape " + Arrays.toString(shape) + " has a non-positive dimension");
      }
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw new PreprocessException(
          "The model input shape " + Arrays.toString(shape) + " is too large");
    }
    return (int) n;
  }

  static String extension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot);
  }

  static PreprocessException mismatch(
      Path file, String gives, int[] produced, int[] expected, String hint) {
    return new PreprocessException(
        file
            + " "
            + gives
            + " shape "
            + Arrays.toString(produced)
            + " ("
            + product(produced)
            + " values), but the model input has shape "
            + Arrays.toString(expected)
            + " ("
            + count(expected)
            + " values)."
            + hint);
  }

  private static long product(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /** Fails unless {@code frames x channels} audio features fill the input exactly. */
  static void checkAudio(
      Path file,
      String kind,
      int frames,
      int channels,
      int[] inputShape,
      int window,
      int step,
      int rate) {
    int n = count(inputShape);
    if (frames * channels == n) {
      return;
    }
    String hint;
    if (channels > 0 && n % channels == 0) {
      int wanted = n / channels;
      long min = window + (long) (wanted - 1) * step;
      long max = min + step - 1;
      hint =
          String.format(
              Locale.ROOT,
              " The model needs %d frames of %d features: give clips of %d to %d samples at %d Hz"
                  + " (%.1f to %.1f ms).",
              wanted,
              channels,
              min,
              max,
              rate,
              1000.0 * min / rate,
              1000.0 * max / rate);
    } else {
      hint =
          " The model input is not a whole number of "
              + channels
              + "-value "
              + kind
              + " frames; check the preprocessing.";
    }
    throw mismatch(
        file, "gives " + kind + " features of", new int[] {frames, channels}, inputShape, hint);
  }

  /** {@code [H, W, C]} of an image input shape. */
  static int[] imageShape(int[] s) {
    int[] hwc =
        switch (s.length) {
          case 4 -> s[0] == 1 ? new int[] {s[1], s[2], s[3]} : null;
          case 3 ->
              s[2] == 1 || s[2] == 3
                  ? new int[] {s[0], s[1], s[2]}
                  : s[0] == 1 ? new int[] {s[1], s[2], 1} : null;
          case 2 -> new int[] {s[0], s[1], 1};
          default -> null;
        };
    if (hwc == null || (hwc[2] != 1 && hwc[2] != 3) || hwc[0] <= 0 || hwc[1] <= 0) {
      throw new PreprocessException(
          "The model input shape "
              + Arrays.toString(s)
              + " is not an image: expected [1, height, width, channels] with 1 (grayscale) or 3"
              + " (RGB) channels, [height, width, channels] or [1, height, width].");
    }
    return hwc;
  }
}
