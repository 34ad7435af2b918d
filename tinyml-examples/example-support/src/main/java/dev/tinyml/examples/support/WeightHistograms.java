package dev.tinyml.examples.support;

import dev.tinyml.metrics.PngCharts;
import dev.tinyml.quant.Histogram;
import dev.tinyml.tflite.Model;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Histograms of a model's weights, as PNG charts: the float values of every trained kernel, and the
 * int8 values of every int8 constant tensor of a converted model (which show how much of the [-127,
 * 127] range each quantized tensor uses). The counting is {@link
 * dev.tinyml.quant.WeightHistograms}'s and {@link Histogram#symmetric}'s; this class names and
 * draws the charts of the evaluation report.
 */
public final class WeightHistograms {

  private static final int BINS = 41;

  private static final int MIN_INT8_VALUES = 16;

  private WeightHistograms() {}

  /** One chart per float kernel (biases are left out: they stay 32-bit on the device). */
  public static Map<String, byte[]> ofFloat(Map<String, float[]> weights) {
    Map<String, byte[]> charts = new LinkedHashMap<>();
    for (Map.Entry<String, float[]> e : weights.entrySet()) {
      if (e.getKey().endsWith("_bias")) {
        continue;
      }
      Histogram h = Histogram.symmetric(e.getValue(), BINS);
      charts.put(
          "weights-float-" + e.getKey() + ".png",
          PngCharts.histogram("float weights " + e.getKey(), h.min(), h.max(), h.counts()));
    }
    return charts;
  }

  /** One chart per int8 constant tensor of {@code model} with at least 16 values. */
  public static Map<String, byte[]> ofInt8(Model model) {
    Map<String, byte[]> charts = new LinkedHashMap<>();
    for (dev.tinyml.quant.WeightHistograms.Entry e :
        dev.tinyml.quant.WeightHistograms.int8Constants(model, MIN_INT8_VALUES)) {
      String name = e.name().replaceAll("[^A-Za-z0-9_.-]", "_");
      charts.put(
          "weights-int8-" + name + ".png",
          PngCharts.histogram("int8 values " + e.name(), -128, 128, e.histogram().counts()));
    }
    return charts;
  }
}
