package dev.tinyml.convert;

import dev.tinyml.codegen.ConversionReport;
import dev.tinyml.interp.InterpreterException;
import dev.tinyml.metrics.PngCharts;
import dev.tinyml.quant.DebugReport;
import dev.tinyml.quant.Histogram;
import dev.tinyml.quant.ModelComparison;
import dev.tinyml.quant.QuantizationException;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.quant.TensorError;
import dev.tinyml.quant.WeightHistograms;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quality figures of the conversion report: float-vs-int8 agreement and the tensors with the
 * lowest SQNR, measured in one pass over the samples, and charts of the largest weight tensors.
 *
 * <pre>{@code
 * ConversionQuality.Measured q = ConversionQuality.measure(floatModel, int8Model, heldOut, 5);
 * System.out.println(q.agreement().top1Agreement());
 * }</pre>
 */
public final class ConversionQuality {
  private ConversionQuality() {}

  /**
   * What {@link #measure} found.
   *
   * @param agreement top-1 agreement and mean absolute difference of the first output
   * @param worstTensors the tensors with the lowest SQNR, worst first
   */
  public record Measured(
      ConversionReport.Agreement agreement, List<ConversionReport.TensorSqnr> worstTensors) {
    /** Copies the list. */
    public Measured {
      worstTensors = List.copyOf(worstTensors);
    }
  }

  /**
   * Runs the float and the quantized model once over the calibration samples and compares their
   * first output (how often the arg-max agrees; the mean absolute difference of the dequantized
   * values) and every activation tensor the two share by name.
   *
   * @param floatModel the float model
   * @param quantized the quantized model
   * @param data the samples
   * @param worst how many of the lowest-SQNR tensors to keep
   * @return the figures
   * @throws ConversionException when the models cannot run on the samples or share no tensor
   */
  public static Measured measure(
      Model floatModel, Model quantized, RepresentativeDataset data, int worst)
      throws ConversionException {
    return measure(
        floatModel, quantized, data, worst, ConversionReport.Agreement.CALIBRATION_SAMPLES);
  }

  /**
   * As {@link #measure(Model, Model, RepresentativeDataset, int)}, on samples the report describes
   * as {@code measuredOn}.
   *
   * @param floatModel the float model
   * @param quantized the quantized model
   * @param data the samples
   * @param worst how many of the lowest-SQNR tensors to keep
   * @param measuredOn which samples these are, e.g. {@code held-out samples in test}
   * @return the figures
   * @throws ConversionException when the models cannot run on the samples or share no tensor
   */
  public static Measured measure(
      Model floatModel, Model quantized, RepresentativeDataset data, int worst, String measuredOn)
      throws ConversionException {
    ModelComparison.Result r;
    try {
      r = ModelComparison.outputsAndTensors(floatModel, quantized, data);
    } catch (QuantizationException | InterpreterException e) {
      throw new ConversionException("Cannot compare float and int8 models: " + e.getMessage(), e);
    }
    DebugReport tensors = r.tensors();
    List<ConversionReport.TensorSqnr> lowest = new ArrayList<>();
    for (TensorError e : tensors.worst(worst)) {
      lowest.add(new ConversionReport.TensorSqnr(e.name(), e.stats().sqnrDb()));
    }
    ConversionReport.Agreement agreement =
        new ConversionReport.Agreement(
            (int) r.samples(), r.top1Agreement(), r.meanAbsoluteError(), measuredOn);
    return new Measured(agreement, lowest);
  }

  /**
   * Charts of the {@code n} largest weight tensors ({@link WeightHistograms#largest}), titled with
   * the tensor name and its kind. A per-channel int8 tensor gets a second chart, keyed {@code
   * <name> per-channel ranges}: the largest absolute weight of each output channel, with the spread
   * between the narrowest and the widest channel in the title. Its pooled int8 histogram only shows
   * that every channel uses the int8 range (each has its own scale); the ranges show what the
   * scales hide.
   *
   * @param model the model
   * @param n how many tensors
   * @return chart name to PNG bytes, largest tensor first
   */
  public static Map<String, byte[]> weightHistograms(Model model, int n) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (WeightHistograms.Entry e : WeightHistograms.largest(model, n)) {
      Histogram h = e.histogram();
      double max = h.max() > h.min() ? h.max() : h.min() + 1;
      out.put(
          e.name(),
          PngCharts.histogram(e.name() + " (" + e.kind() + ")", h.min(), max, h.counts()));
      double[] ranges = channelRanges(model, e.name());
      if (ranges.length > 1) {
        out.put(
            e.name() + " per-channel ranges",
            PngCharts.channelRanges(e.name() + " per channel (" + spread(ranges) + ")", ranges));
      }
    }
    return out;
  }

  /**
   * The largest absolute real value of each channel of a per-channel quantized int8 tensor, or an
   * empty array for any other tensor.
   */
  static double[] channelRanges(Model model, String tensorName) {
    for (Tensor t : model.primarySubgraph().tensors()) {
      if (!tensorName.equals(t.name()) || t.type() != TensorType.INT8) {
        continue;
      }
      QuantizationParameters q = t.quantization();
      if (q == null || !q.isPerChannel()) {
        return new double[0];
      }
      float[] scales = q.scale();
      long[] zeros = q.zeroPoint();
      int[] shape = t.shape();
      int dim = q.quantizedDimension();
      if (dim < 0 || dim >= shape.length || shape[dim] != scales.length) {
        return new double[0];
      }
      int inner = 1;
      for (int d = dim + 1; d < shape.length; d++) {
        inner *= shape[d];
      }
      byte[] data = model.dataOf(t);
      long[] largest = new long[scales.length];
      for (int i = 0; i < data.length; i++) {
        int c = (i / inner) % scales.length;
        long zp = zeros.length > c ? zeros[c] : 0;
        largest[c] = Math.max(largest[c], Math.abs(data[i] - zp));
      }
      double[] ranges = new double[scales.length];
      for (int c = 0; c < ranges.length; c++) {
        ranges[c] = (double) scales[c] * largest[c];
      }
      return ranges;
    }
    return new double[0];
  }

  /** "ranges 0.012 to 0.85, 71x" for the chart title; empty channels counted apart. */
  static String spread(double[] ranges) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    int empty = 0;
    for (double r : ranges) {
      if (r == 0) {
        empty++;
      } else {
        lo = Math.min(lo, r);
        hi = Math.max(hi, r);
      }
    }
    String text =
        hi == 0
            ? "all channels zero"
            : String.format(Locale.ROOT, "ranges %.3g to %.3g, %.0fx", lo, hi, hi / lo);
    return empty == 0 || hi == 0 ? text : text + ", " + empty + " all-zero";
  }
}
