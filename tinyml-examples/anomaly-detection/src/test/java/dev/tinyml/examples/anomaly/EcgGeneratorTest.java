package dev.tinyml.examples.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcgGeneratorTest {

  @Test
  void normalBeatPeaksAtTheRWave() {
    double[] beat = new EcgGenerator(5).normalBeat();
    assertThat(beat).hasSize(EcgGenerator.SAMPLES);
    int peak = 0;
    for (int i = 1; i < beat.length; i++) {
      if (beat[i] > beat[peak]) {
        peak = i;
      }
    }
    assertThat(peak).isBetween(54, 58);
  }

  @Test
  void prematureVentricularBeatHasAWiderQrsThanANormalOne() {
    EcgGenerator generator = new EcgGenerator(5);
    assertThat(width(generator.anomalousBeat(EcgGenerator.Anomaly.PREMATURE_VENTRICULAR)))
        .isGreaterThan(width(generator.normalBeat()) * 2);
  }

  @Test
  void writtenFilesMatchTheCommittedData(@TempDir Path dir) throws Exception {
    EcgGenerator.main(new String[] {dir.toString()});
    Path committed = Path.of("data");
    assertThat(dir.resolve("train.csv")).hasSameBinaryContentAs(committed.resolve("train.csv"));
    assertThat(dir.resolve("test.csv")).hasSameBinaryContentAs(committed.resolve("test.csv"));
    EcgData test = EcgData.read(dir.resolve("test.csv"));
    assertThat(test.size()).isEqualTo(EcgGenerator.TEST_NORMAL + EcgGenerator.TEST_ANOMALOUS);
  }

  /** Samples around the R peak above half its height. */
  private static int width(double[] beat) {
    int n = 0;
    for (int i = 40; i < 72; i++) {
      n += beat[i] > beat[56] / 2 ? 1 : 0;
    }
    return n;
  }
}
