package dev.tinyml.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.tinyml.testing.Fixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TfliteReaderLimitsTest {

  @Test
  void aVectorSharedByManyTablesCannotBlowUpMemory() {
    // One 1 MiB shape vector referenced by 200 tensors: 200 MiB decoded from a 1 MiB file.
    FlatBufferBuilder b = new FlatBufferBuilder(2 << 20);
    int shape = b.createUnintializedVector(4, 1 << 18, 4).position();
    shape = b.endVector();
    int[] tensors = new int[200];
    for (int i = 0; i < tensors.length; i++) {
      b.startTable(1);
      b.addOffset(0, shape, 0);
      tensors[i] = b.endTable();
    }
    int tensorVector = b.createVectorOfTables(tensors);
    b.startTable(1);
    b.addOffset(0, tensorVector, 0);
    int subgraph = b.endTable();
    int subgraphs = b.createVectorOfTables(new int[] {subgraph});
    b.startTable(3);
    b.addInt(0, 3, 0);
    b.addOffset(2, subgraphs, 0);
    b.finish(b.endTable(), "TFL3");
    byte[] file = b.sizedByteArray();

    assertThatThrownBy(() -> TfliteReader.read(file))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessageContaining("decoding needs more memory than a " + file.length + "-byte file");
  }

  @Test
  void bufferDataStoredAfterTheFlatBufferIsReadAndWrittenBackInline() throws Exception {
    Model m = TfliteReader.read(Fixtures.path("tflite/hello_world/hello_world_int8.tflite"));
    byte[] external = {9, 8, 7, 6, 5};
    RawTable raw = new ModelEncoder(m).encode();
    RawTable buffer = new RawTable().putScalar(1, 2, 8).putScalar(2, external.length, 8);
    java.util.List<RawTable> buffers = new java.util.ArrayList<>(raw.tables(4));
    buffers.add(buffer);
    raw.putTables(4, buffers);
    int length =
        TfliteReaderTest.write(raw).length; // the offset's value does not change the layout
    buffer.putScalar(1, length, 8);
    byte[] flat = TfliteReaderTest.write(raw);
    byte[] file = Arrays.copyOf(flat, flat.length + external.length);
    System.arraycopy(external, 0, file, flat.length, external.length);

    Model read = TfliteReader.read(file);
    Model again = TfliteReader.read(TfliteWriter.write(read));

    assertThat(flat).hasSize(length);
    assertThat(read.buffers().get(read.buffers().size() - 1).data()).containsExactly(external);
    assertThat(again).isEqualTo(read);
  }

  @Test
  void externalBufferPointingPastTheFileIsRejected() throws Exception {
    Model m = TfliteReader.read(Fixtures.path("tflite/hello_world/hello_world_int8.tflite"));
    RawTable raw = new ModelEncoder(m).encode();
    raw.tables(4).get(1).putScalar(1, 1_000_000, 8).putScalar(2, 64, 8);

    assertThatThrownBy(() -> TfliteReader.read(TfliteReaderTest.write(raw)))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessageContaining(
            "offset 1000000 (Model.buffers[1]): expected 64 bytes of external data");
  }

  @Test
  void unknownTensorTypeIsNamed() throws Exception {
    Model m = TfliteReader.read(Fixtures.path("tflite/hello_world/hello_world_int8.tflite"));
    RawTable raw = new ModelEncoder(m).encode();
    raw.tables(2).get(0).tables(0).get(3).putScalar(1, 42, 1);

    assertThatThrownBy(() -> TfliteReader.read(TfliteReaderTest.write(raw)))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessageContaining(
            "(Model.subgraphs[0].tensors[3]): expected a tensor type code 0..18, found 42");
  }
}
