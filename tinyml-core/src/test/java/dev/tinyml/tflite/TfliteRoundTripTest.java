package dev.tinyml.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.testing.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TfliteRoundTripTest {

  static List<Path> fixtures() {
    return Fixtures.files("tflite", ".tflite");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyFixtureReadsWritesAndReadsBackEqualAndNoLarger(Path file) throws Exception {
    byte[] original = Files.readAllBytes(file);
    Model model = TfliteReader.read(original);

    byte[] written = TfliteWriter.write(model);
    Model again = TfliteReader.read(written);

    assertThat(again).isEqualTo(model);
    assertThat((double) written.length).isLessThanOrEqualTo(original.length * 1.01);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void writingIsDeterministicAndStable(Path file) throws Exception {
    Model model = TfliteReader.read(file);
    byte[] first = TfliteWriter.write(model);
    byte[] second = TfliteWriter.write(TfliteReader.read(file));
    byte[] third = TfliteWriter.write(TfliteReader.read(first));

    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void constantTensorDataIsAlignedTo16Bytes(Path file) throws Exception {
    Model model = TfliteReader.read(file);
    byte[] written = TfliteWriter.write(model);
    Map<Integer, Integer> starts = bufferDataOffsets(written);

    List<Integer> constantBuffers =
        model.subgraphs().stream()
            .flatMap(g -> g.tensors().stream())
            .map(Tensor::buffer)
            .filter(starts::containsKey)
            .toList();
    assertThat(constantBuffers)
        .allSatisfy(b -> assertThat(starts.get(b) % 16).as("buffer %d", b).isZero());
  }

  /** Walks root, Model.buffers, Buffer.data by hand: where each non-empty buffer's data starts. */
  static Map<Integer, Integer> bufferDataOffsets(byte[] file) {
    ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int model = bb.getInt(0);
    int buffersField = field(bb, model, 4);
    int vec = buffersField + bb.getInt(buffersField);
    int n = bb.getInt(vec);
    Map<Integer, Integer> starts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int elem = vec + 4 + 4 * i;
      int table = elem + bb.getInt(elem);
      int data = field(bb, table, 0);
      if (data != 0) {
        starts.put(i, data + bb.getInt(data) + 4);
      }
    }
    return starts;
  }

  private static int field(ByteBuffer bb, int table, int slot) {
    int vt = table - bb.getInt(table);
    int vtSize = bb.getShort(vt);
    if (4 + 2 * slot >= vtSize) {
      return 0;
    }
    int off = bb.getShort(vt + 4 + 2 * slot);
    return off == 0 ? 0 : table + off;
  }

  static byte[] bytes(String fixture) throws IOException {
    return Files.readAllBytes(Fixtures.path(fixture));
  }
}
