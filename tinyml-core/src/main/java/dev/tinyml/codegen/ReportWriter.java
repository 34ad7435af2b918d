package dev.tinyml.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;

/** Writes a {@link ConversionReport} as Markdown (for people) and JSON (for tools). */
public final class ReportWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  /**
   * The report as JSON, fields in a fixed order.
   *
   * @param r the report
   * @return the JSON text, ending with a newline
   */
  public static String json(ConversionReport r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", r.modelName());
    root.put("source", r.source());
    root.put("quantization", r.quantization());
    root.put("board", r.board());
    root.put("template", r.template());
    tensors(root.putArray("inputs"), r.inputs());
    tensors(root.putArray("outputs"), r.outputs());
    ArrayNode ops = root.putArray("ops");
    for (ConversionReport.OpUse o : r.ops()) {
      ops.addObject().put("op", o.op()).put("version", o.version()).put("count", o.count());
    }
    Footprint f = r.footprint();
    ObjectNode sizes = root.putObject("footprint");
    sizes.put("modelBytes", f.modelBytes());
    sizes.put("estimatedCodeFlashBytes", f.codeFlashBytes());
    sizes.put("flashBytes", f.flashBytes());
    sizes.put("flashBudgetBytes", f.flashBudget());
    sizes.put("arenaBytes", f.arenaBytes());
    sizes.put("estimatedRuntimeRamBytes", f.runtimeRamBytes());
    sizes.put("ramBytes", f.ramBytes());
    sizes.put("ramBudgetBytes", f.ramBudget());
    if (r.macs() == null) {
      root.putNull("macs");
    } else {
      root.put("macs", r.macs());
    }
    if (r.agreement() == null) {
      root.putNull("agreement");
    } else {
      root.putObject("agreement")
          .put("samples", r.agreement().samples())
          .put("top1Agreement", r.agreement().top1Agreement())
          .put("meanAbsoluteError", r.agreement().meanAbsoluteError())
          .put("measuredOn", r.agreement().measuredOn())
          .put("onCalibrationSamples", r.agreement().onCalibrationSamples());
    }
    ArrayNode worst = root.putArray("worstTensorsBySqnr");
    for (ConversionReport.TensorSqnr t : r.worstTensors()) {
      worst.addObject().put("tensor", t.tensor()).put("sqnrDb", t.sqnrDb());
    }
    ArrayNode hist = root.putArray("histograms");
    for (ConversionReport.Histogram h : r.histograms()) {
      hist.addObject().put("tensor", h.tensor()).put("png", h.png());
    }
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    try {
      return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON of an in-memory tree cannot fail", e);
    }
  }

  /**
   * The report as Markdown.
   *
   * @param r the report
   * @return the Markdown text
   */
  public static String markdown(ConversionReport r) {
    StringBuilder b = new StringBuilder();
    b.append("# Conversion report: ").append(r.modelName()).append("\n\n");
    b.append("| | |\n|---|---|\n");
    row(b, "source", r.source());
    row(b, "quantization", r.quantization());
    row(b, "board", r.board());
    row(b, "template", r.template());
    row(b, "MACs per inference", r.macs() == null ? "not counted" : fmt(r.macs()));
    b.append("\n## Inputs and outputs\n\n| | tensor | type | shape | scale | zero point |\n");
    b.append("|---|---|---|---|---|---|\n");
    io(b, "input", r.inputs());
    io(b, "output", r.outputs());
    b.append("\n## Ops\n\n| op | version | count |\n|---|---|---|\n");
    for (ConversionReport.OpUse o : r.ops()) {
      b.append("| ").append(o.op()).append(" | ").append(o.version()).append(" | ");
      b.append(o.count()).append(" |\n");
    }
    Footprint f = r.footprint();
    b.append("\n## Size against the board budget\n\n| | bytes | budget | used |\n");
    b.append("|---|---:|---:|---:|\n");
    b.append("| model (flash) | ").append(fmt(f.modelBytes())).append(" | | |\n");
    b.append("| code, estimated (flash) | ").append(fmt(f.codeFlashBytes())).append(" | | |\n");
    b.append("| **flash** | ").append(fmt(f.flashBytes())).append(" | ");
    b.append(fmt(f.flashBudget())).append(" | ").append(pct(f.flashBytes(), f.flashBudget()));
    b.append(" |\n");
    b.append("| tensor arena (RAM) | ").append(fmt(f.arenaBytes())).append(" | | |\n");
    b.append("| runtime, estimated (RAM) | ").append(fmt(f.runtimeRamBytes()));
    b.append(" | | |\n");
    b.append("| **RAM** | ").append(fmt(f.ramBytes())).append(" | ").append(fmt(f.ramBudget()));
    b.append(" | ").append(pct(f.ramBytes(), f.ramBudget())).append(" |\n");
    b.append("\n## Float vs int8\n\n");
    if (r.agreement() == null) {
      b.append("Not measured (no float model or no representative data).\n");
    } else {
      ConversionReport.Agreement a = r.agreement();
      b.append(
          String.format(
              Locale.ROOT,
              "Top-1 agreement %.2f %% on %d samples (%s); mean absolute output error %.6g.\n",
              100 * a.top1Agreement(),
              a.samples(),
              a.measuredOn(),
              a.meanAbsoluteError()));
      if (a.onCalibrationSamples()) {
        b.append(
            "\nThese are the samples the int8 ranges were calibrated on, so the figure is"
                + " optimistic; give held-out samples (heldOutData) to measure on unseen data.\n");
      }
    }
    b.append("\n## Worst tensors by SQNR\n\n");
    if (r.worstTensors().isEmpty()) {
      b.append("Not measured.\n");
    } else {
      b.append("| tensor | SQNR (dB) |\n|---|---:|\n");
      for (ConversionReport.TensorSqnr t : r.worstTensors()) {
        b.append("| ").append(cell(t.tensor())).append(" | ");
        b.append(String.format(Locale.ROOT, "%.2f", t.sqnrDb())).append(" |\n");
      }
    }
    b.append("\n## Weight histograms\n\n");
    if (r.histograms().isEmpty()) {
      b.append("None.\n");
    }
    for (ConversionReport.Histogram h : r.histograms()) {
      b.append("- [").append(cell(h.tensor())).append("](").append(h.png()).append(")\n");
    }
    if (!r.notes().isEmpty()) {
      b.append("\n## Notes\n\n");
      for (String n : r.notes()) {
        b.append("- ").append(cell(n)).append("\n");
      }
    }
    return b.toString();
  }

  private static void tensors(ArrayNode array, java.util.List<TensorSpec> tensors) {
    for (TensorSpec t : tensors) {
      ObjectNode n = array.addObject();
      n.put("name", t.name());
      n.put("type", t.type());
      ArrayNode shape = n.putArray("shape");
      Arrays.stream(t.shape()).forEach(shape::add);
      n.put("scale", t.scale());
      n.put("zeroPoint", t.zeroPoint());
    }
  }

  private static void io(StringBuilder b, String kind, java.util.List<TensorSpec> tensors) {
    for (TensorSpec t : tensors) {
      b.append("| ").append(kind).append(" | ").append(cell(t.name())).append(" | ");
      b.append(t.type()).append(" | ").append(Arrays.toString(t.shape())).append(" | ");
      b.append(t.scale()).append(" | ").append(t.zeroPoint()).append(" |\n");
    }
  }

  private static void row(StringBuilder b, String key, String value) {
    b.append("| ").append(key).append(" | ").append(cell(value)).append(" |\n");
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }

  private static String fmt(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  private static String pct(long used, long budget) {
    return String.format(Locale.ROOT, "%.1f %%", 100.0 * used / budget);
  }
}
