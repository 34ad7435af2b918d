package dev.tinyml.quant;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Histograms of a model's conv and dense weights, float or int8 (dequantized), for reports: draw
 * them with {@code PngCharts.histogram(name, h.min(), h.max(), h.counts())}.
 */
public final class WeightHistograms {
  private WeightHistograms() {}

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
      BuiltinOperator b = model.opOf(op);
      if ((b != BuiltinOperator.CONV_2D
              && b != BuiltinOperator.DEPTHWISE_CONV_2D
              && b != BuiltinOperator.FULLY_CONNECTED)
          || op.inputs().length < 2
          || op.inputs()[1] < 0) {
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
      float[] v = new float[data.length / 4];
      ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
      return v;
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
