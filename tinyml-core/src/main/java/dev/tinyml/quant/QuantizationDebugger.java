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
import java.util.Map;

/**
 * Finds where an int8 model loses precision: runs it and its float model on the same samples and
 * compares every tensor the two share by name (the int8 values dequantized), reporting SQNR, max
 * and mean squared error per tensor, worst first.
 *
 * <pre>{@code
 * DebugReport report = QuantizationDebugger.compare(floatModel, int8Model, heldOut);
 * System.out.println(report.worst(5));
 * }</pre>
 */
public final class QuantizationDebugger {
  private QuantizationDebugger() {}

  /**
   * Compares the models tensor by tensor.
   *
   * @param floatModel the float32 model
   * @param int8Model its quantized form (from {@link ModelQuantizer} or any converter, as long as
   *     tensor names match)
   * @param data the samples, as real values for the float model's inputs
   * @return the per-tensor errors, worst first
   * @throws QuantizationException if the dataset is empty or no tensor names match
   */
  public static DebugReport compare(Model floatModel, Model int8Model, RepresentativeDataset data) {
    floatModel = HybridWeights.toFloat(floatModel);
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
          t.type() == TensorType.INT8
              && int8Model.dataOf(t).length == 0
              && t.quantization() != null
              && t.quantization().scale().length == 1;
      Integer f = t.name() == null ? null : floatByName.get(t.name());
      if (quantizedActivation && f != null && floatModel.dataOf(fg.tensors().get(f)).length == 0) {
        pairs.add(new int[] {f, i});
      }
    }
    if (pairs.isEmpty()) {
      throw new QuantizationException(
          "no int8 activation tensor of the quantized model has a float32 namesake in the float"
              + " model; the debugger matches tensors by name");
    }
    int[] floatOut = pairs.stream().mapToInt(p -> p[0]).toArray();
    int[] int8Out = pairs.stream().mapToInt(p -> p[1]).toArray();
    ModelRunner floatRunner =
        new ModelRunner(Calibrator.probe(floatModel, floatOut), "the float model");
    PreparedModel int8Prepared = PreparedModel.prepare(Calibrator.probe(int8Model, int8Out));
    ModelRunner int8Runner = new ModelRunner(int8Prepared, "the int8 model");
    ErrorStats.Accumulator[] acc = new ErrorStats.Accumulator[pairs.size()];
    for (int j = 0; j < acc.length; j++) {
      acc[j] = new ErrorStats.Accumulator();
    }
    long n = 0;
    for (float[][] sample : data) {
      float[][] f = floatRunner.run(sample, n);
      float[][] q = int8Runner.run(sample, n);
      for (int j = 0; j < acc.length; j++) {
        acc[j].add(f[j], q[j], 0, f[j].length);
      }
      n++;
    }
    if (n == 0) {
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
    return new DebugReport(n, errors);
  }
}
