package dev.tinyml.examples.support;

import dev.tinyml.metrics.PngCharts;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Histograms of a model's weights, as PNG charts: the float values of every trained kernel, and the
 * int8 values of every int8 constant tensor of a converted model (which show how much of the [-127,
 * 127] range each quantized tensor uses).
 */
public final class WeightHistograms {

  private static final int BINS = 41;

  private WeightHistograms() {}

  /** One chart per float kernel (biases are left out: they stay 32-bit on the device). */
  public static Map<String, byte[]> ofFloat(Map<String, float[]> weights) {
    Map<String, byte[]> charts = new LinkedHashMap<>();
    for (Map.Entry<String, float[]> e : weights.entrySet()) {
      if (e.getKey().endsWith("_bias")) {
        continue;
      }
      float[] v = e.getValue();
      double max = 0;
      for (float x : v) {
        max = Math.max(max, Math.abs(x));
      }
      max = max == 0 ? 1 : max;
      long[] counts = new long[BINS];
      for (float x : v) {
        int bin = (int) Math.floor((x + max) / (2 * max) * BINS);
        counts[Math.max(0, Math.min(BINS - 1, bin))]++;
      }
      charts.put(
          "weights-float-" + e.getKey() + ".png",
          PngCharts.histogram("float weights " + e.getKey(), -max, max, counts));
    }
    return charts;
  }

  /** One chart per int8 constant tensor of {@code model} with at least 16 values. */
  public static Map<String, byte[]> ofInt8(Model model) {
    Map<String, byte[]> charts = new LinkedHashMap<>();
    SubGraph graph = model.primarySubgraph();
    for (Tensor t : graph.tensors()) {
      if (t.type() != TensorType.INT8 || t.buffer() <= 0) {
        continue;
      }
      Buffer buffer = model.buffers().get(t.buffer());
      byte[] data = buffer.data();
      if (data == null || data.length < 16) {
        continue;
      }
      long[] counts = new long[256];
      for (byte b : data) {
        counts[b + 128]++;
      }
      String name = t.name().replaceAll("[^A-Za-z0-9_.-]", "_");
      charts.put(
          "weights-int8-" + name + ".png",
          PngCharts.histogram("int8 values " + t.name(), -128, 127, counts));
    }
    return charts;
  }
}
