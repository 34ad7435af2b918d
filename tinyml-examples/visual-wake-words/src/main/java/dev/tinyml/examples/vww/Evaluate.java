package dev.tinyml.examples.vww;

import dev.tinyml.examples.support.ClassifierScores;
import dev.tinyml.examples.support.EvaluationArgs;
import dev.tinyml.examples.support.EvaluationReport;
import dev.tinyml.examples.support.Network;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Scores the float person detector (TensorFlow Java) and the converted int8 model (reference
 * interpreter) on the held-out scenes, and compares the cost of the depthwise-separable network
 * with its standard-convolution equivalent.
 */
public final class Evaluate {

  private Evaluate() {}

  /**
   * Entry point.
   *
   * @param args see {@link EvaluationArgs}
   */
  public static void main(String[] args) {
    EvaluationArgs a = EvaluationArgs.parse(args);
    VwwData test = VwwData.read(a.data().resolve("test"));
    ClassifierScores scores =
        ClassifierScores.of(VwwModel.network(), VwwData.LABELS, test.pixels(), test.labels(), a);

    EvaluationReport report =
        scores.report("Visual wake words: person / no person (synthetic scenes)");
    report.section(
        "Held-out data",
        test.size()
            + " rendered 96 x 96 grayscale scenes from data/test (half with a drawn person),"
            + " never seen in training. The scenes are synthetic: see the README.");
    report.section("Cost: depthwise-separable against standard convolutions", costTable());
    scores.addConfusionMatricesAndWeights(report).writeAndPrint(a.reportDir(), System.out);
  }

  /**
   * Layer-by-layer parameters and MACs of both networks. As the course computes them, a standard
   * convolution with a {@code Dk x Dk} kernel over a {@code Df x Df x M} map giving {@code N}
   * channels costs {@code Dk^2 M N Df^2} MACs; a depthwise-separable one costs {@code Dk^2 M Df^2 +
   * M N Df^2}, a ratio of {@code 1/N + 1/Dk^2}.
   */
  static String costTable() {
    Network separable = VwwModel.network();
    Network standard = VwwModel.standardEquivalent();
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Width multiplier alpha = %.2f (channels are alpha times MobileNet v1's).%n%n",
            VwwModel.WIDTH_MULTIPLIER));
    md.append("| network | parameters | MACs per image |\n|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| depthwise-separable (trained) | %,d | %,d |%n",
            separable.parameterCount(),
            separable.macCount()));
    md.append(
        String.format(
            Locale.ROOT,
            "| standard-convolution equivalent | %,d | %,d |%n",
            standard.parameterCount(),
            standard.macCount()));
    md.append(
        String.format(
            Locale.ROOT,
            "| ratio separable / standard | %.3f | %.3f |%n%n",
            (double) separable.parameterCount() / standard.parameterCount(),
            (double) separable.macCount() / standard.macCount()));
    md.append("Layers of the trained network:\n\n");
    md.append("| layer | input | output | parameters | MACs |\n|---|---|---|---|---|\n");
    for (Network.LayerSummary row : separable.summary()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %,d | %,d |%n",
              row.name(),
              shape(row.inputShape()),
              shape(row.outputShape()),
              row.parameters(),
              row.macs()));
    }
    md.append("\nPer separable block, the course's formula against the counts above:\n\n");
    md.append(
        "| block | Dk | M | N | Df | standard Dk²·M·N·Df² | separable Dk²·M·Df² + M·N·Df²"
            + " | ratio | 1/N + 1/Dk² |\n|---|---|---|---|---|---|---|---|---|\n");
    List<Network.LayerSummary> rows = separable.summary();
    for (int i = 0; i + 1 < rows.size(); i++) {
      Network.LayerSummary dw = rows.get(i);
      Network.LayerSummary pw = rows.get(i + 1);
      if (!dw.kind().equals("dw")) {
        continue;
      }
      int dk = 3;
      int m = dw.inputShape()[2];
      int n = pw.outputShape()[2];
      int df = dw.outputShape()[0];
      long std = (long) dk * dk * m * n * df * df;
      long sep = (long) dk * dk * m * df * df + (long) m * n * df * df;
      md.append(
          String.format(
              Locale.ROOT,
              "| %s+%s | %d | %d | %d | %d | %,d | %,d | %.3f | %.3f |%n",
              dw.name(),
              pw.name(),
              dk,
              m,
              n,
              df,
              std,
              sep,
              (double) sep / std,
              1.0 / n + 1.0 / (dk * dk)));
    }
    return md.toString();
  }

  private static String shape(int[] shape) {
    return Arrays.toString(shape).replace(", ", "x").replace("[", "").replace("]", "");
  }
}
