package dev.tinyml.examples.anomaly;

import dev.tinyml.examples.support.Shuffle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the synthetic accelerometer windows of this example: {@code data/train.csv} (normal
 * operation only) and {@code data/test.csv} (normal and faulty, shuffled).
 *
 * <p>The machine is a small fan turning at about 600 rpm with a 3-axis accelerometer on its
 * housing, sampled at {@value #SAMPLE_RATE_HZ} Hz like the Nano 33 BLE's IMU in the anomaly sketch.
 * A window is {@value #WINDOW} samples (0.64 s) of x, y, z in g, sample-major ({@code
 * x0,y0,z0,x1,...}), the layout the sketch feeds the model. Normal operation: gravity along a
 * slightly tilted z axis, the rotation frequency f0 (9.5-10.5 Hz) with its 2nd and 3rd harmonics at
 * random phases and amplitudes that vary a little from window to window, and sensor noise. Faults
 * change the vibration the way the classical machine faults do: imbalance (a much stronger 1x
 * component), a bearing defect (impacts at 3.2 f0 ringing at 35-45 Hz), mechanical looseness (half
 * harmonics), misalignment (a strong axial 2x component) and a wrong speed (f0 of 13-16 Hz). Every
 * row is {@code label,v0,...,v191} with label 0 for normal and 1 for a fault.
 */
public final class VibrationGenerator {

  /** Samples per window. */
  public static final int WINDOW = 64;

  /** Accelerometer axes per sample. */
  public static final int AXES = 3;

  /** Sampling rate of the accelerometer. */
  public static final int SAMPLE_RATE_HZ = 100;

  static final int TRAIN_NORMAL = 400;
  static final int TEST_NORMAL = 150;
  static final int TEST_FAULTY = 150;
  static final long SEED = 20261124L;

  /** The machine faults of the anomalous windows. */
  enum Fault {
    IMBALANCE,
    BEARING,
    LOOSENESS,
    MISALIGNMENT,
    WRONG_SPEED
  }

  private final Random random;

  VibrationGenerator(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Regenerates the data set.
   *
   * @param args one argument: the directory to write {@code train.csv} and {@code test.csv} to
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: VibrationGenerator <output directory>");
    }
    Path dir = Path.of(args[0]);
    VibrationGenerator generator = new VibrationGenerator(SEED);
    StringBuilder train = new StringBuilder();
    for (int i = 0; i < TRAIN_NORMAL; i++) {
      appendRow(train, 0, generator.window(null));
    }
    int total = TEST_NORMAL + TEST_FAULTY;
    int[] labels = new int[total];
    for (int i = TEST_NORMAL; i < total; i++) {
      labels[i] = 1;
    }
    Shuffle.inPlace(labels, generator.random);
    StringBuilder test = new StringBuilder();
    int faults = 0;
    Fault[] kinds = Fault.values();
    for (int label : labels) {
      appendRow(test, label, generator.window(label == 0 ? null : kinds[faults++ % kinds.length]));
    }
    write(dir.resolve("train.csv"), train);
    write(dir.resolve("test.csv"), test);
    System.out.printf(
        "wrote %d training windows and %d test windows (%d faulty) to %s%n",
        TRAIN_NORMAL, total, TEST_FAULTY, dir);
  }

  /** One window, {@code WINDOW * AXES} values sample-major; normal when {@code fault} is null. */
  double[] window(Fault fault) {
    double f0 = 9.5 + random.nextDouble();
    if (fault == Fault.WRONG_SPEED) {
      f0 = 13 + 3 * random.nextDouble();
    }
    // Gravity along a slightly tilted z axis (the mounting is never perfectly level).
    double[] gravity = {
      0.05 * random.nextGaussian(), 0.05 * random.nextGaussian(), 1 + 0.002 * random.nextGaussian()
    };
    // Radial axes (x, y) vibrate more than the axial one (z).
    double[] axisGain = {0.04, 0.03, 0.012};
    double[][] harmonics = new double[AXES][];
    for (int a = 0; a < AXES; a++) {
      double g = axisGain[a] * (0.8 + 0.4 * random.nextDouble());
      harmonics[a] = new double[] {g, 0.4 * g * (0.8 + 0.4 * random.nextDouble()), 0.15 * g};
      if (fault == Fault.IMBALANCE && a < 2) {
        harmonics[a][0] *= 2.5 + 1.5 * random.nextDouble();
      }
      if (fault == Fault.MISALIGNMENT && a == 2) {
        harmonics[a][1] = 0.05 + 0.03 * random.nextDouble();
      }
    }
    double[][] phases = new double[AXES][4];
    for (double[] p : phases) {
      for (int h = 0; h < p.length; h++) {
        p[h] = 2 * Math.PI * random.nextDouble();
      }
    }
    double noise = 0.003 + 0.002 * random.nextDouble();
    double ringHz = 35 + 10 * random.nextDouble();
    double impactRate = 3.2 * f0;
    double impactPhase = random.nextDouble() / impactRate;
    double impact = 0.08 + 0.04 * random.nextDouble();
    double looseness = 0.015 + 0.01 * random.nextDouble();
    double[] out = new double[WINDOW * AXES];
    for (int n = 0; n < WINDOW; n++) {
      double t = (double) n / SAMPLE_RATE_HZ;
      for (int a = 0; a < AXES; a++) {
        double v = gravity[a];
        for (int h = 0; h < 3; h++) {
          v += harmonics[a][h] * Math.sin(2 * Math.PI * (h + 1) * f0 * t + phases[a][h]);
        }
        if (fault == Fault.LOOSENESS && a < 2) {
          v += looseness * Math.sin(2 * Math.PI * 0.5 * f0 * t + phases[a][3]);
          v += looseness * Math.sin(2 * Math.PI * 1.5 * f0 * t + phases[a][0]);
        }
        if (fault == Fault.BEARING) {
          // Time since the last impact; each impact rings down within ~50 ms.
          double since = (t + impactPhase) % (1 / impactRate);
          v +=
              impact
                  * (a == 2 ? 0.5 : 1)
                  * Math.exp(-since * 60)
                  * Math.sin(2 * Math.PI * ringHz * since);
        }
        out[n * AXES + a] = v + noise * random.nextGaussian();
      }
    }
    return out;
  }

  private static void appendRow(StringBuilder out, int label, double[] window) {
    out.append(label);
    for (double v : window) {
      out.append(',').append(String.format(Locale.ROOT, "%.4f", v));
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
