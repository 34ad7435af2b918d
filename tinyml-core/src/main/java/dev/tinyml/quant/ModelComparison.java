package dev.tinyml.quant;

import dev.tinyml.interp.PreparedModel;
import dev.tinyml.interp.TensorInfo;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a float model and its quantized form once over the same samples and measures, in that one
 * pass, how far the quantized model's answers are from the float model's: top-1 agreement of the
 * first output (with the first disagreements), its mean absolute difference, and optionally the
 * error of every activation tensor the two share by name. {@link QuantAssertions}, {@link
 * QuantizationDebugger} and the conversion report all measure through this class.
 */
public final class ModelComparison {
  private static final int EXAMPLES = 10;

  private ModelComparison() {}

  /**
   * What one pass measured.
   *
   * @param samples how many samples were compared
   * @param top1Agreeing on how many the arg-max of output 0 is the same
   * @param meanAbsoluteError the mean absolute difference of output 0's real values
   * @param disagreements the first disagreeing samples, as {@code "n: a vs b (float margin m)"}
   * @param tensors per-tensor errors, worst first; {@code null} unless asked for
   */
  public record Result(
      long samples,
      long top1Agreeing,
      double meanAbsoluteError,
      List<String> disagreements,
      DebugReport tensors) {
    /** Copies the list. */
    public Result {
      disagreements = List.copyOf(disagreements);
    }

    /**
     * The share of samples with the same top-1 class.
     *
     * @return in [0, 1]; 0 without samples
     */
    public double top1Agreement() {
      return samples == 0 ? 0 : (double) top1Agreeing / samples;
    }
  }

  /**
   * Compares the first outputs only.
   *
   * @param floatModel the float32 model (a hybrid model runs as the float model it stands for)
   * @param quantized the quantized model (int8 or float32 I/O)
   * @param data real-valued samples
   * @return the measurements; {@link Result#tensors()} is null
   * @throws QuantizationException naming the sample that does not fit the models
   */
  public static Result outputs(Model floatModel, Model quantized, RepresentativeDataset data) {
    ModelRunner f = new ModelRunner(floatModel, "the float model");
    ModelRunner q = new ModelRunner(quantized, "the int8 model");
    return run(f, q, 0, 0, null, data);
  }

  /**
   * Compares the first outputs and every int8 activation tensor that has a float32 namesake.
   *
   * @param floatModel the float32 model
   * @param quantized its quantized form (tensor names must match)
   * @param data real-valued samples
   * @return the measurements, {@link Result#tensors()} included
   * @throws QuantizationException if the dataset is empty or no tensor names match
   */
  public static Result outputsAndTensors(
      Model floatModel, Model quantized, RepresentativeDataset data) {
    Model floatAsFloat = HybridWeights.toFloat(floatModel);
    List<int[]> pairs = namesakes(floatAsFloat, quantized);
    if (pairs.isEmpty()) {
      throw new QuantizationException(
          "no int8 activation tensor of the quantized model has a float32 namesake in the float"
              + " model; the debugger matches tensors by name");
    }
    int[] floatOut = withFirstOutput(pairs, 0, floatAsFloat);
    int[] int8Out = withFirstOutput(pairs, 1, quantized);
    ModelRunner f =
        new ModelRunner(
            PreparedModel.prepare(Calibrator.probe(floatAsFloat, floatOut)), "the float model");
    PreparedModel int8Prepared = PreparedModel.prepare(Calibrator.probe(quantized, int8Out));
    ModelRunner q = new ModelRunner(int8Prepared, "the int8 model");
    ErrorStats.Accumulator[] acc = new ErrorStats.Accumulator[pairs.size()];
    for (int j = 0; j < acc.length; j++) {
      acc[j] = new ErrorStats.Accumulator();
    }
    Result r = run(f, q, floatOut.length - 1, int8Out.length - 1, acc, data);
    if (r.samples() == 0) {
      throw new QuantizationException("the dataset is empty; the debugger needs samples");
    }
    List<TensorError> errors = new ArrayList<>();
    for (int j = 0; j < acc.length; j++) {
      TensorInfo info = int8Prepared.outputs().get(j);
      errors.add(
          new TensorError(
              int8Out[j], info.name(), info.scale(), info.zeroPoint(), acc[j].result()));
    }
    errors.sort(
        Comparator.comparingDouble((TensorError e) -> e.stats().sqnrDb())
            .thenComparingInt(TensorError::index));
    return new Result(
        r.samples(),
        r.top1Agreeing(),
        r.meanAbsoluteError(),
        r.disagreements(),
        new DebugReport(r.samples(), errors));
  }

  /**
   * The one pass: output {@code floatFirst}/{@code int8First} of each runner is the models' first
   * output; the outputs before them feed {@code acc}, one per tensor pair.
   */
  private static Result run(
      ModelRunner f,
      ModelRunner q,
      int floatFirst,
      int int8First,
      ErrorStats.Accumulator[] acc,
      RepresentativeDataset data) {
    long n = 0;
    long agree = 0;
    double absSum = 0;
    long absCount = 0;
    List<String> examples = new ArrayList<>();
    for (float[][] sample : data) {
      float[][] fo = f.run(sample, n);
      float[][] qo = q.run(sample, n);
      if (acc != null) {
        for (int j = 0; j < acc.length; j++) {
          acc[j].add(fo[j], qo[j], 0, fo[j].length);
        }
      }
      float[] a = fo[floatFirst];
      float[] b = qo[int8First];
      int ia = argMax(a);
      int ib = argMax(b);
      if (ia == ib) {
        agree++;
      } else if (examples.size() < EXAMPLES) {
        // The float model's own margin tells a borderline sample from a real regression.
        examples.add(
            String.format(
                Locale.ROOT, "%d: %d vs %d (float margin %.3g)", n, ia, ib, a[ia] - a[ib]));
      }
      for (int i = 0; i < Math.min(a.length, b.length); i++) {
        absSum += Math.abs(a[i] - b[i]);
        absCount++;
      }
      n++;
    }
    return new Result(n, agree, absCount == 0 ? 0 : absSum / absCount, examples, null);
  }

  /**
   * Pairs {float index, quantized index} of int8 or int16 (16x8) activations and their float32
   * namesakes.
   */
  private static List<int[]> namesakes(Model floatModel, Model int8Model) {
    SubGraph fg = floatModel.primarySubgraph();
    SubGraph qg = int8Model.primarySubgraph();
    Map<String, Integer> floatByName = new HashMap<>();
    for (int i = 0; i < fg.tensors().size(); i++) {
      Tensor t = fg.tensors().get(i);
      if (t.type() == TensorType.FLOAT32 && t.name() != null && !t.name().isEmpty()) {
        floatByName.putIfAbsent(t.name(), i);
      }
    }
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < qg.tensors().size(); i++) {
      Tensor t = qg.tensors().get(i);
      boolean quantizedActivation =
          (t.type() == TensorType.INT8 || t.type() == TensorType.INT16)
              && int8Model.dataOf(t).length == 0
              && t.quantization() != null
              && t.quantization().scale().length == 1;
      Integer f = t.name() == null ? null : floatByName.get(t.name());
      if (quantizedActivation && f != null && floatModel.dataOf(fg.tensors().get(f)).length == 0) {
        pairs.add(new int[] {f, i});
      }
    }
    return pairs;
  }

  /** The pairs' tensors on one side, then that model's first output. */
  private static int[] withFirstOutput(List<int[]> pairs, int side, Model model) {
    int[] out = new int[pairs.size() + 1];
    for (int j = 0; j < pairs.size(); j++) {
      out[j] = pairs.get(j)[side];
    }
    out[pairs.size()] = model.primarySubgraph().outputs()[0];
    return out;
  }

  static int argMax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
