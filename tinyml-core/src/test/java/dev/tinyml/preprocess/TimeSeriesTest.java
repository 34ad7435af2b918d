package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tinyml.testing.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesTest {

  @Test
  void magicWandCsvFlattensToTheRecordedModelInput() throws IOException {
    TimeSeries ring = TimeSeries.readCsv(Fixtures.path("sensor/magic_wand/ring_accel_128x3.csv"));
    byte[] recorded = Files.readAllBytes(Fixtures.path("expected/magic_wand/ring.input0.bin"));
    float[] expected = new float[recorded.length / 4];
    ByteBuffer.wrap(recorded).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(expected);

    assertThat(ring.rows()).hasNumberOfRows(128);
    assertThat(ring.columns()).containsExactly("c0", "c1", "c2");
    assertThat(ring.flatten()).containsExactly(expected);
  }

  @Test
  void headerLineNamesTheColumns(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("a.csv");
    Files.writeString(csv, "x,y\n# comment\n1,2\n\n3,4\n");

    TimeSeries ts = TimeSeries.readCsv(csv);

    assertThat(ts.columns()).containsExactly("x", "y");
    assertThat(ts.rows()).isDeepEqualTo(new float[][] {{1, 2}, {3, 4}});
  }

  @Test
  void badCellsAndRaggedRowsNameTheLine(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "1,2\n3,oops\n");
    Path ragged = dir.resolve("ragged.csv");
    Files.writeString(ragged, "1,2\n3\n");

    assertThatThrownBy(() -> TimeSeries.readCsv(bad))
        .hasMessageContaining("line 2 column 2: 'oops' is not a number");
    assertThatThrownBy(() -> TimeSeries.readCsv(ragged))
        .hasMessageContaining("line 2 has 1 values, expected 2");
    assertThatThrownBy(() -> TimeSeries.readCsv(dir.resolve("none.csv")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void slidingWindowsHaveSizeAndStride() {
    float[][] rows = new float[10][1];
    for (int t = 0; t < 10; t++) {
      rows[t][0] = t;
    }
    TimeSeries ts = new TimeSeries(java.util.List.of("v"), rows);

    float[][][] w = ts.slidingWindows(4, 3);

    assertThat(w).hasNumberOfRows(3);
    assertThat(w[0][0][0]).isEqualTo(0f);
    assertThat(w[1][0][0]).isEqualTo(3f);
    assertThat(w[2][3][0]).isEqualTo(9f);
    assertThat(ts.slidingWindows(11, 1)).isEmpty();
  }

  @Test
  void zScoreUsesStoredStatistics() {
    float[][] train = {{1, 10}, {3, 10}};
    Normalizer.ZScore z = Normalizer.ZScore.fit(train);

    assertThat(z.mean()).containsExactly(2f, 10f);
    assertThat(z.std()).containsExactly(1f, 0f);
    float[][] test = z.apply(new float[][] {{5, 12}});
    assertThat(test[0]).containsExactly(3f, 2f);
    assertThat(z.invert(test)[0]).containsExactly(5f, 12f);
  }

  @Test
  void fittedStatisticsRoundTripThroughJson() throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    Normalizer.ZScore z = Normalizer.ZScore.fit(new float[][] {{1, 4}, {3, 8}});
    Normalizer.MinMax m = Normalizer.MinMax.fit(new float[][] {{1, 4}, {3, 8}});

    Normalizer.ZScore zBack =
        mapper.readValue(mapper.writeValueAsString(z), Normalizer.ZScore.class);
    Normalizer.MinMax mBack =
        mapper.readValue(mapper.writeValueAsString(m), Normalizer.MinMax.class);

    assertThat(zBack.mean()).containsExactly(z.mean());
    assertThat(zBack.std()).containsExactly(z.std());
    assertThat(mBack.min()).containsExactly(1f, 4f);
    assertThat(mBack.max()).containsExactly(3f, 8f);
  }

  @Test
  void minMaxMapsTheFittedRangeToUnitInterval() {
    Normalizer.MinMax m = Normalizer.MinMax.fit(new float[][] {{-2, 5}, {2, 5}});

    float[][] out = m.apply(new float[][] {{0, 5}, {4, 7}});

    assertThat(out[0]).containsExactly(0.5f, 0f);
    assertThat(out[1][0]).isCloseTo(1.5f, within(1e-6f));
    assertThat(m.invert(out)[0][0]).isEqualTo(0f);
    assertThatThrownBy(() -> Normalizer.MinMax.fit(new float[0][]))
        .hasMessageContaining("zero rows");
  }
}
