package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

  @Test
  void readsNumpysFloat32FileFromTheFixtures() {
    // keras_functional_mnist_mlp/bias0.npy was written by numpy.save: float32[100].
    NpyArray bias = Npy.read(Fixtures.path("savedmodel/keras_functional_mnist_mlp/bias0.npy"));

    assertThat(bias.dtype()).isEqualTo(NpyArray.Dtype.FLOAT32);
    assertThat(bias.shape()).containsExactly(100);
    assertThat(bias.toFloats()).hasSize(100);
    NpyArray kernel = Npy.read(Fixtures.path("savedmodel/keras_functional_mnist_mlp/kernel1.npy"));
    assertThat(kernel.shape()).containsExactly(100, 10);
  }

  @Test
  void writtenFileHasNumpysLayoutAndRereadsExactly(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("x.npy");
    NpyArray array = NpyArray.ofFloats(new float[] {1.5f, -2f, 0f, 3.25f, 4f, 5f}, 2, 3);

    Npy.write(file, array);

    byte[] bytes = Files.readAllBytes(file);
    String header = new String(bytes, 10, (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8);
    assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }");
    assertThat(header).endsWith("\n");
    assertThat((10 + header.length()) % 64).isZero();
    assertThat(Npy.read(file)).isEqualTo(array);
  }

  @Test
  void everyDtypeRoundTrips() {
    NpyArray[] arrays = {
      NpyArray.ofDoubles(new double[] {1e300, -0.5}, 2),
      NpyArray.ofBytes(new byte[] {-128, 127, 0}, true, 3),
      NpyArray.ofBytes(new byte[] {(byte) 255, 1}, false, 1, 2),
      NpyArray.ofShorts(new short[] {-32768, 32767}, 2),
      NpyArray.ofInts(new int[] {Integer.MIN_VALUE, 7}, 2, 1),
      NpyArray.ofLongs(new long[] {Long.MAX_VALUE}, 1),
      NpyArray.ofFloats(new float[] {42f}),
    };
    for (NpyArray a : arrays) {
      assertThat(Npy.read(Npy.toBytes(a), "mem")).isEqualTo(a);
    }
    assertThat(Npy.toBytes(arrays[6])).asString().contains("'shape': ()");
    assertThat(Npy.toBytes(arrays[0])).asString().contains("'shape': (2,)");
  }

  @Test
  void convertsElementsWhateverTheDtype() {
    NpyArray u8 = NpyArray.ofBytes(new byte[] {(byte) 200, 3}, false, 2);

    assertThat(u8.toFloats()).containsExactly(200f, 3f);
    assertThat(u8.toLongs()).containsExactly(200L, 3L);
    assertThat(NpyArray.ofFloats(new float[] {2f}, 1).toLongs()).containsExactly(2L);
    assertThatThrownBy(() -> NpyArray.ofFloats(new float[] {2.5f}, 1).toLongs())
        .hasMessageContaining("not an integer");
  }

  @Test
  void readsBigEndianAndVersion2Headers() {
    String dict = "{'descr': '>i2', 'fortran_order': False, 'shape': (2,), }\n";
    byte[] bytes = new byte[12 + dict.length() + 4];
    byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) dict.length(), 0, 0, 0};
    System.arraycopy(magic, 0, bytes, 0, 12);
    System.arraycopy(dict.getBytes(), 0, bytes, 12, dict.length());
    int d = 12 + dict.length();
    bytes[d] = 0x01;
    bytes[d + 1] = 0x02; // 0x0102 big-endian
    bytes[d + 2] = (byte) 0xFF;
    bytes[d + 3] = (byte) 0xFE; // -2

    NpyArray a = Npy.read(bytes, "be.npy");

    assertThat(a.toLongs()).containsExactly(0x0102L, -2L);
  }

  @Test
  void badFilesGetNamedErrors() {
    byte[] good = Npy.toBytes(NpyArray.ofInts(new int[] {1, 2, 3}, 3));

    assertThatThrownBy(() -> Npy.read(Arrays.copyOf(good, good.length - 1), "cut.npy"))
        .hasMessageContaining("cut.npy is truncated")
        .hasMessageContaining("needs 12 data bytes but 11");
    assertThatThrownBy(() -> Npy.read("hello world".getBytes(), "text.npy"))
        .hasMessageContaining("text.npy is not an NPY file");
    String c8 =
        new String(good, java.nio.charset.StandardCharsets.ISO_8859_1).replace("<i4", "<c8");
    assertThatThrownBy(
            () -> Npy.read(c8.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "c.npy"))
        .hasMessageContaining("dtype c8")
        .hasMessageContaining("<f4");
    String fortran =
        new String(good, java.nio.charset.StandardCharsets.ISO_8859_1).replace("False", "True ");
    assertThatThrownBy(
            () -> Npy.read(fortran.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "f.npy"))
        .hasMessageContaining("Fortran order");
    assertThatThrownBy(() -> NpyArray.ofFloats(new float[3], 2, 2))
        .hasMessageContaining("needs 16");
  }
}
