package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated C, cross-compiled with {@code arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb
 * -mfloat-abi=hard -mfpu=fpv4-sp-d16 -O2 -Wall -Werror -std=c99} and run on qemu's {@code
 * mps2-an386}, gives the Java interpreter's output bytes exactly.
 */
class CBackendCortexM4Test {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "tflite/hello_world/hello_world_int8.tflite",
        "tflite/hello_world/hello_world_float.tflite",
        "tflite/micro_speech/micro_speech_quantized.tflite",
        "tflite/person_detection/person_detect.tflite",
        "tflite/kws_mlperf_tiny/kws_ref_model.tflite",
        "tflite/magic_wand/magic_wand.tflite",
        "tflite/misc/model_runner_int8_float_io.tflite",
        "tflite/misc/simple_add_model.tflite",
        "tflite/misc/single_mul_default_a8w8_recipe_quantized.tflite",
        "tflite/keyword/keyword_scrambled_8bit.tflite",
        "tflite/micro_speech/audio_preprocessor_int8.tflite"
      })
  void cortexM4RunEqualsInterpreterByteForByte(String fixture) throws Exception {
    CortexM4.requireTools();
    Model model = TfliteReader.read(Fixtures.path(fixture));
    List<byte[][]> runs = SeededInputs.of(model, 2, 20261204L);
    CModule module = CBackend.render(model, "m");
    CProgram.write(dir, module, runs, true);
    CortexM4.Result result = CortexM4.buildAndRun(dir, module, runs.size());
    byte[][][] c =
        CProgram.parse(result.stdout(), runs.size(), model.primarySubgraph().outputs().length);
    byte[][][] java = SeededInputs.javaOutputs(model, runs);
    for (int r = 0; r < runs.size(); r++) {
      for (int o = 0; o < java[r].length; o++) {
        assertThat(c[r][o]).as("run %d output %d of %s", r, o, fixture).isEqualTo(java[r][o]);
      }
      assertThat(result.instructions()[r]).as("instructions of run %d", r).isPositive();
      assertThat(result.stackBytes()[r]).as("stack of run %d", r).isPositive();
    }
    assertThat(result.bss())
        .as("the arena is the module's RAM")
        .isGreaterThanOrEqualTo(module.arenaBytes());
  }
}
