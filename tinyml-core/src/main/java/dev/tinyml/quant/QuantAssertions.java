package dev.tinyml.quant;

import dev.tinyml.interp.PreparedModel;
import dev.tinyml.interp.TensorInfo;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Assertions for users' tests that an int8 model still does what its float model does. They throw
 * {@link AssertionError} (which JUnit, TestNG and AssertJ report as a failure) with the numbers and
 * the first offending samples.
 *
 * <pre>{@code
 * QuantAssertions.assertTop1Agreement(floatModel, int8Model, heldOut, 0.99);
 * QuantAssertions.assertWithinQuantSteps(floatModel, int8Model, heldOut, 2);
 * }</pre>
 */
public final class QuantAssertions {
  private static final int EXAMPLES = 10;

  private QuantAssertions() {}

  /**
   * The share of samples on which both models' first output has the same arg-max.
   *
   * @param floatModel the float32 model
   * @param int8Model the quantized model (int8 or float32 I/O)
   * @param data real-valued samples
   * @return the agreement, in [0, 1]
   */
  public static double top1Agreement(
      Model floatModel, Model int8Model, RepresentativeDataset data) {
    return compareTop1(floatModel, int8Model, data).top1Agreement();
  }

  /**
   * Asserts that both models pick the same top-1 class (arg-max of output 0) on at least {@code
   * minShare} of the samples.
   *
   * @param floatModel the float32 model
   * @param int8Model the quantized model
   * @param data held-out real-valued samples
   * @param minShare the least acceptable agreement, e.g. 0.99
   * @throws AssertionError naming the agreement and the first disagreeing samples
   */
  public static void assertTop1Agreement(
      Model floatModel, Model int8Model, RepresentativeDataset data, double minShare) {
    ModelComparison.Result result = compareTop1(floatModel, int8Model, data);
    if (result.samples() == 0) {
      throw new AssertionError("no samples to compare top-1 agreement on");
    }
    if (result.top1Agreement() < minShare) {
      throw new AssertionError(
          String.format(
              Locale.ROOT,
              "int8 model agrees with the float model on top-1 for %.2f%% of %d samples,"
                  + " expected at least %.2f%%; first disagreements (sample: float vs int8 class,"
                  + " float output of its class minus that of the int8 model's class):"
                  + " %s",
              100 * result.top1Agreement(),
              result.samples(),
              100 * minShare,
              String.join(", ", result.disagreements())));
    }
  }

  /**
   * Asserts that every output value of the int8 model, dequantized, is within {@code steps}
   * quantization steps (the output's scale) of the float model's.
   *
   * @param floatModel the float32 model
   * @param int8Model the quantized model
   * @param data real-valued samples
   * @param steps the tolerance in steps
   * @throws AssertionError naming the sample, output, index and both values of the worst misses
   */
  public static void assertWithinQuantSteps(
      Model floatModel, Model int8Model, RepresentativeDataset data, int steps) {
    ModelRunner f = new ModelRunner(floatModel, "the float model");
    ModelRunner q = new ModelRunner(int8Model, "the int8 model");
    float[] scales = outputScales(int8Model, q.prepared());
    List<String> misses = new ArrayList<>();
    long n = 0;
    long missCount = 0;
    for (float[][] sample : data) {
      float[][] a = f.run(sample, n);
      float[][] b = q.run(sample, n);
      for (int o = 0; o < a.length; o++) {
        double allowed = steps * (double) scales[o];
        for (int i = 0; i < a[o].length; i++) {
          double d = Math.abs(a[o][i] - b[o][i]);
          if (d > allowed + 1e-7) {
            missCount++;
            if (misses.size() < EXAMPLES) {
              misses.add(
                  String.format(
                      Locale.ROOT,
                      "sample %d output %d [%d]: float %.6g, int8 %.6g (%.2f steps)",
                      n,
                      o,
                      i,
                      a[o][i],
                      b[o][i],
                      d / scales[o]));
            }
          }
        }
      }
      n++;
    }
    if (missCount > 0) {
      throw new AssertionError(
          missCount
              + " output values of the int8 model are more than "
              + steps
              + " quantization steps from the float model's; first: "
              + String.join("; ", misses));
    }
  }

  private static ModelComparison.Result compareTop1(
      Model floatModel, Model int8Model, RepresentativeDataset data) {
    return ModelComparison.outputs(floatModel, int8Model, data);
  }

  static int argMax(float[] v) {
    return ModelComparison.argMax(v);
  }

  /** Each output's int8 scale; for a float output, that of the int8 tensor its DEQUANTIZE reads. */
  private static float[] outputScales(Model model, PreparedModel prepared) {
    SubGraph g = model.primarySubgraph();
    List<TensorInfo> outs = prepared.outputs();
    float[] scales = new float[outs.size()];
    for (int o = 0; o < scales.length; o++) {
      TensorInfo info = outs.get(o);
      float s = info.scale();
      if (s == 0) {
        for (Operator op : g.operators()) {
          if (model.opOf(op) == BuiltinOperator.DEQUANTIZE && op.outputs()[0] == info.index()) {
            Tensor in = g.tensors().get(op.inputs()[0]);
            QuantizationParameters qp = in.quantization();
            s = qp != null && qp.scale().length > 0 ? qp.scale()[0] : 0;
          }
        }
      }
      if (s == 0) {
        throw new IllegalArgumentException(
            "output " + o + " ('" + info.name() + "') of the int8 model is not quantized");
      }
      scales[o] = s;
    }
    return scales;
  }
}
