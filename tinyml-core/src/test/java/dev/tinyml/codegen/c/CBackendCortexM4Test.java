package dev.tinyml.codegen.c;

import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Path;
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
        "tflite/dtln/dtln_noise_suppression.tflite",
        "tflite/micro_speech/audio_preprocessor_int8.tflite"
      })
  void cortexM4RunEqualsInterpreterByteForByte(String fixture) throws Exception {
    CortexM4.assertRunEqualsInterpreter(dir, TfliteReader.read(Fixtures.path(fixture)), fixture);
  }
}
