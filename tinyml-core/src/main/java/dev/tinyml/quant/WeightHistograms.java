package dev.tinyml.quant;

import dev.tinyml.ops.Op;
import dev.tinyml.ops.OpRegistry;
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
 * Histograms of a model's weights, for reports and charts: draw one with {@code
 * PngCharts.histogram(name, h.min(), h.max(), h.counts())}. The one place that finds weight tensors
 * and counts their values; the conversion report and the examples' evaluations draw what it counts.
 */
public final class WeightHistograms {
  private static final int INT8_VALUES = 256;
  private static final int FLOAT_BINS = 64;

  private WeightHistograms() {}

  /**
   * A weight tensor's histogram.
   *
   * @param name the tensor name, or {@code tensor_<index>} when unnamed
   * @param kind {@code int8}, {@code int8 per-channel} or {@code float32}
   * @param histogram int8 values counted one bin per integer over [-128, 128]; float values in
   *     equal bins between their minimum and maximum
   */
  public record Entry(String name, String kind, Histogram histogram) {}

  /**
   * The {@code n} largest weight tensors (filters and weights of CONV_2D, DEPTHWISE_CONV_2D,
   * FULLY_CONNECTED and TRANSPOSE_CONV), largest first: int8 weights over their 256 integer values
   * (not dequantized), float weights in 64 bins. Float tensors with a non-finite value are left
   * out.
   *
   * @param model the model
   * @param n how many tensors
   * @return the histograms
   */
  public static List<Entry> largest(Model model, int n) {
    SubGraph g = model.primarySubgraph();
    Set<Integer> weights = new LinkedHashSet<>();
    for (Operator op : g.operators()) {
      int input = OpRegistry.builtin(model.opOf(op)).map(Op::weightsInput).orElse(-1);
      if (input < 0 || op.inputs().length <= input) {
        continue;
      }
      int w = op.inputs()[input];
      if (w >= 0 && model.dataOf(g.tensor(w)).length > 0) {
        weights.add(w);
      }
    }
    List<Integer> bySize = new ArrayList<>(weights);
    bySize.sort(
        Comparator.comparingLong((Integer i) -> -g.tensor(i).byteSize()).thenComparingInt(i -> i));
    List<Entry> out = new ArrayList<>();
    for (int i : bySize.subList(0, Math.min(n, bySize.size()))) {
      Tensor t = g.tensor(i);
      byte[] data = model.dataOf(t);
      String name = t.name() == null || t.name().isEmpty() ? "tensor_" + i : t.name();
      if (t.type() == TensorType.INT8) {
        QuantizationParameters q = t.quantization();
        String kind = q != null && q.isPerChannel() ? "int8 per-channel" : "int8";
        out.add(new Entry(name, kind, int8Values(data)));
      } else if (t.type() == TensorType.FLOAT32) {
        float[] v = floats(data);
        if (v.length > 0 && allFinite(v)) {
          out.add(new Entry(name, "float32", Histogram.of(v, FLOAT_BINS)));
        }
      }
    }
    return out;
  }

  /**
   * Every int8 constant tensor with at least {@code minValues} values, in tensor order, over its
   * 256 integer values (not dequantized): how much of the int8 range each quantized tensor uses.
   *
   * @param model the model
   * @param minValues the fewest values a tensor must have
   * @return the histograms, named by tensor
   */
  public static List<Entry> int8Constants(Model model, int minValues) {
    List<Entry> out = new ArrayList<>();
    for (Tensor t : model.primarySubgraph().tensors()) {
      if (t.type() != TensorType.INT8 || t.buffer() <= 0) {
        continue;
      }
      byte[] data = model.buffers().get(t.buffer()).data();
      if (data != null && data.length >= minValues) {
        out.add(new Entry(t.name(), "int8", int8Values(data)));
      }
    }
    return out;
  }

  private static Histogram int8Values(byte[] data) {
    float[] v = new float[data.length];
    for (int i = 0; i < data.length; i++) {
      v[i] = data[i];
    }
    return Histogram.of(v, INT8_VALUES, -128, 128);
  }

  private static float[] floats(byte[] data) {
    float[] v = new float[data.length / 4];
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }

  private static boolean allFinite(float[] v) {
    for (float x : v) {
      if (!Float.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One histogram per weight tensor of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED ops, in op
   * order, keyed by tensor name (or {@code #index} when unnamed).
   *
   * @param model a float or quantized model
   * @param bins bins per histogram
   * @return the histograms
   */
  public static Map<String, Histogram> of(Model model, int bins) {
    SubGraph g = model.primarySubgraph();
    Map<String, Histogram> out = new LinkedHashMap<>();
    for (Operator op : g.operators()) {
      // The ops whose weights the quantizer quantizes.
      boolean weighted =
          OpRegistry.int8Rules(model.opOf(op)).map(r -> r.weightsChannelAxis() >= 0).orElse(false);
      if (!weighted || op.inputs().length < 2 || op.inputs()[1] < 0) {
        continue;
      }
      int index = op.inputs()[1];
      Tensor t = g.tensors().get(index);
      float[] values = realValues(t, model.dataOf(t));
      if (values.length > 0) {
        out.putIfAbsent(Calibrator.nameOf(t, index), Histogram.of(values, bins));
      }
    }
    return out;
  }

  private static float[] realValues(Tensor t, byte[] data) {
    if (t.type() == TensorType.FLOAT32) {
      return floats(data);
    }
    QuantizationParameters q = t.quantization();
    if (t.type() != TensorType.INT8 || q == null || !q.hasScale()) {
      return new float[0];
    }
    float[] scales = q.scale();
    long[] zeros = q.zeroPoint();
    int[] shape = t.shape();
    int inner = 1;
    if (scales.length > 1) {
      for (int d = q.quantizedDimension() + 1; d < shape.length; d++) {
        inner *= shape[d];
      }
    }
    float[] v = new float[data.length];
    for (int i = 0; i < data.length; i++) {
      int c = scales.length > 1 ? (i / inner) % scales.length : 0;
      long zp = zeros.length > c ? zeros[c] : 0;
      v[i] = (float) ((double) scales[c] * (data[i] - zp));
    }
    return v;
  }
}
