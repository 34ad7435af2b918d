package dev.tinyml.examples.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VibrationGeneratorTest {

  @Test
  void normalWindowHasGravityOnZAndSmallVibrationOnXAndY() {
    double[] window = new VibrationGenerator(5).window(null);
    assertThat(window).hasSize(VibrationGenerator.WINDOW * VibrationGenerator.AXES);
    assertThat(mean(window, 2)).isCloseTo(1.0, within(0.02));
    assertThat(Math.abs(mean(window, 0))).isLessThan(0.25);
    assertThat(rms(window, 0)).isBetween(0.01, 0.1);
  }

  @Test
  void imbalanceShakesTheRadialAxesHarder() {
    VibrationGenerator generator = new VibrationGenerator(5);
    double normal = rms(generator.window(null), 0);
    double imbalanced = rms(generator.window(VibrationGenerator.Fault.IMBALANCE), 0);
    assertThat(imbalanced).isGreaterThan(1.8 * normal);
  }

  @Test
  void writtenFilesMatchTheCommittedData(@TempDir Path dir) {
    VibrationGenerator.main(new String[] {dir.toString()});
    Path committed = Path.of("data");
    assertThat(dir.resolve("train.csv")).hasSameBinaryContentAs(committed.resolve("train.csv"));
    assertThat(dir.resolve("test.csv")).hasSameBinaryContentAs(committed.resolve("test.csv"));
    VibrationData test = VibrationData.read(dir.resolve("test.csv"));
    assertThat(test.size())
        .isEqualTo(VibrationGenerator.TEST_NORMAL + VibrationGenerator.TEST_FAULTY);
  }

  /** Mean of one axis over the window. */
  private static double mean(double[] window, int axis) {
    double sum = 0;
    for (int n = 0; n < VibrationGenerator.WINDOW; n++) {
      sum += window[n * VibrationGenerator.AXES + axis];
    }
    return sum / VibrationGenerator.WINDOW;
  }

  /** Root mean square of one axis around its mean. */
  private static double rms(double[] window, int axis) {
    double m = mean(window, axis);
    double sum = 0;
    for (int n = 0; n < VibrationGenerator.WINDOW; n++) {
      double d = window[n * VibrationGenerator.AXES + axis] - m;
      sum += d * d;
    }
    return Math.sqrt(sum / VibrationGenerator.WINDOW);
  }
}
