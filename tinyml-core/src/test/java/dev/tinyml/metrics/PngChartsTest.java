package dev.tinyml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngChartsTest {

  private static BufferedImage decode(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Test
  void confusionMatrixHeatMapColoursEachCellByItsShareOfTheRow() throws IOException {
    ConfusionMatrix m =
        ConfusionMatrix.of(List.of("a", "b"), new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 0});
    BufferedImage image = decode(PngCharts.confusionMatrix(m, "test"));
    assertThat(image).isNotNull();
    // Label column 40 + 1 * 8 = 48 px, cells 96 px from y = 70: sample each cell near its corner.
    int full = image.getRGB(48 + 4, 70 + 4) & 0xFFFFFF; // row a, column a: 100 %
    int empty = image.getRGB(48 + 96 + 4, 70 + 4) & 0xFFFFFF; // row a, column b: 0 %
    int half =
        image.getRGB(48 + 4, 70 + 96 + 4)
            & 0xFFFFFF; // row b, column a: 50 %: 255 - 0.5 * (255 - c) per channel
    assertThat(full).isEqualTo(0x08306B);
    assertThat(empty).isEqualTo(0xFFFFFF);
    assertThat(half).isEqualTo(0x8498B5);
  }

  @Test
  void rocLegendWithLongNamesStaysInsideTheImage() throws IOException {
    RocCurve c =
        RocCurve.of(new double[] {0.9, 0.1, 0.8, 0.3}, new boolean[] {true, false, true, false});
    Map<String, RocCurve> curves = new LinkedHashMap<>();
    curves.put("autoencoder float", c);
    curves.put("autoencoder int8", c);
    curves.put("K-means baseline", c);
    BufferedImage image = decode(PngCharts.roc(curves, "ROC", new RocPoint(0.5, 1.0, 1.0)));
    // Nothing is drawn in the 20-pixel margin right of the plot: no legend or label is cut off.
    for (int x = image.getWidth() - 20; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        assertThat(image.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(0xFFFFFF);
      }
    }
  }

  @Test
  void rocChartDrawsCurvesAndIsDeterministic() throws IOException {
    RocCurve c =
        RocCurve.of(new double[] {0.9, 0.1, 0.8, 0.3}, new boolean[] {true, false, true, false});
    Map<String, RocCurve> curves = new LinkedHashMap<>();
    curves.put("float", c);
    curves.put("int8", c);
    byte[] png = PngCharts.roc(curves, "ROC", c.knee());
    assertThat(png).isEqualTo(PngCharts.roc(curves, "ROC", c.knee()));
    BufferedImage image = decode(png);
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(480);
    // The perfect curve runs up the left edge of the plot (x = 70) in the second series' red.
    int onCurve = image.getRGB(70, 200) & 0xFFFFFF;
    assertThat(onCurve).isNotEqualTo(0xFFFFFF);
    assertThatThrownBy(() -> PngCharts.roc(Map.of(), "ROC", null))
        .hasMessageContaining("1 to 4 curves");
  }

  @Test
  void histogramBarsReachTheirCountsHeight() throws IOException {
    BufferedImage image = decode(PngCharts.histogram("weights", -1, 1, new long[] {1, 4, 2, 0}));
    // Plot from x = 80, width 530, y from 50, height 370; bar 1 (count 4 = peak) fills to the top.
    int barTop = image.getRGB(80 + 530 * 3 / 8, 52) & 0xFFFFFF;
    int emptyBar = image.getRGB(80 + 530 * 7 / 8, 300) & 0xFFFFFF;
    assertThat(barTop).isEqualTo(0x1F77B4);
    assertThat(emptyBar).isNotEqualTo(0x1F77B4);
    assertThatThrownBy(() -> PngCharts.histogram("x", 0, 1, new long[0]))
        .hasMessageContaining("at least one bin");
  }

  @Test
  void int8HistogramsDrawOneBarPerValueEndingAt127() throws IOException {
    long[] counts = new long[256];
    counts[255] = 3; // the value 127
    BufferedImage image = decode(PngCharts.histogram("int8", -128, 128, counts));
    // The last bar is centred on 127, the axis's last value: it fills the plot's right edge.
    assertThat(image.getRGB(80 + 530 - 1, 300) & 0xFFFFFF).isEqualTo(0x1F77B4);
    assertThat(image.getRGB(80 + 530 - 5, 300) & 0xFFFFFF).isNotEqualTo(0x1F77B4);
  }

  @Test
  void channelRangesDrawOneBarPerChannelTheWidestReachingTheTop() throws IOException {
    BufferedImage image = decode(PngCharts.channelRanges("k", new double[] {0.5, 1.0}));
    // Two channels share the plot's 530 px: the second (the peak) fills to the top.
    assertThat(image.getRGB(80 + 530 * 3 / 4, 52) & 0xFFFFFF).isEqualTo(0x1F77B4);
    assertThat(image.getRGB(80 + 530 / 4, 52) & 0xFFFFFF).isNotEqualTo(0x1F77B4);
    assertThat(image.getRGB(80 + 530 / 4, 300) & 0xFFFFFF).isEqualTo(0x1F77B4);
  }

  @Test
  void theCountAxisEndsAtAMultipleOfFourSoItsTicksAreWholeNumbers() {
    assertThat(PngCharts.countAxisTop(1)).isEqualTo(4);
    assertThat(PngCharts.countAxisTop(4)).isEqualTo(4);
    assertThat(PngCharts.countAxisTop(5)).isEqualTo(8);
    assertThat(PngCharts.countAxisTop(130)).isEqualTo(132);
  }

  @Test
  void writeCreatesParentsAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("charts/roc.png");
    byte[] png = PngCharts.histogram("h", 0, 1, new long[] {3});
    PngCharts.write(png, file);
    assertThat(Files.readAllBytes(file)).isEqualTo(png);
    try (var files = Files.list(file.getParent())) {
      assertThat(files.toList()).containsExactly(file);
    }
  }
}
