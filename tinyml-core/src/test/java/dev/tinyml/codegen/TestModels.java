package dev.tinyml.codegen;

import dev.tinyml.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** Model descriptions of fixture models, with the facts documented in fixtures/MANIFEST.md. */
final class TestModels {
  private TestModels() {}

  static final String MICRO_SPEECH = "tflite/micro_speech/micro_speech_quantized.tflite";
  static final String PERSON_DETECT = "tflite/person_detection/person_detect.tflite";

  /** micro_speech: int8[1,1960] in, int8[1,4] out, labels silence, unknown, yes, no. */
  static ModelDescription microSpeech(long arena) throws IOException {
    return new ModelDescription(
        "micro_speech_quantized",
        Files.readAllBytes(Fixtures.path(MICRO_SPEECH)),
        List.of(new TensorSpec("input", "INT8", 9, new int[] {1, 1960}, 0.101715684f, -128)),
        List.of(new TensorSpec("Identity", "INT8", 9, new int[] {1, 4}, 0.00390625f, -128)),
        List.of("RESHAPE", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "SOFTMAX"),
        List.of("silence", "unknown", "yes", "no"),
        arena);
  }

  /** person_detect: int8[1,96,96,1] in, int8[1,2] out (notperson, person). */
  static ModelDescription personDetect(long arena) throws IOException {
    return new ModelDescription(
        "person_detect",
        Files.readAllBytes(Fixtures.path(PERSON_DETECT)),
        List.of(new TensorSpec("input", "INT8", 9, new int[] {1, 96, 96, 1}, 0.00784314f, -1)),
        List.of(new TensorSpec("output", "INT8", 9, new int[] {1, 2}, 0.00390625f, -128)),
        List.of("AVERAGE_POOL_2D", "CONV_2D", "DEPTHWISE_CONV_2D", "RESHAPE", "SOFTMAX"),
        List.of("notperson", "person"),
        arena);
  }

  /** A small made-up model: float[1,12] in, float[1,12] out (an autoencoder shape). */
  static ModelDescription tinyAutoencoder() {
    byte[] bytes = new byte[40];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 37);
    }
    return new ModelDescription(
        "tiny ae",
        bytes,
        List.of(new TensorSpec("in", "FLOAT32", 0, new int[] {1, 12}, 0f, 0)),
        List.of(new TensorSpec("out", "FLOAT32", 0, new int[] {1, 12}, 0f, 0)),
        List.of("FULLY_CONNECTED"),
        List.of(),
        2048);
  }
}
