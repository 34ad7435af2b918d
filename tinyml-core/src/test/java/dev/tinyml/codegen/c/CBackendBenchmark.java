package dev.tinyml.codegen.c;

import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.ModelSummary;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the c backend on the Cortex-M4 (qemu mps2-an386): flash of the model module ({@code
 * .text + .rodata} from arm-none-eabi-size), RAM (arena + stack high-water mark of one invoke),
 * instructions per inference (qemu {@code -icount shift=0}, SysTick calibrated by a loop of known
 * length), against TFLM's Cortex-M4 {@code arena_used_bytes} and instructions per {@code Invoke()}
 * with reference kernels. Prints a Markdown table.
 *
 * <p>Arguments: the fixtures directory, then optional {@code name=path.tflite} pairs (the examples'
 * converted models).
 */
public final class CBackendBenchmark {
  private CBackendBenchmark() {}

  /** TFLM's arena_used_bytes on a Cortex-M4 build (reference kernels), from the issue. */
  private static final Map<String, Long> TFLM_ARENA =
      Map.of(
          "person_detect", 82_292L,
          "micro_speech", 6_788L,
          "kws_ref_model", 22_772L,
          "hello_world_int8", 676L);

  /**
   * Instructions of one {@code Invoke()} of TFLM (reference kernels) on the same qemu Cortex-M4,
   * same flags and the same SysTick/icount hooks and input, measured 2026-12-07
   * (docs/benchmarks.md).
   */
  private static final Map<String, Long> TFLM_INSTRUCTIONS =
      Map.of(
          "person_detect", 95_892_600L,
          "micro_speech", 9_314_440L,
          "kws_ref_model", 43_115_120L,
          "hello_world_int8", 5_280L);

  /**
   * Runs the measurement.
   *
   * @param args fixtures directory, then {@code name=path} pairs
   * @throws Exception when a tool fails
   */
  public static void main(String[] args) throws Exception {
    Path fixtures = Path.of(args.length > 0 ? args[0] : "../shared/fixtures");
    Map<String, Path> models = new LinkedHashMap<>();
    models.put("person_detect", fixtures.resolve("tflite/person_detection/person_detect.tflite"));
    models.put(
        "micro_speech", fixtures.resolve("tflite/micro_speech/micro_speech_quantized.tflite"));
    models.put("kws_ref_model", fixtures.resolve("tflite/kws_mlperf_tiny/kws_ref_model.tflite"));
    models.put("hello_world_int8", fixtures.resolve("tflite/hello_world/hello_world_int8.tflite"));
    for (int i = 1; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      models.put(kv[0], Path.of(kv[1]));
    }
    System.out.println(
        "| model | weights B | flash B (.text+.rodata) | flash - weights B | arena B | stack B | RAM B"
            + " | TFLM arena B | RAM / TFLM | MACs | instructions / inference | TFLM instructions |"
            + " instructions / TFLM | instructions / MAC | equals interpreter |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (Map.Entry<String, Path> e : models.entrySet()) {
      Model model = TfliteReader.read(e.getValue());
      CModule module = CBackend.render(model, "m");
      Path dir = Files.createTempDirectory("cbench-" + e.getKey());
      List<byte[][]> runs = SeededInputs.of(model, 1, 20261204L);
      CProgram.write(dir, module, runs, true);
      CortexM4.Result r = CortexM4.buildAndRun(dir, module, 1);
      byte[][][] c = CProgram.parse(r.stdout(), 1, model.primarySubgraph().outputs().length);
      byte[][][] expected = SeededInputs.javaOutputs(model, runs);
      boolean exact = expected.length == c.length;
      for (int o = 0; o < expected[0].length; o++) {
        exact &= Arrays.equals(expected[0][o], c[0][o]);
      }
      long macs = ModelSummary.of(model).macs();
      long weights = weightBytes(model);
      long flash = r.text() + r.data();
      long ram = r.bss() + r.data() + r.stackBytes()[0];
      Long tflm = TFLM_ARENA.get(e.getKey());
      Long tflmInstructions = TFLM_INSTRUCTIONS.get(e.getKey());
      System.out.println(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %,d | %,d | %,d | %,d | %s | %s | %,d | %,d | %s | %s | %.1f | %s |",
              e.getKey(),
              weights,
              flash,
              flash - weights,
              r.bss(),
              r.stackBytes()[0],
              ram,
              count(tflm),
              ratio(ram, tflm),
              macs,
              r.instructions()[0],
              count(tflmInstructions),
              ratio(r.instructions()[0], tflmInstructions),
              (double) r.instructions()[0] / Math.max(1, macs),
              exact ? "yes" : "NO"));
    }
  }

  /** A TFLM figure with thousands separators, or a dash for a model TFLM was not measured on. */
  private static String count(Long tflm) {
    return tflm == null ? "—" : String.format(Locale.ROOT, "%,d", tflm);
  }

  /** Ours divided by TFLM's, or a dash for a model TFLM was not measured on. */
  private static String ratio(long ours, Long tflm) {
    return tflm == null ? "—" : String.format(Locale.ROOT, "%.3f", (double) ours / tflm);
  }

  /** Bytes of the model's constant tensors as the module stores them. */
  static long weightBytes(Model model) throws Exception {
    long sum = 0;
    for (Tensor t : model.primarySubgraph().tensors()) {
      byte[] data = model.dataOf(t);
      if (data != null && data.length > 0) {
        sum += (long) t.elementCount() * CModuleWriter.elementBytes(t.type());
      }
    }
    return sum;
  }
}
