package dev.tinyml.codegen.c;

import dev.tinyml.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A test program around a generated module: the input bytes of several runs embedded, each run
 * copies them into the inputs, invokes, and prints every output as one line of hex ({@code <run>
 * <output> <hex>}). {@code measure} adds the Cortex-M4 measurement hooks of {@code m4/measure.h}
 * (stack painting, instruction count) and prints them as {@code stack}/{@code instructions} lines.
 */
final class CProgram {
  private CProgram() {}

  /** Writes the module and {@code main.c} into {@code dir}. */
  static void write(Path dir, CModule module, List<byte[][]> runs, boolean measure)
      throws IOException {
    AtomicFiles.write(dir.resolve(module.headerFile()), module.header());
    AtomicFiles.write(dir.resolve(module.sourceFile()), module.source());
    String id = module.name();
    StringBuilder s = new StringBuilder();
    s.append("#include <stdio.h>\n#include <string.h>\n#include \"")
        .append(module.headerFile())
        .append("\"\n");
    if (measure) {
      s.append("#include \"measure.h\"\n");
    }
    for (int r = 0; r < runs.size(); r++) {
      byte[][] inputs = runs.get(r);
      for (int i = 0; i < inputs.length; i++) {
        s.append("static const unsigned char in_").append(r).append('_').append(i).append("[] = {");
        byte[] b = inputs[i];
        for (int k = 0; k < b.length; k++) {
          s.append(k % 24 == 0 ? "\n  " : "").append(b[k] & 0xff).append(',');
        }
        s.append("0};\n");
      }
    }
    s.append("static const unsigned char *const inputs[][")
        .append(Math.max(1, runs.get(0).length))
        .append("] = {");
    for (int r = 0; r < runs.size(); r++) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < runs.get(r).length; i++) {
        names.add("in_" + r + "_" + i);
      }
      s.append("{").append(String.join(", ", names)).append("}, ");
    }
    s.append("};\n\nint main(void) {\n  int r, i;\n  size_t k;\n");
    if (measure) {
      s.append("  tml_calibrate(100000u);\n  tml_calibrate(300000u);\n");
    }
    s.append("  for (r = 0; r < ").append(runs.size()).append("; r++) {\n");
    String macro = id.toUpperCase(java.util.Locale.ROOT);
    s.append("    for (i = 0; i < ")
        .append(macro)
        .append("_INPUT_COUNT; i++) memcpy(")
        .append(id)
        .append("_inputs[i], inputs[r][i], ")
        .append(id)
        .append("_input_bytes[i]);\n");
    if (measure) {
      s.append("    tml_measure_begin();\n    ")
          .append(id)
          .append("_invoke();\n    tml_measure_end(r);\n");
    } else {
      s.append("    ").append(id).append("_invoke();\n");
    }
    s.append("    for (i = 0; i < ")
        .append(macro)
        .append("_OUTPUT_COUNT; i++) {\n")
        .append("      const unsigned char *o = (const unsigned char *)")
        .append(id)
        .append("_outputs[i];\n      printf(\"%d %d \", r, i);\n")
        .append("      for (k = 0; k < ")
        .append(id)
        .append("_output_bytes[i]; k++) printf(\"%02x\", o[k]);\n")
        .append("      printf(\"\\n\");\n    }\n  }\n  return 0;\n}\n");
    AtomicFiles.write(dir.resolve("main.c"), s.toString());
  }

  /** Parses the program's output lines into {@code [run][output]} byte arrays. */
  static byte[][][] parse(String stdout, int runs, int outputs) {
    byte[][][] result = new byte[runs][outputs][];
    for (String line : stdout.split("\n")) {
      String[] f = line.trim().split(" ");
      if (f.length == 3 && f[0].matches("\\d+") && f[1].matches("\\d+")) {
        result[Integer.parseInt(f[0])][Integer.parseInt(f[1])] = HexFormat.of().parseHex(f[2]);
      }
    }
    return result;
  }
}
