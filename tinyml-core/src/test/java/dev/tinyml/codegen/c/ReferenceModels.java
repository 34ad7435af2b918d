package dev.tinyml.codegen.c;

import java.util.List;
import java.util.stream.Stream;

/** The fixture models the generated C must run byte for byte like the interpreter. */
final class ReferenceModels {
  private ReferenceModels() {}

  /** The example, benchmark and test models, as fixture paths. */
  private static final List<String> MODELS =
      List.of(
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
          "tflite/dtln/dtln_noise_suppression.tflite");

  /** The models of the host build ({@link CBackendHostTest}). */
  static Stream<String> host() {
    return MODELS.stream();
  }

  /** The host models and micro_speech's audio preprocessor, for the Cortex-M4 run. */
  static Stream<String> cortexM4() {
    return Stream.concat(
        MODELS.stream(), Stream.of("tflite/micro_speech/audio_preprocessor_int8.tflite"));
  }
}
