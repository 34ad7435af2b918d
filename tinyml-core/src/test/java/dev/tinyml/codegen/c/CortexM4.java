package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.io.AtomicFiles;
import dev.tinyml.tflite.Model;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-compiles a generated module with a test program for qemu's {@code mps2-an386} (Cortex-M4
 * with FPU, newlib, semihosting) and runs it under {@code qemu-system-arm -icount shift=0}.
 */
final class CortexM4 {
  private CortexM4() {}

  /** The compiler flags the issue fixes for the target. */
  static final List<String> FLAGS =
      List.of(
          "-mcpu=cortex-m4",
          "-mthumb",
          "-mfloat-abi=hard",
          "-mfpu=fpv4-sp-d16",
          "-O2",
          "-Wall",
          "-Werror",
          "-std=c99",
          "-ffunction-sections",
          "-fdata-sections");

  /**
   * One run.
   *
   * @param stdout the program's output
   * @param text {@code .text} + {@code .rodata} of the model module's object (arm-none-eabi-size)
   * @param data its {@code .data}
   * @param bss its {@code .bss} (the arena)
   * @param instructions instructions per invoke, per run
   * @param stackBytes stack high-water mark of each invoke, below the caller's frame
   */
  record Result(
      String stdout, long text, long data, long bss, long[] instructions, long[] stackBytes) {}

  /** Skips (or under CI fails) the calling test without the cross toolchain and qemu. */
  static void requireTools() {
    Toolchain.require("arm-none-eabi-gcc", "the Cortex-M4 build of the generated C");
    Toolchain.require("arm-none-eabi-size", "the Cortex-M4 size measurement");
    Toolchain.require("qemu-system-arm", "the Cortex-M4 run under qemu");
  }

  /**
   * Renders {@code model}, runs it on two seeded input sets under qemu and requires every output to
   * equal the interpreter's byte for byte, with instructions and stack measured per run and the
   * arena in {@code .bss}.
   *
   * @param what names the model in failure messages
   */
  static void assertRunEqualsInterpreter(Path dir, Model model, String what) throws Exception {
    requireTools();
    List<byte[][]> runs = SeededInputs.of(model, 2, 20261204L);
    CModule module = CBackend.render(model, "m");
    CProgram.write(dir, module, runs, true);
    Result result = buildAndRun(dir, module, runs.size());
    byte[][][] c =
        CProgram.parse(result.stdout(), runs.size(), model.primarySubgraph().outputs().length);
    byte[][][] java = SeededInputs.javaOutputs(model, runs);
    for (int r = 0; r < runs.size(); r++) {
      for (int o = 0; o < java[r].length; o++) {
        assertThat(c[r][o]).as("run %d output %d of %s", r, o, what).isEqualTo(java[r][o]);
      }
      assertThat(result.instructions()[r]).as("instructions of run %d", r).isPositive();
      assertThat(result.stackBytes()[r]).as("stack of run %d", r).isPositive();
    }
    assertThat(result.bss())
        .as("the arena is the module's RAM")
        .isGreaterThanOrEqualTo(module.arenaBytes());
  }

  /** Copies the named files of the target's support code (startup, linker script) into dir. */
  static void copyTargetFiles(Path dir, String... names) throws IOException {
    for (String f : names) {
      try (InputStream in = CortexM4.class.getResourceAsStream("/dev/tinyml/codegen/c/m4/" + f)) {
        AtomicFiles.write(dir.resolve(f), in.readAllBytes());
      }
    }
  }

  /**
   * Compiles {@code source} to {@code object} with {@link #FLAGS} and {@code -pedantic}: the
   * generated code is held to it, the startup code's vector table is not.
   */
  static void compilePedantic(Path dir, String source, String object)
      throws IOException, InterruptedException {
    armGcc(dir, List.of("-pedantic", "-c", source, "-o", object));
  }

  /**
   * Links {@code startup.c}, {@code main.c} and {@code inputs} (objects, then libraries) into
   * {@code elf} for mps2-an386 with newlib's semihosting ({@code rdimon}).
   */
  static void link(Path dir, String elf, String... inputs)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("--specs=rdimon.specs", "-nostartfiles"));
    args.addAll(List.of("-T", "mps2_an386.ld", "-Wl,--gc-sections", "startup.c", "main.c"));
    args.addAll(List.of(inputs));
    args.addAll(List.of("-o", elf));
    armGcc(dir, args);
  }

  /** Runs {@code arm-none-eabi-gcc} with {@link #FLAGS} and then {@code args}. */
  private static void armGcc(Path dir, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("arm-none-eabi-gcc"));
    command.addAll(FLAGS);
    command.addAll(args);
    Toolchain.runOk(dir, 600, command);
  }

  /**
   * Runs {@code elf} on qemu's mps2-an386 with semihosting; {@code options} go before the kernel.
   */
  static String runUnderQemu(Path dir, String elf, String... options)
      throws IOException, InterruptedException {
    List<String> qemu =
        new ArrayList<>(List.of("qemu-system-arm", "-M", "mps2-an386", "-cpu", "cortex-m4"));
    // No display, monitor or serial port: the program reads and writes through semihosting.
    qemu.addAll(List.of("-nographic", "-monitor", "none", "-serial", "none"));
    qemu.addAll(List.of("-semihosting-config", "enable=on,target=native"));
    qemu.addAll(List.of(options));
    qemu.addAll(List.of("-kernel", elf));
    return Toolchain.runOk(dir, 900, qemu);
  }

  /** Builds and runs {@code dir}'s {@code main.c} and module (written by {@link CProgram}). */
  static Result buildAndRun(Path dir, CModule module, int runs)
      throws IOException, InterruptedException {
    copyTargetFiles(dir, "startup.c", "mps2_an386.ld", "measure.h");
    String object = module.name() + "_model.o";
    compilePedantic(dir, module.sourceFile(), object);
    String size = Toolchain.runOk(dir, 60, List.of("arm-none-eabi-size", object));
    String[] sizes = size.strip().split("\n")[1].trim().split("\\s+");
    link(dir, "model.elf", object, "-lm");
    String stdout = runUnderQemu(dir, "model.elf", "-icount", "shift=0");
    long[] ticks = new long[runs];
    long[] stack = new long[runs];
    long[] cal = new long[4];
    int c = 0;
    for (String line : stdout.split("\n")) {
      String[] f = line.trim().split(" ");
      if (f[0].equals("calibration") && c < 4) {
        cal[c++] = Long.parseLong(f[1]);
        cal[c++] = Long.parseLong(f[2]);
      } else if (f[0].equals("ticks")) {
        ticks[Integer.parseInt(f[1])] = Long.parseLong(f[2]);
      } else if (f[0].equals("stack")) {
        stack[Integer.parseInt(f[1])] = Long.parseLong(f[2]);
      }
    }
    assertThat(c).as("calibration lines in\n%s", stdout).isEqualTo(4);
    // Two loops of known length: instructions per SysTick tick, with the constant overhead
    // cancelled.
    double perTick = (double) (cal[3] - cal[1]) / (double) (cal[2] - cal[0]);
    long[] instructions = new long[runs];
    for (int r = 0; r < runs; r++) {
      instructions[r] = Math.round(ticks[r] * perTick);
    }
    return new Result(
        stdout,
        Long.parseLong(sizes[0]),
        Long.parseLong(sizes[1]),
        Long.parseLong(sizes[2]),
        instructions,
        stack);
  }
}
