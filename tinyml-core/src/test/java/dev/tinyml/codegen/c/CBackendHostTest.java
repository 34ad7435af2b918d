package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.ops.OpRegistry;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated C, compiled by the host's gcc with {@code -O2 -Wall -Werror -std=c99 -pedantic},
 * gives the Java interpreter's output bytes exactly on seeded random inputs.
 */
class CBackendHostTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.tinyml.codegen.c.ReferenceModels#host")
  void hostBuildEqualsInterpreterByteForByte(String fixture) throws Exception {
    Toolchain.require("gcc", "the host build of the generated C");
    Model model = TfliteReader.read(Fixtures.path(fixture));
    List<byte[][]> runs = SeededInputs.of(model, 3, 20261204L);
    CModule module = CBackend.render(model, "m");
    CProgram.write(dir, module, runs, false);
    Path exe = Toolchain.hostBuild(dir, module);
    String stdout = Toolchain.runOk(dir, 300, List.of(exe.toString()));
    byte[][][] c = CProgram.parse(stdout, runs.size(), model.primarySubgraph().outputs().length);
    byte[][][] java = SeededInputs.javaOutputs(model, runs);
    for (int r = 0; r < runs.size(); r++) {
      for (int o = 0; o < java[r].length; o++) {
        assertThat(c[r][o]).as("run %d output %d of %s", r, o, fixture).isEqualTo(java[r][o]);
      }
    }
  }

  @Test
  void dtlnFromFreshStateGivesTheOriginsGoldenOutput() throws Exception {
    Toolchain.require("gcc", "the host build of the generated C");
    Model model = TfliteReader.read(Fixtures.path("tflite/dtln/dtln_noise_suppression.tflite"));
    List<byte[][]> runs =
        List.<byte[][]>of(new byte[][] {int8Csv("tflite/dtln/dtln_input_int8_257.csv")});
    CModule module = CBackend.render(model, "dtln");
    CProgram.write(dir, module, runs, false);
    Path exe = Toolchain.hostBuild(dir, module);
    byte[][][] c = CProgram.parse(Toolchain.runOk(dir, 120, List.of(exe.toString())), 1, 1);
    assertThat(c[0][0]).isEqualTo(int8Csv("tflite/dtln/dtln_golden_output_int8_257.csv"));
  }

  /** A fixture CSV of int8 values on one line. */
  private static byte[] int8Csv(String fixture) throws Exception {
    String[] values = Files.readString(Fixtures.path(fixture)).trim().split("\\s*,\\s*");
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = Byte.parseByte(values[i]);
    }
    return b;
  }

  @Test
  void everyOpTheInterpreterRunsHasACEmitter() {
    List<String> without = new ArrayList<>();
    for (BuiltinOperator code : OpRegistry.builtins()) {
      if (COpEmitters.of(OpRegistry.builtin(code).orElseThrow()) == null) {
        without.add(code.name());
      }
    }
    for (String name : OpRegistry.customNames()) {
      if (COpEmitters.of(OpRegistry.custom(name).orElseThrow()) == null) {
        without.add(name);
      }
    }
    assertThat(without).isEmpty();
  }
}
