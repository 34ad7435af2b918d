package dev.tinyml.examples.vww;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The scene images of one split ({@code train} or {@code test}) as model inputs: 96x96 grayscale
 * pixels divided by 255, row by row.
 *
 * @param pixels one array of {@code 96 * 96} values in [0, 1] per image
 * @param labels 1 for {@code person}, 0 for {@code no_person}
 */
record VwwData(float[][] pixels, int[] labels) {

  /** Class names in the order of the model's outputs. */
  static final List<String> LABELS = List.of("no_person", "person");

  static VwwData read(Path splitDir) {
    List<float[]> pixels = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int label = 0; label < LABELS.size(); label++) {
      Path dir = splitDir.resolve(LABELS.get(label));
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(
            "missing class directory " + dir + ": expected " + LABELS + " below " + splitDir);
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path png : files.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
          pixels.add(readImage(png));
          labels.add(label);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
      }
    }
    return new VwwData(
        pixels.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray());
  }

  /** This set plus the mirror image of every picture (a person is a person either way round). */
  VwwData withMirrorImages() {
    int n = labels.length;
    float[][] p = new float[2 * n][];
    int[] l = new int[2 * n];
    for (int i = 0; i < n; i++) {
      p[2 * i] = pixels[i];
      p[2 * i + 1] = mirror(pixels[i]);
      l[2 * i] = labels[i];
      l[2 * i + 1] = labels[i];
    }
    return new VwwData(p, l);
  }

  int size() {
    return labels.length;
  }

  private static float[] mirror(float[] image) {
    int s = SceneGenerator.SIZE;
    float[] out = new float[image.length];
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        out[y * s + x] = image[y * s + (s - 1 - x)];
      }
    }
    return out;
  }

  private static float[] readImage(Path png) {
    BufferedImage image;
    try {
      image = ImageIO.read(png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + png + ": " + e.getMessage(), e);
    }
    int s = SceneGenerator.SIZE;
    if (image == null || image.getWidth() != s || image.getHeight() != s) {
      throw new IllegalArgumentException(png + " is not a " + s + "x" + s + " PNG image");
    }
    Raster raster = image.getRaster();
    float[] pixels = new float[s * s];
    boolean gray = raster.getNumBands() == 1;
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        float v;
        if (gray) {
          v = raster.getSample(x, y, 0);
        } else {
          int rgb = image.getRGB(x, y);
          // ITU-R BT.601 luma, as camera drivers compute grayscale.
          v = 0.299f * ((rgb >> 16) & 0xFF) + 0.587f * ((rgb >> 8) & 0xFF) + 0.114f * (rgb & 0xFF);
        }
        pixels[y * s + x] = v / 255f;
      }
    }
    return pixels;
  }
}
