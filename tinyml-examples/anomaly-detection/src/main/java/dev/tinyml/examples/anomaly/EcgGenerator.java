package dev.tinyml.examples.anomaly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the synthetic ECG heartbeats of this example: {@code data/train.csv} (normal beats only)
 * and {@code data/test.csv} (normal and anomalous beats, shuffled).
 *
 * <p>Each beat is {@value #SAMPLES} samples centred on the R peak, like the rows of the ECG5000
 * set. A normal beat is a sum of five Gaussian bumps (the P, Q, R, S and T waves, as in McSharry et
 * al.'s dynamical ECG model) whose heights, widths and positions vary from beat to beat, on a
 * wandering baseline with sensor noise. Anomalous beats change the shape the way the common
 * abnormal beats do: a premature ventricular contraction (no P wave, a wide QRS complex, an
 * inverted T wave), ST elevation, an inverted T wave, a missing P wave with fibrillatory ripple,
 * and a tall peaked T wave. Every row is {@code label,x0,...,x139} with label 0 for normal and 1
 * for anomalous.
 */
public final class EcgGenerator {

  /** Samples per beat. */
  public static final int SAMPLES = 140;

  static final int TRAIN_NORMAL = 500;
  static final int TEST_NORMAL = 150;
  static final int TEST_ANOMALOUS = 150;
  static final long SEED = 20261124L;

  /** The abnormal morphologies, one per kind of anomalous beat. */
  enum Anomaly {
    PREMATURE_VENTRICULAR,
    ST_ELEVATION,
    INVERTED_T,
    ATRIAL_FIBRILLATION,
    PEAKED_T
  }

  private final Random random;

  EcgGenerator(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Regenerates the data set.
   *
   * @param args one argument: the directory to write {@code train.csv} and {@code test.csv} to
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: EcgGenerator <output directory>");
    }
    Path dir = Path.of(args[0]);
    EcgGenerator generator = new EcgGenerator(SEED);
    StringBuilder train = new StringBuilder();
    for (int i = 0; i < TRAIN_NORMAL; i++) {
      appendRow(train, 0, generator.normalBeat());
    }
    int total = TEST_NORMAL + TEST_ANOMALOUS;
    int[] labels = new int[total];
    for (int i = TEST_NORMAL; i < total; i++) {
      labels[i] = 1;
    }
    shuffle(labels, generator.random);
    StringBuilder test = new StringBuilder();
    int anomalies = 0;
    Anomaly[] kinds = Anomaly.values();
    for (int label : labels) {
      double[] beat =
          label == 0
              ? generator.normalBeat()
              : generator.anomalousBeat(kinds[anomalies++ % kinds.length]);
      appendRow(test, label, beat);
    }
    write(dir.resolve("train.csv"), train);
    write(dir.resolve("test.csv"), test);
    System.out.printf(
        "wrote %d training beats and %d test beats (%d anomalous) to %s%n",
        TRAIN_NORMAL, total, TEST_ANOMALOUS, dir);
  }

  /** One wave of the beat: a Gaussian bump at {@code centre} (in samples). */
  record Wave(double height, double centre, double width) {
    double at(double t) {
      double z = (t - centre) / width;
      return height * Math.exp(-0.5 * z * z);
    }
  }

  /** The five waves of a normal beat with beat-to-beat variation; R sits at sample 56. */
  Wave[] normalWaves() {
    double rate = jitter(1.0, 0.08); // heart-rate dependent spacing of the waves
    return new Wave[] {
      new Wave(jitter(0.16, 0.2), 56 - 30 * rate + jitter(0, 1.5), jitter(4.5, 0.15)),
      new Wave(jitter(-0.12, 0.2), 56 - 5 + jitter(0, 0.4), jitter(1.6, 0.1)),
      new Wave(jitter(1.2, 0.12), 56, jitter(2.0, 0.1)),
      new Wave(jitter(-0.3, 0.2), 56 + 5 + jitter(0, 0.4), jitter(1.8, 0.1)),
      new Wave(jitter(0.35, 0.18), 56 + 38 * rate + jitter(0, 2), jitter(8.5, 0.15))
    };
  }

  /** {@code n} normal beats as floats, the way the model and the baseline read them. */
  float[][] normalBeats(int n) {
    float[][] beats = new float[n][SAMPLES];
    for (int i = 0; i < n; i++) {
      double[] beat = normalBeat();
      for (int t = 0; t < SAMPLES; t++) {
        beats[i][t] = (float) beat[t];
      }
    }
    return beats;
  }

  double[] normalBeat() {
    return render(normalWaves(), 0, 0);
  }

  double[] anomalousBeat(Anomaly kind) {
    Wave[] w = normalWaves();
    double stShift = 0;
    double ripple = 0;
    switch (kind) {
      case PREMATURE_VENTRICULAR -> {
        w[0] = new Wave(0, w[0].centre(), w[0].width());
        w[1] = new Wave(w[1].height() * 2, w[1].centre() - 3, w[1].width() * 2.5);
        w[2] = new Wave(w[2].height() * jitter(1.2, 0.1), 56, w[2].width() * jitter(2.8, 0.15));
        w[3] = new Wave(w[3].height() * 2, w[3].centre() + 5, w[3].width() * 2.5);
        w[4] = new Wave(-Math.abs(w[4].height()) * 1.3, w[4].centre() - 4, w[4].width() * 1.2);
      }
      case ST_ELEVATION -> stShift = jitter(0.2, 0.3);
      case INVERTED_T ->
          w[4] = new Wave(-w[4].height() * jitter(0.8, 0.2), w[4].centre(), w[4].width());
      case ATRIAL_FIBRILLATION -> {
        w[0] = new Wave(0, w[0].centre(), w[0].width());
        ripple = jitter(0.06, 0.3);
      }
      case PEAKED_T ->
          w[4] = new Wave(w[4].height() * jitter(2.6, 0.15), w[4].centre(), w[4].width() * 0.55);
    }
    return render(w, stShift, ripple);
  }

  private double[] render(Wave[] waves, double stShift, double ripple) {
    double wanderAmp = jitter(0.05, 0.5);
    double wanderPhase = random.nextDouble() * 2 * Math.PI;
    double wanderPeriod = 250 + random.nextDouble() * 250;
    double noise = 0.008 + random.nextDouble() * 0.012;
    double ripplePeriod = 6 + random.nextDouble() * 3;
    double ripplePhase = random.nextDouble() * 2 * Math.PI;
    double stStart = waves[3].centre() + 3;
    double stEnd = waves[4].centre() + 8;
    double[] beat = new double[SAMPLES];
    for (int t = 0; t < SAMPLES; t++) {
      double v = 0;
      for (Wave wave : waves) {
        v += wave.at(t);
      }
      if (stShift != 0 && t > stStart && t < stEnd) {
        // A plateau with soft edges between the end of S and the end of T.
        double edge = Math.min(t - stStart, stEnd - t);
        v += stShift * Math.min(1, edge / 4);
      }
      v += ripple * Math.sin(2 * Math.PI * t / ripplePeriod + ripplePhase);
      v += wanderAmp * Math.sin(2 * Math.PI * t / wanderPeriod + wanderPhase);
      v += noise * random.nextGaussian();
      beat[t] = v;
    }
    return beat;
  }

  /** {@code mean} varied by a relative Gaussian amount; an absolute one when the mean is 0. */
  private double jitter(double mean, double relative) {
    double spread = mean == 0 ? relative : Math.abs(mean) * relative;
    return mean + spread * random.nextGaussian();
  }

  private static void shuffle(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
  }

  private static void appendRow(StringBuilder out, int label, double[] beat) {
    out.append(label);
    for (double v : beat) {
      out.append(',').append(String.format(Locale.ROOT, "%.3f", v));
    }
    out.append('\n');
  }

  private static void write(Path file, CharSequence text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
