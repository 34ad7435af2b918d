package dev.tinyml.examples.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KMeansTest {

  @Test
  void twoTightClustersGiveZeroScoreAtTheirCentresAndDistanceElsewhere() {
    float[][] points = {
      {0, 0}, {0, 0.2f}, {0.2f, 0}, {0.2f, 0.2f}, {10, 10}, {10, 10.2f}, {10.2f, 10}, {10.2f, 10.2f}
    };
    KMeans kmeans = KMeans.fit(points, 2, 20, 1);
    assertThat(kmeans.score(new float[] {0.1f, 0.1f})).isCloseTo(0, within(1e-6));
    assertThat(kmeans.score(new float[] {10.1f, 10.1f})).isCloseTo(0, within(1e-5));
    // (3.1, 4.1) is 5 away from the centre (0.1, 0.1).
    assertThat(kmeans.score(new float[] {3.1f, 4.1f})).isCloseTo(5, within(1e-5));
  }

  @Test
  void sameSeedSameCentroids() {
    VibrationGenerator generator = new VibrationGenerator(1);
    float[][] points = new float[40][];
    for (int i = 0; i < points.length; i++) {
      double[] w = generator.window(null);
      points[i] = new float[w.length];
      for (int k = 0; k < w.length; k++) {
        points[i][k] = (float) w[k];
      }
    }
    KMeans a = KMeans.fit(points, 4, 10, 9);
    KMeans b = KMeans.fit(points, 4, 10, 9);
    float[] probe = points[7];
    assertThat(a.score(probe)).isEqualTo(b.score(probe));
  }
}
