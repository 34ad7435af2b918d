package dev.tinyml.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepresentativeSamplesTest {

  @Test
  void npyHasMagicAlignedHeaderShapeWithBatchAndLittleEndianFloats() {
    byte[] npy =
        RepresentativeSamples.npy(new float[] {1.5f, -2f, 0f, 3f, 4f, 5f}, new int[] {2, 3});
    assertThat(npy[0]).isEqualTo((byte) 0x93);
    assertThat(new String(npy, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
    assertThat(npy[6]).isEqualTo((byte) 1);
    int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
    assertThat((10 + headerLength) % 64).isZero();
    String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
    assertThat(header)
        .startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 3), }")
        .endsWith("\n");
    ByteBuffer data = ByteBuffer.wrap(npy, 10 + headerLength, 24).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(data.getFloat()).isEqualTo(1.5f);
    assertThat(data.getFloat()).isEqualTo(-2f);
    assertThat(npy).hasSize(10 + headerLength + 24);
  }

  @Test
  void writesAtMostCountSamplesSpreadOverTheExamples(@TempDir Path dir) throws Exception {
    List<float[]> examples =
        List.of(new float[] {0}, new float[] {1}, new float[] {2}, new float[] {3});
    Path out = dir.resolve("rep");
    RepresentativeSamples.write(examples, new int[] {1}, 2, out);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("sample_0000.npy", "sample_0001.npy");
    }
    byte[] second = Files.readAllBytes(out.resolve("sample_0001.npy"));
    float value =
        ByteBuffer.wrap(second, second.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
    assertThat(value).isEqualTo(2f);
    assertThat(dir.resolve("rep.tmp")).doesNotExist();
  }
}
