package dev.tinyml.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.interp.InterpreterException;
import dev.tinyml.preprocess.Npy;
import dev.tinyml.preprocess.NpyArray;
import dev.tinyml.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionTest {

  private static final Path HELLO = Fixtures.path("tflite/hello_world/hello_world_int8.tflite");

  @Test
  void rawBinaryInputGivesTheRecordedOutput() {
    Prediction p =
        Prediction.run(HELLO, List.of(Fixtures.path("expected/hello_world_int8/q-63.input0.bin")));
    assertThat(p.outputs()).hasSize(1);
    assertThat(p.outputs().get(0).info().shape()).containsExactly(1, 1);
    assertThat(p.plannedArenaBytes()).isLessThanOrEqualTo(p.tflmGreedyArenaBytes());
  }

  @Test
  void npyOfTheTensorsTypeIsTakenRawAndFloatNpyIsQuantized(@TempDir Path dir) throws Exception {
    Path raw = dir.resolve("raw.npy");
    Npy.write(raw, NpyArray.ofBytes(new byte[] {-63}, true, 1, 1));
    Path real = dir.resolve("real.npy");
    Npy.write(
        real, NpyArray.ofFloats(new float[] {1.57f}, 1, 1)); // 1.57 / 0.0244801 - 128 = -63.87
    Path bin = Fixtures.path("expected/hello_world_int8/q-63.input0.bin");
    double expected = Prediction.run(HELLO, List.of(bin)).outputs().get(0).values()[0];
    assertThat(Prediction.run(HELLO, List.of(raw)).outputs().get(0).values()[0])
        .isEqualTo(expected);
    assertThat(Prediction.run(HELLO, List.of(real)).outputs().get(0).values()).hasSize(1);
  }

  @Test
  void jsonOutputIsDeterministicAndCarriesArenaBytes(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("x.json"), "[0.77]");
    Prediction p = Prediction.run(HELLO, List.of(in));
    String json = p.toJson();
    assertThat(json).isEqualTo(Prediction.run(HELLO, List.of(in)).toJson());
    assertThat(json).contains("\"arenaBytes\"", "\"tflmGreedy\"", "\"planned\"", "\"dequantized\"");
    Path out = dir.resolve("o/p.json");
    p.writeJson(out);
    assertThat(Files.readString(out)).isEqualTo(json);
    assertThat(p.summary()).contains("argmax 0", "TFLM greedy plan");
  }

  @Test
  void badJsonAndWrongSizesAreNamed(@TempDir Path dir) throws Exception {
    Path text = Files.writeString(dir.resolve("bad.json"), "{\"x\": 1}");
    assertThatThrownBy(() -> Prediction.run(HELLO, List.of(text)))
        .isInstanceOf(InterpreterException.class)
        .hasMessageContaining("bad.json: expected a JSON array of numbers");
    Path two = Files.writeString(dir.resolve("two.json"), "[1, 2]");
    assertThatThrownBy(() -> Prediction.run(HELLO, List.of(two)))
        .hasMessageContaining("has 1 elements, got 2");
    Path npy = dir.resolve("i16.npy");
    Npy.write(npy, NpyArray.ofShorts(new short[] {1}, 1));
    assertThatThrownBy(() -> Prediction.run(HELLO, List.of(npy)))
        .hasMessageContaining("NPY dtype <i2 does not match");
    assertThatThrownBy(() -> Prediction.run(dir.resolve("none.tflite"), List.of(npy)))
        .hasMessage(dir.resolve("none.tflite") + " does not exist");
  }
}
