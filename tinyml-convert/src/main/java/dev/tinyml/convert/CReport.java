package dev.tinyml.convert;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.ConversionReport;
import dev.tinyml.codegen.c.CFootprint;
import dev.tinyml.codegen.c.CModule;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code report.md} and {@code report.json} of a {@code backend=c} conversion. */
final class CReport {
  private CReport() {}

  static String markdown(CConversion.Inputs in, CModule module, CFootprint f) {
    Board b = in.request().board();
    StringBuilder s = new StringBuilder();
    s.append("# Conversion report: ").append(in.name()).append("\n\n");
    s.append("- source: ").append(in.sourceName()).append('\n');
    s.append("- backend: c (").append(module.sourceFile()).append(", no TensorFlow Lite Micro)\n");
    s.append("- quantization: ").append(in.quantization()).append('\n');
    s.append("- board: ").append(b.displayName()).append(" (").append(b.id()).append(")\n");
    s.append("- generator: ").append(in.request().generator()).append("\n\n");
    s.append("## Operators\n\n| op | count |\n|---|---|\n");
    ops(in.model())
        .forEach((op, n) -> s.append("| ").append(op).append(" | ").append(n).append(" |\n"));
    s.append("\n## Memory\n\n| | bytes | budget | used |\n|---|---|---|---|\n");
    row(s, "RAM", f.ramBytes(), b.ramBytes());
    s.append(
        String.format(
            Locale.ROOT,
            "\nRAM = arena %,d + operator state %,d + stack %,d (declared allowance, not measured).%n",
            f.arenaBytes(),
            f.stateBytes(),
            f.stackBytes()));
    s.append("\n| | bytes | budget | used |\n|---|---|---|---|\n");
    row(s, "flash", f.flashBytes(), b.flashBytes());
    s.append(
        String.format(
            Locale.ROOT,
            "\nflash = constants %,d + code %,d (%s).%n",
            f.constantBytes(),
            f.codeBytes(),
            f.codeSource()));
    s.append(
        "\nThe budgets are the board's; the Arduino core and the sketch's own code and buffers come"
            + " on top.\n");
    s.append("\nKernels: ").append(String.join(", ", module.kernels())).append('\n');
    ConversionReport.Agreement a = in.agreement();
    if (a != null) {
      s.append(
          String.format(
              Locale.ROOT,
              "%n## Float vs int8%n%n- samples: %d%n- top-1 agreement: %.4f%n- mean absolute error:"
                  + " %.6g%n",
              a.samples(),
              a.top1Agreement(),
              a.meanAbsoluteError()));
    }
    return s.toString();
  }

  static String json(CConversion.Inputs in, CModule module, CFootprint f) {
    Board b = in.request().board();
    StringBuilder ops = new StringBuilder();
    ops(in.model())
        .forEach(
            (op, n) ->
                ops.append(ops.length() == 0 ? "" : ", ")
                    .append("{\"op\": ")
                    .append(quote(op))
                    .append(", \"count\": ")
                    .append(n)
                    .append('}'));
    StringBuilder kernels = new StringBuilder();
    for (String k : module.kernels()) {
      kernels.append(kernels.length() == 0 ? "" : ", ").append(quote(k));
    }
    ConversionReport.Agreement a = in.agreement();
    String agreement =
        a == null
            ? "null"
            : String.format(
                Locale.ROOT,
                "{\"samples\": %d, \"top1Agreement\": %s, \"meanAbsoluteError\": %s}",
                a.samples(),
                a.top1Agreement(),
                a.meanAbsoluteError());
    return "{\n"
        + "  \"name\": "
        + quote(in.name())
        + ",\n  \"source\": "
        + quote(in.sourceName())
        + ",\n  \"backend\": \"c\""
        + ",\n  \"quantization\": "
        + quote(in.quantization())
        + ",\n  \"board\": "
        + quote(b.id())
        + ",\n  \"ops\": ["
        + ops
        + "]"
        + ",\n  \"ram\": {\"bytes\": "
        + f.ramBytes()
        + ", \"budget\": "
        + b.ramBytes()
        + ", \"arenaBytes\": "
        + f.arenaBytes()
        + ", \"stateBytes\": "
        + f.stateBytes()
        + ", \"stackBytes\": "
        + f.stackBytes()
        + ", \"stack\": \"declared\"}"
        + ",\n  \"flash\": {\"bytes\": "
        + f.flashBytes()
        + ", \"budget\": "
        + b.flashBytes()
        + ", \"constantBytes\": "
        + f.constantBytes()
        + ", \"codeBytes\": "
        + f.codeBytes()
        + ", \"code\": "
        + quote(f.codeMeasured() ? "measured" : "table")
        + "}"
        + ",\n  \"kernels\": ["
        + kernels
        + "]"
        + ",\n  \"agreement\": "
        + agreement
        + "\n}\n";
  }

  private static void row(StringBuilder s, String what, long bytes, long budget) {
    s.append(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %,d | %.1f %% |%n",
            what,
            bytes,
            budget,
            100.0 * bytes / budget));
  }

  private static Map<String, Integer> ops(Model model) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Operator o : model.primarySubgraph().operators()) {
      counts.merge(model.opOf(o).name(), 1, Integer::sum);
    }
    return counts;
  }

  private static String quote(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
