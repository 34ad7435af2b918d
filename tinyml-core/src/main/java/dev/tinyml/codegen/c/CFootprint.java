package dev.tinyml.codegen.c;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The board memory a c-backend module needs: RAM is its arena, its operator state and a declared
 * stack allowance; flash is its constant data and its code. The code is measured with {@code
 * arm-none-eabi-gcc} and {@code arm-none-eabi-size} when both are on the {@code PATH}, else
 * estimated from {@link #KERNEL_CODE_BYTES}, a table measured on the kernels (see docs/codegen.md).
 *
 * @param arenaBytes the static arena
 * @param stateBytes operator state outside the arena
 * @param stackBytes the stack allowance for one invoke ({@link #STACK_ALLOWANCE})
 * @param constantBytes weights, biases, multipliers and parameter structs
 * @param codeBytes kernel and invoke code
 * @param codeMeasured whether {@code codeBytes} was measured with {@code arm-none-eabi-size} (else
 *     it is the table's sum)
 */
public record CFootprint(
    int arenaBytes,
    long stateBytes,
    int stackBytes,
    long constantBytes,
    long codeBytes,
    boolean codeMeasured) {

  /**
   * The declared stack allowance of one invoke, in bytes: above the highest high-water mark
   * measured on the benchmark models (212 B, docs/benchmarks.md); the kernels do not recurse and
   * keep no arrays on the stack.
   */
  public static final int STACK_ALLOWANCE = 256;

  /**
   * Cortex-M4 code bytes ({@code .text}, {@code -O2}) of each kernel file, with the fixed-point
   * helpers it inlines, measured by the command in docs/codegen.md. Headers hold only types and
   * inline helpers and count 0.
   */
  public static final Map<String, Integer> KERNEL_CODE_BYTES =
      Map.ofEntries(
          Map.entry("abs_rsqrt.c", 1316),
          Map.entry("add_s8.c", 560),
          Map.entry("arg_minmax.c", 248),
          Map.entry("average_pool_f32.c", 520),
          Map.entry("average_pool_s8.c", 504),
          Map.entry("batch_matmul_f32.c", 264),
          Map.entry("batch_matmul_s8.c", 368),
          Map.entry("binary_f32.c", 284),
          Map.entry("binary_s32.c", 256),
          Map.entry("cast.c", 752),
          Map.entry("compare.c", 660),
          Map.entry("conv_f32.c", 684),
          Map.entry("conv_s8.c", 896),
          Map.entry("depthwise_conv_f32.c", 604),
          Map.entry("depthwise_conv_s8.c", 716),
          Map.entry("dequantize.c", 72),
          Map.entry("fully_connected_f32.c", 220),
          Map.entry("fully_connected_s8.c", 392),
          Map.entry("gather.c", 60),
          Map.entry("gather_axis.c", 148),
          Map.entry("gather_nd.c", 148),
          Map.entry("l2_norm_f32.c", 156),
          Map.entry("l2_norm_s8.c", 948),
          Map.entry("leaky_relu_s8.c", 344),
          Map.entry("lstm_f32.c", 1088),
          Map.entry("lstm_s8.c", 2060),
          Map.entry("logistic_f32.c", 160),
          Map.entry("lut_s8.c", 36),
          Map.entry("max_pool_f32.c", 528),
          Map.entry("max_pool_s8.c", 472),
          Map.entry("mean_f32.c", 268),
          Map.entry("mean_s8.c", 408),
          Map.entry("minmax_s8.c", 232),
          Map.entry("mul_s8.c", 300),
          Map.entry("pad.c", 176),
          Map.entry("prelu_q.c", 548),
          Map.entry("quantize_f32.c", 256),
          Map.entry("reduce_f32.c", 368),
          Map.entry("reduce_s8.c", 312),
          Map.entry("relu6_s8.c", 56),
          Map.entry("relu_f32.c", 100),
          Map.entry("relu_s8.c", 212),
          Map.entry("requantize.c", 252),
          Map.entry("resize_bilinear_f32.c", 412),
          Map.entry("resize_bilinear_s8.c", 568),
          Map.entry("select.c", 104),
          Map.entry("sigmoid_s8.c", 1456),
          Map.entry("signal_energy.c", 84),
          Map.entry("signal_fft_auto_scale.c", 104),
          Map.entry("signal_filter_bank.c", 224),
          Map.entry("signal_filter_bank_log.c", 188),
          Map.entry("signal_filter_bank_sqrt.c", 428),
          Map.entry("signal_pcan.c", 208),
          Map.entry("signal_rfft.c", 1404),
          Map.entry("signal_spectral_subtraction.c", 316),
          Map.entry("signal_window.c", 124),
          Map.entry("softmax_f32.c", 192),
          Map.entry("softmax_s8.c", 1396),
          Map.entry("svdf_f32.c", 452),
          Map.entry("squared_difference_q.c", 652),
          Map.entry("sum_s16.c", 408),
          Map.entry("sum_s32.c", 256),
          Map.entry("svdf_s8.c", 792),
          Map.entry("tanh_f32.c", 52),
          Map.entry("transpose_conv_f32.c", 532),
          Map.entry("transpose_conv_s8.c", 632),
          Map.entry("unary_f32.c", 80));

  /**
   * Code bytes of the invoke function per operator call in the table estimate (argument set-up and
   * the call): measured modules of the fixtures exceed their kernels' table sum by 14 to 58 B per
   * operator where they exceed it at all (docs/codegen.md).
   */
  public static final int CALL_BYTES = 24;

  private static final List<String> M4_FLAGS =
      List.of(
          "-mcpu=cortex-m4",
          "-mthumb",
          "-mfloat-abi=hard",
          "-mfpu=fpv4-sp-d16",
          "-O2",
          "-std=c99",
          "-c");

  /**
   * RAM in bytes: arena + state + stack allowance.
   *
   * @return the sum
   */
  public long ramBytes() {
    return arenaBytes + stateBytes + stackBytes;
  }

  /**
   * Flash in bytes: constants + code.
   *
   * @return the sum
   */
  public long flashBytes() {
    return constantBytes + codeBytes;
  }

  /**
   * How {@link #codeBytes} was obtained, for reports.
   *
   * @return a phrase
   */
  public String codeSource() {
    return codeMeasured
        ? "measured: arm-none-eabi-size of the module built for Cortex-M4 -O2"
        : "estimated: per-kernel size table (docs/codegen.md), arm-none-eabi-size not available";
  }

  /**
   * The footprint of a module, measuring its code when the Arm toolchain is available.
   *
   * @param module the module
   * @param calls the number of kernel calls (operators) for the table estimate
   * @return the footprint
   */
  public static CFootprint of(CModule module, int calls) {
    Long measured = measuredFlash(module);
    if (measured != null) {
      return new CFootprint(
          module.arenaBytes(),
          module.stateBytes(),
          STACK_ALLOWANCE,
          module.constantBytes(),
          Math.max(0, measured - module.constantBytes()),
          true);
    }
    return estimated(module, calls);
  }

  /**
   * The footprint from the kernel size table, without running any tool.
   *
   * @param module the module
   * @param calls the number of kernel calls (operators)
   * @return the footprint
   */
  public static CFootprint estimated(CModule module, int calls) {
    long code = (long) CALL_BYTES * calls;
    for (String k : module.kernels()) {
      code += KERNEL_CODE_BYTES.getOrDefault(k, 0);
    }
    return new CFootprint(
        module.arenaBytes(),
        module.stateBytes(),
        STACK_ALLOWANCE,
        module.constantBytes(),
        code,
        false);
  }

  /** {@code .text + .data} of the module's object, or null when the tools cannot run. */
  private static Long measuredFlash(CModule module) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("tinyml-c-size");
      Files.writeString(dir.resolve(module.headerFile()), module.header(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(module.sourceFile()), module.source(), StandardCharsets.UTF_8);
      Path object = dir.resolve("module.o");
      List<String> compile = new java.util.ArrayList<>();
      compile.add("arm-none-eabi-gcc");
      compile.addAll(M4_FLAGS);
      compile.add(dir.resolve(module.sourceFile()).toString());
      compile.add("-o");
      compile.add(object.toString());
      if (run(compile, dir) == null) {
        return null;
      }
      String size = run(List.of("arm-none-eabi-size", object.toString()), dir);
      if (size == null) {
        return null;
      }
      String[] lines = size.strip().split("\n");
      String[] cols = lines[lines.length - 1].trim().split("\\s+");
      return Long.parseLong(cols[0]) + Long.parseLong(cols[1]);
    } catch (IOException | RuntimeException e) {
      return null; // no toolchain or an unexpected output: the table estimate is used
    } finally {
      delete(dir);
    }
  }

  /** The tool's standard output, or null when it cannot start, fails or takes over a minute. */
  private static String run(List<String> command, Path dir) {
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("tool.log").toFile())
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? Files.readString(dir.resolve("tool.log")) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
