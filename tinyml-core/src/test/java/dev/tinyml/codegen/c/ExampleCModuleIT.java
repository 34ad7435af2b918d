package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run in each example's build at integration-test (tinyml-examples/pom.xml scans this test-jar; the
 * properties {@code tinyml.build}, {@code tinyml.example.name} and {@code tinyml.convert.skip} say
 * which example; elsewhere it is skipped): the c module {@code convert} wrote with {@code
 * backend=c} is the one {@link CBackend} renders from the example's int8 {@code model.tflite}, and
 * that module, built with the host's gcc and (when the tools are installed, or always under {@code
 * CI=true}) for the Cortex-M4 under qemu, gives the interpreter's output bytes on seeded inputs.
 */
class ExampleCModuleIT {
  @TempDir Path work;

  @Test
  void theExamplesCModuleEqualsTheInterpreterOnTheHostAndTheCortexM4() throws Exception {
    String name = System.getProperty("tinyml.example.name");
    assumeTrue(name != null && !name.startsWith("$"), "not in an example's build");
    assumeTrue(!Boolean.getBoolean("tinyml.convert.skip"), "tinyml.convert.skip=true: no model");
    Path build = Path.of(System.getProperty("tinyml.build"));
    check(build.resolve("tinyml/model.tflite"), build.resolve("tinyml-c"), name, work);
  }

  /**
   * Runs the checks; a missing gcc skips the test (fails under {@code CI=true}).
   *
   * @param tflite the example's converted model ({@code target/tinyml/model.tflite})
   * @param cDirectory the {@code backend=c} output directory
   * @param name the module name given to {@code convert}
   * @param work an empty directory for the builds
   * @throws Exception when a build or run fails
   */
  static void check(Path tflite, Path cDirectory, String name, Path work) throws Exception {
    Model model = TfliteReader.read(tflite);
    CModule module = CBackend.render(model, name);
    assertThat(Files.readString(cDirectory.resolve(module.sourceFile())))
        .as("the backend=c output of convert is the module of model.tflite")
        .isEqualTo(module.source());
    List<byte[][]> runs = SeededInputs.of(model, 3, 20261204L);
    byte[][][] java = SeededInputs.javaOutputs(model, runs);
    int outputs = model.primarySubgraph().outputs().length;

    Toolchain.require("gcc", "the host build of the example's C module");
    Path host = Files.createDirectories(work.resolve("host"));
    CProgram.write(host, module, runs, false);
    Path exe = Toolchain.hostBuild(host, module);
    same(
        CProgram.parse(Toolchain.runOk(host, 300, List.of(exe.toString())), runs.size(), outputs),
        java,
        "host");

    if (Toolchain.available("arm-none-eabi-gcc") && Toolchain.available("qemu-system-arm")
        || "true".equalsIgnoreCase(System.getenv("CI"))) {
      CortexM4.requireTools();
      Path m4 = Files.createDirectories(work.resolve("m4"));
      CProgram.write(m4, module, runs, true); // buildAndRun reads the measurement lines
      CortexM4.Result result = CortexM4.buildAndRun(m4, module, runs.size());
      same(CProgram.parse(result.stdout(), runs.size(), outputs), java, "Cortex-M4");
    }
  }

  private static void same(byte[][][] c, byte[][][] java, String where) {
    for (int r = 0; r < java.length; r++) {
      for (int o = 0; o < java[r].length; o++) {
        assertThat(c[r][o]).as("%s run %d output %d", where, r, o).isEqualTo(java[r][o]);
      }
    }
  }
}
