package dev.tinyml.metrics;

import dev.tinyml.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Small PNG charts for reports: a confusion-matrix heat map, ROC curves and histograms. Drawn with
 * {@code java.awt} into an off-screen image, so they work on headless build machines; the same
 * input gives the same bytes on a given JDK and font set. Files are written atomically (a temporary
 * file, then a move), so a failed write never leaves half a picture.
 */
public final class PngCharts {
  static {
    // Off-screen drawing needs no display; say so before AWT initialises, unless the user chose.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final int WIDTH = 640;
  private static final int HEIGHT = 480;
  private static final Color INK = new Color(0x22, 0x22, 0x22);
  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  private static final Color[] SERIES = {
    new Color(0x1F, 0x77, 0xB4),
    new Color(0xD6, 0x27, 0x28),
    new Color(0x2C, 0xA0, 0x2C),
    new Color(0x94, 0x67, 0xBD)
  };

  private PngCharts() {}

  /**
   * Draws a confusion matrix as a heat map: each cell's colour is its share of the row (the actual
   * class), its text the count.
   *
   * @param matrix the matrix
   * @param title the chart title
   * @return the PNG bytes
   */
  public static byte[] confusionMatrix(ConfusionMatrix matrix, String title) {
    List<String> labels = matrix.labels();
    int n = labels.size();
    int cell = Math.max(28, Math.min(96, 400 / n));
    int left = 40 + longest(labels) * 8;
    int top = 70;
    int width = Math.max(360, left + n * cell + 30);
    int height = top + n * cell + 60;
    BufferedImage image = canvas(width, height);
    Graphics2D g = graphics(image);
    title(g, title, width);
    long[][] counts = matrix.counts();
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, Math.min(14, cell / 3))));
    for (int i = 0; i < n; i++) {
      long rowTotal = 0;
      for (long v : counts[i]) {
        rowTotal += v;
      }
      for (int j = 0; j < n; j++) {
        double share = rowTotal == 0 ? 0 : (double) counts[i][j] / rowTotal;
        Color c = heat(share);
        int x = left + j * cell;
        int y = top + i * cell;
        g.setColor(c);
        g.fillRect(x, y, cell, cell);
        g.setColor(GRID);
        g.drawRect(x, y, cell, cell);
        g.setColor(share > 0.55 ? Color.WHITE : INK);
        centered(g, Long.toString(counts[i][j]), x + cell / 2, y + cell / 2);
      }
      g.setColor(INK);
      FontMetrics fm = g.getFontMetrics();
      g.drawString(
          labels.get(i),
          left - 8 - fm.stringWidth(labels.get(i)),
          top + i * cell + cell / 2 + fm.getAscent() / 2 - 2);
    }
    g.setColor(INK);
    for (int j = 0; j < n; j++) {
      centered(g, labels.get(j), left + j * cell + cell / 2, top - 12);
    }
    centered(g, "predicted", left + n * cell / 2, top - 32);
    centered(g, "rows: actual class; colour: share of the row", width / 2, height - 24);
    g.dispose();
    return png(image);
  }

  /**
   * Draws one ROC curve with its AUC in the legend.
   *
   * @param curve the curve
   * @param title the chart title
   * @param marked an operating point to mark (e.g. the chosen threshold), or null
   * @return the PNG bytes
   */
  public static byte[] roc(RocCurve curve, String title, RocPoint marked) {
    Map<String, RocCurve> one = new LinkedHashMap<>();
    one.put("model", curve);
    return roc(one, title, marked);
  }

  /**
   * Draws several ROC curves on one chart, e.g. the float and the int8 model.
   *
   * @param curves curves by legend name, drawn in the map's order (at most four)
   * @param title the chart title
   * @param marked an operating point to mark, or null
   * @return the PNG bytes
   */
  public static byte[] roc(Map<String, RocCurve> curves, String title, RocPoint marked) {
    if (curves.isEmpty() || curves.size() > SERIES.length) {
      throw new IllegalArgumentException(
          "a ROC chart shows 1 to " + SERIES.length + " curves, got " + curves.size());
    }
    BufferedImage image = canvas(WIDTH, HEIGHT);
    Graphics2D g = graphics(image);
    title(g, title, WIDTH);
    // The legend sits inside the plot, bottom right, where ROC curves above chance never go.
    Plot plot = new Plot(70, 50, WIDTH - 100, HEIGHT - 110, 0, 1, 0, 1);
    plot.axes(g, "false-positive rate", "true-positive rate");
    g.setColor(GRID);
    g.setStroke(
        new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 4f, new float[] {4f}, 0));
    g.drawLine(plot.x(0), plot.y(0), plot.x(1), plot.y(1));
    int k = 0;
    List<String> legendTexts = new ArrayList<>();
    for (Map.Entry<String, RocCurve> e : curves.entrySet()) {
      Path2D.Double path = new Path2D.Double();
      boolean first = true;
      for (RocPoint p : e.getValue().points()) {
        if (first) {
          path.moveTo(plot.x(p.falsePositiveRate()), plot.y(p.truePositiveRate()));
          first = false;
        } else {
          path.lineTo(plot.x(p.falsePositiveRate()), plot.y(p.truePositiveRate()));
        }
      }
      g.setColor(SERIES[k]);
      g.setStroke(new BasicStroke(2f));
      g.draw(path);
      legendTexts.add(String.format(Locale.ROOT, "%s (AUC %.3f)", e.getKey(), e.getValue().auc()));
      k++;
    }
    if (marked != null) {
      int x = plot.x(marked.falsePositiveRate());
      int y = plot.y(marked.truePositiveRate());
      g.setColor(INK);
      g.fillOval(x - 5, y - 5, 10, 10);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      String label = String.format(Locale.ROOT, "threshold %.4g", marked.threshold());
      int w = g.getFontMetrics().stringWidth(label);
      // Left of the point when the label would run past the plot's right edge.
      int tx = x + 8 + w <= plot.left + plot.width ? x + 8 : x - 8 - w;
      g.drawString(label, tx, y + 16);
    }
    legendBox(g, legendTexts, plot);
    g.dispose();
    return png(image);
  }

  /**
   * Draws a histogram of equal-width bins. Bins one unit wide starting at an integer (int8 values
   * counted over [-128, 128], say) are drawn as one bar per integer, and the value axis runs from
   * the first to the last integer (-128 to 127). The count axis has whole-number ticks.
   *
   * @param title the chart title (e.g. the tensor's name)
   * @param min lower edge of the first bin
   * @param max upper edge of the last bin
   * @param counts one count per bin
   * @return the PNG bytes
   */
  public static byte[] histogram(String title, double min, double max, long[] counts) {
    if (counts.length == 0) {
      throw new IllegalArgumentException("a histogram needs at least one bin");
    }
    if (!(max >= min) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("histogram range invalid: [" + min + ", " + max + "]");
    }
    long peak = 1;
    for (long c : counts) {
      peak = Math.max(peak, c);
    }
    BufferedImage image = canvas(WIDTH, HEIGHT);
    Graphics2D g = graphics(image);
    title(g, title, WIDTH);
    boolean integers = min == Math.rint(min) && max - min == counts.length;
    double hi = max > min ? max : min + 1;
    // Bars centred on their integer; otherwise bins span [lo, up).
    double shift = integers ? -0.5 : 0;
    double x0 = min + shift;
    double x1 = hi + shift;
    double yTop = countAxisTop(peak);
    Plot plot = new Plot(80, 50, WIDTH - 110, HEIGHT - 110, x0, x1, 0, yTop);
    double[] xTicks = new double[5];
    double[] yTicks = new double[5];
    double last = integers ? max - 1 : hi;
    for (int t = 0; t <= 4; t++) {
      double v = min + (last - min) * t / 4;
      xTicks[t] = integers ? Math.round(v) : v;
      yTicks[t] = yTop * t / 4;
    }
    plot.axes(g, "value", "count", xTicks, yTicks);
    g.setColor(SERIES[0]);
    for (int b = 0; b < counts.length; b++) {
      double lo = x0 + (x1 - x0) * b / counts.length;
      double up = x0 + (x1 - x0) * (b + 1) / counts.length;
      int px0 = plot.x(lo);
      int px1 = Math.max(px0 + 1, plot.x(up));
      int y = plot.y(counts[b]);
      g.fillRect(px0, y, px1 - px0, plot.y(0) - y);
    }
    g.dispose();
    return png(image);
  }

  /**
   * Draws one bar per channel of a per-channel quantized tensor: the largest absolute real value in
   * each channel, so that channels far narrower than the rest (which per-tensor scales would crush
   * to a few int8 steps) and empty channels stand out.
   *
   * @param title the chart title (e.g. the tensor's name)
   * @param ranges the largest absolute value per channel, in channel order
   * @return the PNG bytes
   */
  public static byte[] channelRanges(String title, double[] ranges) {
    if (ranges.length == 0) {
      throw new IllegalArgumentException("a channel chart needs at least one channel");
    }
    double peak = 0;
    for (double r : ranges) {
      if (!Double.isFinite(r) || r < 0) {
        throw new IllegalArgumentException("channel range invalid: " + r);
      }
      peak = Math.max(peak, r);
    }
    BufferedImage image = canvas(WIDTH, HEIGHT);
    Graphics2D g = graphics(image);
    title(g, title, WIDTH);
    double top = peak > 0 ? peak : 1;
    int n = ranges.length;
    Plot plot = new Plot(80, 50, WIDTH - 110, HEIGHT - 110, -0.5, n - 0.5, 0, top);
    double[] xTicks = new double[5];
    double[] yTicks = new double[5];
    for (int t = 0; t <= 4; t++) {
      xTicks[t] = Math.round((n - 1) * t / 4.0);
      yTicks[t] = top * t / 4;
    }
    plot.axes(g, "output channel", "largest |weight|", xTicks, yTicks);
    g.setColor(SERIES[0]);
    for (int c = 0; c < n; c++) {
      int x0 = plot.x(c - 0.5);
      int x1 = Math.max(x0 + 1, plot.x(c + 0.5));
      int y = plot.y(ranges[c]);
      g.fillRect(x0, y, x1 - x0, plot.y(0) - y);
    }
    g.dispose();
    return png(image);
  }

  /**
   * The top of a count axis with four whole-number steps: the peak rounded up to a multiple of 4.
   */
  static long countAxisTop(long peak) {
    return Math.max(4, (peak + 3) / 4 * 4);
  }

  /**
   * Writes PNG bytes to a file atomically, creating parent directories.
   *
   * @param png the image
   * @param file the destination
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static void write(byte[] png, Path file) {
    try {
      AtomicFiles.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
    }
  }

  private static BufferedImage canvas(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  private static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    return g;
  }

  private static void title(Graphics2D g, String title, int width) {
    g.setColor(INK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    centered(g, title, width / 2, 22);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
  }

  private static void centered(Graphics2D g, String text, int cx, int cy) {
    FontMetrics fm = g.getFontMetrics();
    g.drawString(text, cx - fm.stringWidth(text) / 2, cy + (fm.getAscent() - fm.getDescent()) / 2);
  }

  /** A framed legend in the plot's bottom-right corner, as wide as its longest entry. */
  private static void legendBox(Graphics2D g, List<String> texts, Plot plot) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();
    int textWidth = 0;
    for (String t : texts) {
      textWidth = Math.max(textWidth, fm.stringWidth(t));
    }
    int lineHeight = 20;
    int boxWidth = 12 + 14 + 6 + textWidth + 12;
    int boxHeight = 8 + texts.size() * lineHeight;
    int x = plot.left + plot.width - boxWidth - 10;
    int y = plot.top + plot.height - boxHeight - 10;
    g.setColor(Color.WHITE);
    g.fillRect(x, y, boxWidth, boxHeight);
    g.setColor(GRID);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x, y, boxWidth, boxHeight);
    for (int i = 0; i < texts.size(); i++) {
      int baseline = y + 4 + (i + 1) * lineHeight - 6;
      g.setColor(SERIES[i]);
      g.fillRect(x + 12, baseline - 6, 14, 4);
      g.setColor(INK);
      g.drawString(texts.get(i), x + 12 + 14 + 6, baseline);
    }
  }

  private static Color heat(double share) {
    // White to a deep blue, linear in the share.
    int r = (int) Math.round(255 - share * (255 - 0x08));
    int gr = (int) Math.round(255 - share * (255 - 0x30));
    int b = (int) Math.round(255 - share * (255 - 0x6B));
    return new Color(r, gr, b);
  }

  private static int longest(List<String> labels) {
    int n = 0;
    for (String l : labels) {
      n = Math.max(n, l.length());
    }
    return n;
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("this JDK has no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Maps data coordinates to pixels inside a rectangle and draws its axes. */
  private static final class Plot {
    final int left;
    final int top;
    final int width;
    final int height;
    final double x0;
    final double x1;
    final double y0;
    final double y1;

    Plot(int left, int top, int width, int height, double x0, double x1, double y0, double y1) {
      this.left = left;
      this.top = top;
      this.width = width;
      this.height = height;
      this.x0 = x0;
      this.x1 = x1;
      this.y0 = y0;
      this.y1 = y1;
    }

    int x(double v) {
      return left + (int) Math.round((v - x0) / (x1 - x0) * width);
    }

    int y(double v) {
      return top + height - (int) Math.round((v - y0) / (y1 - y0) * height);
    }

    void axes(Graphics2D g, String xLabel, String yLabel) {
      double[] xTicks = new double[5];
      double[] yTicks = new double[5];
      for (int t = 0; t <= 4; t++) {
        xTicks[t] = x0 + (x1 - x0) * t / 4;
        yTicks[t] = y0 + (y1 - y0) * t / 4;
      }
      axes(g, xLabel, yLabel, xTicks, yTicks);
    }

    void axes(Graphics2D g, String xLabel, String yLabel, double[] xTicks, double[] yTicks) {
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int t = 0; t < xTicks.length; t++) {
        double xv = xTicks[t];
        double yv = yTicks[t];
        g.setColor(GRID);
        g.drawLine(x(xv), top, x(xv), top + height);
        g.drawLine(left, y(yv), left + width, y(yv));
        g.setColor(INK);
        centered(g, tick(xv), x(xv), top + height + 14);
        String ty = tick(yv);
        g.drawString(ty, left - 6 - g.getFontMetrics().stringWidth(ty), y(yv) + 4);
      }
      g.setColor(INK);
      g.drawRect(left, top, width, height);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      centered(g, xLabel, left + width / 2, top + height + 36);
      Graphics2D rotated = (Graphics2D) g.create();
      rotated.rotate(-Math.PI / 2);
      FontMetrics fm = rotated.getFontMetrics();
      rotated.drawString(yLabel, -(top + height / 2) - fm.stringWidth(yLabel) / 2, 18);
      rotated.dispose();
    }

    private static String tick(double v) {
      if (v == Math.rint(v) && Math.abs(v) < 1e6) {
        return Long.toString((long) v);
      }
      return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v))
          .stripTrailingZeros()
          .toPlainString();
    }
  }
}
