package dev.tinyml.quant;

import java.util.List;
import java.util.Locale;

/**
 * The quantization debugger's findings: every compared tensor, worst (lowest SQNR) first.
 *
 * @param samples number of samples compared
 * @param tensors per-tensor errors, lowest SQNR first
 */
public record DebugReport(long samples, List<TensorError> tensors) {

  /** Copies the list. */
  public DebugReport {
    tensors = List.copyOf(tensors);
  }

  /** The {@code n} worst tensors. */
  public List<TensorError> worst(int n) {
    return tensors.subList(0, Math.min(n, tensors.size()));
  }

  /**
   * The report as JSON: {@code {"samples": n, "tensors": [{"index", "name", "scale", "zeroPoint",
   * "sqnrDb", "maxAbsError", "mse", "maxErrorSteps"}, ...]}}, worst first; an infinite SQNR (no
   * error) is written as the string {@code "Infinity"}.
   */
  public String toJson() {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
    root.put("samples", samples);
    com.fasterxml.jackson.databind.node.ArrayNode list = root.putArray("tensors");
    for (TensorError e : tensors) {
      com.fasterxml.jackson.databind.node.ObjectNode n = list.addObject();
      n.put("index", e.index());
      n.put("name", e.name());
      n.put("scale", e.scale());
      n.put("zeroPoint", e.zeroPoint());
      double sqnr = e.stats().sqnrDb();
      if (Double.isFinite(sqnr)) {
        n.put("sqnrDb", sqnr);
      } else {
        n.put("sqnrDb", Double.toString(sqnr));
      }
      n.put("maxAbsError", e.stats().maxAbsError());
      n.put("mse", e.stats().mse());
      n.put("maxErrorSteps", e.maxErrorInSteps());
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException("cannot write the debug report as JSON", ex);
    }
  }

  /**
   * A name that fits the table's 40 columns. The converter names a fused tensor after every op
   * folded into it, {@code a/Relu;a/BatchNorm;...;a/Conv2D}, and its first part names the layer, so
   * that part is kept; what is still too long keeps its end.
   */
  static String shortName(String name) {
    String n = name;
    int fused = n.indexOf(';');
    if (n.length() > 40 && fused > 0) {
      n = n.substring(0, fused) + ";…";
    }
    return n.length() > 40 ? "…" + n.substring(n.length() - 39) : n;
  }

  /**
   * A plain-text table, worst tensors first; long fused names are shortened (see {@link #toJson()}
   * for the full names).
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "int8 vs float32 on %d samples, worst tensors first%n%-40s %10s %12s %12s %8s%n",
            samples,
            "tensor",
            "SQNR dB",
            "max |err|",
            "MSE",
            "steps"));
    for (TensorError e : tensors) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-40s %10.2f %12.6g %12.6g %8.2f%n",
              shortName(e.name()),
              e.stats().sqnrDb(),
              e.stats().maxAbsError(),
              e.stats().mse(),
              e.maxErrorInSteps()));
    }
    return sb.toString();
  }
}
