package dev.tinyml.preprocess;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * An image as a model sees it: {@code height x width x channels} floats in row-major, channel-last
 * (HWC) order, 1 (grayscale) or 3 (RGB) channels, values in [0, 255] until normalised. Operations
 * return new images.
 *
 * <pre>{@code
 * byte[] input = PixelImage.read(path).toGrayscale()
 *     .resize(96, 96, PixelImage.Interpolation.AREA)
 *     .quantize(new InputQuantization(1f, -128, true));
 * }</pre>
 *
 * @param width pixels per row
 * @param height rows
 * @param channels 1 or 3
 * @param pixels {@code width * height * channels} values in HWC order
 */
public record PixelImage(int width, int height, int channels, float[] pixels) {

  /** How {@link #resize} computes output pixels. */
  public enum Interpolation {
    /**
     * Bilinear with half-pixel centres: output pixel {@code x} samples input position {@code (x +
     * 0.5) * in / out - 0.5}, edges clamped (OpenCV {@code INTER_LINEAR}, {@code
     * tf.image.resize(method="bilinear")} without antialiasing).
     */
    BILINEAR,
    /**
     * Area averaging: each output pixel is the mean of the input area it covers, weighted by
     * overlap (OpenCV {@code INTER_AREA} when shrinking); the right choice for downscaling.
     */
    AREA
  }

  /** Validates the image. */
  public PixelImage {
    if (width <= 0 || height <= 0 || (channels != 1 && channels != 3)) {
      throw new PreprocessException(
          "Image must have positive size and 1 or 3 channels, got "
              + width
              + "x"
              + height
              + "x"
              + channels);
    }
    if (pixels.length != width * height * channels) {
      throw new PreprocessException(
          "Image "
              + width
              + "x"
              + height
              + "x"
              + channels
              + " needs "
              + width * height * channels
              + " values, got "
              + pixels.length);
    }
  }

  /**
   * Decodes a PNG, JPEG, BMP or GIF file with {@code javax.imageio}. Single-channel gray images
   * (including 8-bit BMPs with a gray palette) keep their stored values as one channel; everything
   * else becomes sRGB with any alpha dropped.
   *
   * @param file the image file
   * @return the image
   * @throws PreprocessException if the file is missing or not a decodable image
   */
  public static PixelImage read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new PreprocessException("Image file " + file + " does not exist");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new PreprocessException(
          "Cannot decode image " + file + ": " + e.getMessage() + " (is the file truncated?)", e);
    }
    if (image == null) {
      throw new PreprocessException(
          "Cannot decode image " + file + ": not a PNG, JPEG, BMP or GIF file");
    }
    return of(image);
  }

  /**
   * Converts a decoded image.
   *
   * @param image the image
   * @return gray values for single-band gray images, sRGB otherwise
   */
  public static PixelImage of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    ColorModel cm = image.getColorModel();
    Raster raster = image.getRaster();
    if (cm instanceof ComponentColorModel
        && cm.getNumComponents() == 1
        && raster.getNumBands() == 1) {
      // Read stored gray levels directly: getRGB would pass them through a linear-to-sRGB curve.
      int bits = cm.getComponentSize(0);
      int[] values = raster.getPixels(0, 0, w, h, (int[]) null);
      float[] px = new float[values.length];
      float scale = bits == 8 ? 1f : 255f / ((1 << bits) - 1);
      for (int i = 0; i < px.length; i++) {
        px[i] = bits == 8 ? values[i] : Math.round(values[i] * scale);
      }
      return new PixelImage(w, h, 1, px);
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    float[] px = new float[w * h * 3];
    for (int i = 0; i < argb.length; i++) {
      px[3 * i] = (argb[i] >> 16) & 0xFF;
      px[3 * i + 1] = (argb[i] >> 8) & 0xFF;
      px[3 * i + 2] = argb[i] & 0xFF;
    }
    return new PixelImage(w, h, 3, px);
  }

  /**
   * Decodes an RGB565 camera frame (5 bits red, 6 green, 5 blue per 16-bit pixel); each channel is
   * widened to 8 bits by bit replication, so full scale maps to 255.
   *
   * @param data {@code 2 * width * height} bytes
   * @param width pixels per row
   * @param height rows
   * @param bigEndian whether each pixel's high byte comes first (as OV767x cameras send it)
   * @return an RGB image
   */
  public static PixelImage fromRgb565(byte[] data, int width, int height, boolean bigEndian) {
    requireLength(data, 2 * width * height, "RGB565", width, height);
    float[] px = new float[width * height * 3];
    for (int i = 0; i < width * height; i++) {
      int hi = data[2 * i + (bigEndian ? 0 : 1)] & 0xFF;
      int lo = data[2 * i + (bigEndian ? 1 : 0)] & 0xFF;
      int v = hi << 8 | lo;
      int r = v >> 11;
      int g = (v >> 5) & 0x3F;
      int b = v & 0x1F;
      px[3 * i] = r << 3 | r >> 2;
      px[3 * i + 1] = g << 2 | g >> 4;
      px[3 * i + 2] = b << 3 | b >> 2;
    }
    return new PixelImage(width, height, 3, px);
  }

  /**
   * Decodes a YUV 4:2:2 camera frame in YUYV order ({@code Y0 U Y1 V} per pair of pixels). With
   * {@code grayscale} the Y (luma) bytes are the image, as person_detection does on the device;
   * otherwise each pixel is converted to RGB with the full-range BT.601 (JFIF) matrix and clamped.
   *
   * @param data {@code 2 * width * height} bytes; {@code width} must be even
   * @param width pixels per row
   * @param height rows
   * @param grayscale whether to keep only luma
   * @return a 1-channel or 3-channel image
   */
  public static PixelImage fromYuv422(byte[] data, int width, int height, boolean grayscale) {
    if (width % 2 != 0) {
      throw new PreprocessException("YUV 4:2:2 frames need an even width, got " + width);
    }
    requireLength(data, 2 * width * height, "YUV 4:2:2", width, height);
    float[] px = new float[width * height * (grayscale ? 1 : 3)];
    for (int pair = 0; pair < width * height / 2; pair++) {
      int y0 = data[4 * pair] & 0xFF;
      int u = (data[4 * pair + 1] & 0xFF) - 128;
      int y1 = data[4 * pair + 2] & 0xFF;
      int v = (data[4 * pair + 3] & 0xFF) - 128;
      if (grayscale) {
        px[2 * pair] = y0;
        px[2 * pair + 1] = y1;
      } else {
        yuvToRgb(y0, u, v, px, 6 * pair);
        yuvToRgb(y1, u, v, px, 6 * pair + 3);
      }
    }
    return new PixelImage(width, height, grayscale ? 1 : 3, px);
  }

  private static void yuvToRgb(int y, int u, int v, float[] out, int at) {
    out[at] = clamp255(Math.round(y + 1.402 * v));
    out[at + 1] = clamp255(Math.round(y - 0.344136 * u - 0.714136 * v));
    out[at + 2] = clamp255(Math.round(y + 1.772 * u));
  }

  private static float clamp255(long v) {
    return Math.max(0, Math.min(255, v));
  }

  private static void requireLength(byte[] data, int expected, String format, int w, int h) {
    if (w <= 0 || h <= 0 || data.length != expected) {
      throw new PreprocessException(
          format
              + " frame of "
              + w
              + "x"
              + h
              + " needs "
              + expected
              + " bytes, got "
              + data.length);
    }
  }

  /**
   * Converts to one channel with the BT.601 luma weights {@code 0.299 R + 0.587 G + 0.114 B} (as
   * PIL's {@code convert("L")}), rounded to the nearest level.
   *
   * @return a 1-channel image (this image if it already is one)
   */
  public PixelImage toGrayscale() {
    if (channels == 1) {
      return this;
    }
    float[] px = new float[width * height];
    for (int i = 0; i < px.length; i++) {
      px[i] =
          Math.round(
              (pixels[3 * i] * 299 + pixels[3 * i + 1] * 587 + pixels[3 * i + 2] * 114) / 1000f);
    }
    return new PixelImage(width, height, 1, px);
  }

  /**
   * Converts to three channels by repeating gray.
   *
   * @return a 3-channel image (this image if it already is one)
   */
  public PixelImage toRgb() {
    if (channels == 3) {
      return this;
    }
    float[] px = new float[width * height * 3];
    for (int i = 0; i < pixels.length; i++) {
      px[3 * i] = pixels[i];
      px[3 * i + 1] = pixels[i];
      px[3 * i + 2] = pixels[i];
    }
    return new PixelImage(width, height, 3, px);
  }

  /**
   * Crops the centre; the left and top margins are {@code floor((size - new) / 2)}.
   *
   * @param newWidth width of the crop, at most {@link #width()}
   * @param newHeight height of the crop, at most {@link #height()}
   * @return the cropped image
   */
  public PixelImage centerCrop(int newWidth, int newHeight) {
    if (newWidth <= 0 || newHeight <= 0 || newWidth > width || newHeight > height) {
      throw new PreprocessException(
          "Cannot crop "
              + newWidth
              + "x"
              + newHeight
              + " out of a "
              + width
              + "x"
              + height
              + " image");
    }
    int left = (width - newWidth) / 2;
    int top = (height - newHeight) / 2;
    float[] px = new float[newWidth * newHeight * channels];
    for (int y = 0; y < newHeight; y++) {
      System.arraycopy(
          pixels,
          ((top + y) * width + left) * channels,
          px,
          y * newWidth * channels,
          newWidth * channels);
    }
    return new PixelImage(newWidth, newHeight, channels, px);
  }

  /**
   * Mirrors the rows (top becomes bottom), for example to get back the bottom-up row order a BMP
   * file stores.
   *
   * @return the flipped image
   */
  public PixelImage flipVertical() {
    float[] px = new float[pixels.length];
    int row = width * channels;
    for (int y = 0; y < height; y++) {
      System.arraycopy(pixels, y * row, px, (height - 1 - y) * row, row);
    }
    return new PixelImage(width, height, channels, px);
  }

  /**
   * Resizes the image.
   *
   * @param newWidth output width
   * @param newHeight output height
   * @param interpolation how output pixels are computed
   * @return the resized image (values are not rounded)
   */
  public PixelImage resize(int newWidth, int newHeight, Interpolation interpolation) {
    if (newWidth <= 0 || newHeight <= 0) {
      throw new PreprocessException(
          "Resize target must be positive, got " + newWidth + "x" + newHeight);
    }
    float[] px = new float[newWidth * newHeight * channels];
    if (interpolation == Interpolation.BILINEAR) {
      bilinear(newWidth, newHeight, px);
    } else {
      area(newWidth, newHeight, px);
    }
    return new PixelImage(newWidth, newHeight, channels, px);
  }

  private void bilinear(int newWidth, int newHeight, float[] out) {
    double sx = (double) width / newWidth;
    double sy = (double) height / newHeight;
    for (int y = 0; y < newHeight; y++) {
      double fy = Math.max(0, Math.min(height - 1, (y + 0.5) * sy - 0.5));
      int y0 = (int) fy;
      int y1 = Math.min(height - 1, y0 + 1);
      double wy = fy - y0;
      for (int x = 0; x < newWidth; x++) {
        double fx = Math.max(0, Math.min(width - 1, (x + 0.5) * sx - 0.5));
        int x0 = (int) fx;
        int x1 = Math.min(width - 1, x0 + 1);
        double wx = fx - x0;
        for (int c = 0; c < channels; c++) {
          double top = at(x0, y0, c) * (1 - wx) + at(x1, y0, c) * wx;
          double bottom = at(x0, y1, c) * (1 - wx) + at(x1, y1, c) * wx;
          out[(y * newWidth + x) * channels + c] = (float) (top * (1 - wy) + bottom * wy);
        }
      }
    }
  }

  private void area(int newWidth, int newHeight, float[] out) {
    double sx = (double) width / newWidth;
    double sy = (double) height / newHeight;
    double[] acc = new double[channels];
    for (int y = 0; y < newHeight; y++) {
      double y0 = y * sy;
      double y1 = y0 + sy;
      for (int x = 0; x < newWidth; x++) {
        double x0 = x * sx;
        double x1 = x0 + sx;
        Arrays.fill(acc, 0);
        double total = 0;
        for (int iy = (int) y0; iy < Math.min(height, Math.ceil(y1)); iy++) {
          double wy = Math.min(y1, iy + 1) - Math.max(y0, iy);
          for (int ix = (int) x0; ix < Math.min(width, Math.ceil(x1)); ix++) {
            double w = wy * (Math.min(x1, ix + 1) - Math.max(x0, ix));
            if (w <= 0) {
              continue;
            }
            total += w;
            for (int c = 0; c < channels; c++) {
              acc[c] += w * at(ix, iy, c);
            }
          }
        }
        for (int c = 0; c < channels; c++) {
          out[(y * newWidth + x) * channels + c] = (float) (acc[c] / total);
        }
      }
    }
  }

  private float at(int x, int y, int c) {
    return pixels[(y * width + x) * channels + c];
  }

  /**
   * Normalises each channel: {@code (p - mean[c]) / std[c]}. For example {@code mean = 127.5, std =
   * 127.5} maps [0, 255] to [-1, 1], and {@code mean = 0, std = 255} to [0, 1].
   *
   * @param mean one value per channel, or one for all
   * @param std one value per channel, or one for all; non-zero
   * @return the normalised image
   */
  public PixelImage normalize(float[] mean, float[] std) {
    if ((mean.length != 1 && mean.length != channels)
        || (std.length != 1 && std.length != channels)) {
      throw new PreprocessException(
          "normalize needs 1 or " + channels + " means and standard deviations");
    }
    float[] px = new float[pixels.length];
    for (int i = 0; i < px.length; i++) {
      int c = i % channels;
      float s = std[std.length == 1 ? 0 : c];
      if (s == 0) {
        throw new PreprocessException("normalize: standard deviation of channel " + c + " is 0");
      }
      px[i] = (pixels[i] - mean[mean.length == 1 ? 0 : c]) / s;
    }
    return new PixelImage(width, height, channels, px);
  }

  /**
   * Quantizes the pixels to a model's input parameters, in HWC order.
   *
   * @param quantization the input tensor's scale, zero point and signedness
   * @return one byte per value
   */
  public byte[] quantize(InputQuantization quantization) {
    return quantization.quantize(pixels);
  }

  /**
   * The pixel values as stored bytes (each value rounded and clamped to [0, 255]), HWC order. For
   * the person_detection test image, whose bytes are int8 values, these are the model input.
   *
   * @return one byte per value
   */
  public byte[] toBytes() {
    byte[] out = new byte[pixels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Math.max(0, Math.min(255, Math.round(pixels[i])));
    }
    return out;
  }
}
