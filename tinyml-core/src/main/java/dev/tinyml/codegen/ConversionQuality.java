package dev.tinyml.codegen;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.InterpreterException;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.metrics.PngCharts;
import dev.tinyml.quant.DebugReport;
import dev.tinyml.quant.QuantizationDebugger;
import dev.tinyml.quant.QuantizationException;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.quant.TensorError;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quality figures of the conversion report: float-vs-int8 agreement on representative data, the
 * tensors with the lowest SQNR, and weight histograms.
 */
public final class ConversionQuality {
  private ConversionQuality() {}

  /**
   * Runs the float and the quantized model on the same samples and compares their first output: how
   * often the argmax agrees, and the mean absolute difference of the (dequantized) values.
   *
   * @param floatModel the float model
   * @param quantized the quantized model
   * @param data the samples
   * @return the agreement
   * @throws CodegenException when a model cannot run on the samples
   */
  public static ConversionReport.Agreement agreement(
      Model floatModel, Model quantized, RepresentativeDataset data) throws CodegenException {
    try {
      Interpreter f = PreparedModel.prepare(floatModel).newInterpreter();
      Interpreter q = PreparedModel.prepare(quantized).newInterpreter();
      int samples = 0;
      int agree = 0;
      double absSum = 0;
      long absCount = 0;
      for (float[][] sample : data) {
        float[] a = run(f, sample);
        float[] b = run(q, sample);
        samples++;
        if (argmax(a) == argmax(b)) {
          agree++;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
          absSum += Math.abs(a[i] - b[i]);
          absCount++;
        }
      }
      if (samples == 0) {
        throw new CodegenException("No representative samples to compare the models on.");
      }
      return new ConversionReport.Agreement(
          samples, (double) agree / samples, absCount == 0 ? 0 : absSum / absCount);
    } catch (InterpreterException e) {
      throw new CodegenException("Cannot compare float and int8 models: " + e.getMessage(), e);
    }
  }

  /**
   * The {@code n} tensors with the lowest signal-to-quantization-noise ratio.
   *
   * @param floatModel the float model
   * @param quantized the quantized model
   * @param data the samples
   * @param n how many
   * @return the tensors, worst first
   * @throws CodegenException when the models cannot be compared
   */
  public static List<ConversionReport.TensorSqnr> worstTensors(
      Model floatModel, Model quantized, RepresentativeDataset data, int n)
      throws CodegenException {
    try {
      DebugReport report = QuantizationDebugger.compare(floatModel, quantized, data);
      List<ConversionReport.TensorSqnr> out = new ArrayList<>();
      for (TensorError e : report.worst(n)) {
        out.add(new ConversionReport.TensorSqnr(e.name(), e.stats().sqnrDb()));
      }
      return out;
    } catch (QuantizationException | InterpreterException e) {
      throw new CodegenException("Cannot compare float and int8 tensors: " + e.getMessage(), e);
    }
  }

  /**
   * Histograms of the {@code n} largest weight tensors (the filters and weights of CONV_2D,
   * DEPTHWISE_CONV_2D, FULLY_CONNECTED and TRANSPOSE_CONV): int8 weights over their 256 integer
   * values, float weights over 64 bins between their minimum and maximum.
   *
   * @param model the model
   * @param n how many tensors
   * @return tensor name to PNG bytes, largest tensor first
   */
  public static Map<String, byte[]> weightHistograms(Model model, int n) {
    SubGraph g = model.primarySubgraph();
    Set<Integer> weights = new LinkedHashSet<>();
    for (Operator op : g.operators()) {
      BuiltinOperator b = model.opOf(op);
      if (b == null || op.inputs().length < 2) {
        continue;
      }
      int w =
          switch (b) {
            case CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED -> op.inputs()[1];
            case TRANSPOSE_CONV -> op.inputs()[1];
            default -> -1;
          };
      if (w >= 0 && model.dataOf(g.tensor(w)).length > 0) {
        weights.add(w);
      }
    }
    List<Integer> largest = new ArrayList<>(weights);
    largest.sort(
        Comparator.comparingLong((Integer i) -> -g.tensor(i).byteSize()).thenComparingInt(i -> i));
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (int i : largest.subList(0, Math.min(n, largest.size()))) {
      Tensor t = g.tensor(i);
      byte[] data = model.dataOf(t);
      String name = t.name() == null || t.name().isEmpty() ? "tensor_" + i : t.name();
      if (t.type() == TensorType.INT8) {
        long[] counts = new long[256];
        for (byte v : data) {
          counts[v + 128]++;
        }
        QuantizationParameters q = t.quantization();
        String kind = q != null && q.isPerChannel() ? "int8 per-channel" : "int8";
        out.put(name, PngCharts.histogram(name + " (" + kind + ")", -128, 128, counts));
      } else if (t.type() == TensorType.FLOAT32) {
        float[] v = new float[data.length / 4];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
        if (v.length == 0 || !Double.isFinite(min) || !Double.isFinite(max)) {
          continue;
        }
        long[] counts = new long[64];
        double width = max > min ? (max - min) / 64 : 1;
        for (float x : v) {
          counts[(int) Math.min(63, Math.floor((x - min) / width))]++;
        }
        out.put(
            name, PngCharts.histogram(name + " (float32)", min, max > min ? max : min + 1, counts));
      }
    }
    return out;
  }

  private static float[] run(Interpreter it, float[][] sample) {
    for (int i = 0; i < it.inputCount(); i++) {
      float[] x = sample[i];
      double[] d = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        d[k] = x[k];
      }
      it.input(i).setReal(d);
    }
    it.invoke();
    return it.output(0).dequantized();
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
