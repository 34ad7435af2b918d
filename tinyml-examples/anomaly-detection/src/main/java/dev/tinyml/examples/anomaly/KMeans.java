package dev.tinyml.examples.anomaly;

import java.util.Random;

/**
 * K-means clustering (k-means++ seeding, then Lloyd iterations), the classical anomaly detector the
 * autoencoder is compared with: fitted on normal windows only, a window's anomaly score is its
 * Euclidean distance to the nearest centroid.
 */
final class KMeans {

  private final float[][] centroids;

  private KMeans(float[][] centroids) {
    this.centroids = centroids;
  }

  /** Fits {@code k} centroids to {@code points} with a seeded k-means++ start. */
  static KMeans fit(float[][] points, int k, int iterations, long seed) {
    if (points.length < k) {
      throw new IllegalArgumentException(
          "k-means with k = " + k + " needs at least " + k + " points, got " + points.length);
    }
    Random random = new Random(seed);
    int dims = points[0].length;
    float[][] centroids = new float[k][];
    centroids[0] = points[random.nextInt(points.length)].clone();
    double[] nearest = new double[points.length];
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (int i = 0; i < points.length; i++) {
        nearest[i] = Double.MAX_VALUE;
        for (int j = 0; j < c; j++) {
          nearest[i] = Math.min(nearest[i], squaredDistance(points[i], centroids[j]));
        }
        total += nearest[i];
      }
      double pick = random.nextDouble() * total;
      int chosen = points.length - 1;
      for (int i = 0; i < points.length; i++) {
        pick -= nearest[i];
        if (pick <= 0) {
          chosen = i;
          break;
        }
      }
      centroids[c] = points[chosen].clone();
    }
    int[] assignment = new int[points.length];
    for (int iter = 0; iter < iterations; iter++) {
      boolean changed = false;
      for (int i = 0; i < points.length; i++) {
        int best = nearestCentroid(centroids, points[i]);
        if (best != assignment[i] || iter == 0) {
          changed |= best != assignment[i];
          assignment[i] = best;
        }
      }
      double[][] sums = new double[k][dims];
      int[] counts = new int[k];
      for (int i = 0; i < points.length; i++) {
        counts[assignment[i]]++;
        for (int d = 0; d < dims; d++) {
          sums[assignment[i]][d] += points[i][d];
        }
      }
      for (int c = 0; c < k; c++) {
        if (counts[c] == 0) {
          continue; // an empty cluster keeps its centroid
        }
        for (int d = 0; d < dims; d++) {
          centroids[c][d] = (float) (sums[c][d] / counts[c]);
        }
      }
      if (!changed && iter > 0) {
        break;
      }
    }
    return new KMeans(centroids);
  }

  /** Distance from {@code point} to the nearest centroid. */
  double score(float[] point) {
    return Math.sqrt(squaredDistance(point, centroids[nearestCentroid(centroids, point)]));
  }

  int clusters() {
    return centroids.length;
  }

  private static int nearestCentroid(float[][] centroids, float[] point) {
    int best = 0;
    double bestDistance = Double.MAX_VALUE;
    for (int c = 0; c < centroids.length; c++) {
      double d = squaredDistance(point, centroids[c]);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  private static double squaredDistance(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return sum;
  }
}
