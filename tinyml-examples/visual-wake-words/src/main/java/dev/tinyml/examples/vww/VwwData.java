package dev.tinyml.examples.vww;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  static final int MAX_SHIFT = 8;

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

  /**
   * This set with {@code variants - 1} augmented copies of every picture: mirrored at random (a
   * person is a person either way round), shifted by up to {@value #MAX_SHIFT} pixels in each
   * direction (edges repeated), and with contrast and brightness changed by up to 30 % and 0.15.
   */
  VwwData augmented(int variants, long seed) {
    Random random = new Random(seed);
    int n = labels.length;
    float[][] p = new float[variants * n][];
    int[] l = new int[variants * n];
    for (int i = 0; i < n; i++) {
      for (int v = 0; v < variants; v++) {
        int k = i * variants + v;
        l[k] = labels[i];
        if (v == 0) {
          p[k] = pixels[i];
          continue;
        }
        boolean mirror = random.nextBoolean();
        int dx = random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
        int dy = random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
        float contrast = 0.7f + 0.6f * random.nextFloat();
        float brightness = 0.3f * random.nextFloat() - 0.15f;
        p[k] = transform(pixels[i], mirror, dx, dy, contrast, brightness);
      }
    }
    return new VwwData(p, l);
  }

  static float[] transform(
      float[] image, boolean mirror, int dx, int dy, float contrast, float brightness) {
    int s = SceneGenerator.SIZE;
    float[] out = new float[image.length];
    for (int y = 0; y < s; y++) {
      int sy = Math.max(0, Math.min(s - 1, y - dy));
      for (int x = 0; x < s; x++) {
        int sx = Math.max(0, Math.min(s - 1, x - dx));
        if (mirror) {
          sx = s - 1 - sx;
        }
        float v = (image[sy * s + sx] - 0.5f) * contrast + 0.5f + brightness;
        out[y * s + x] = Math.max(0f, Math.min(1f, v));
      }
    }
    return out;
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
