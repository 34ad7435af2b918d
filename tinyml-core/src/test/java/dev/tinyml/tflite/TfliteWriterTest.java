package dev.tinyml.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfliteWriterTest {

  private static Model helloWorld() throws Exception {
    return TfliteReader.read(Fixtures.path("tflite/hello_world/hello_world_int8.tflite"));
  }

  /** A one-op model built in memory: out = in1 + in2, int8. */
  static Model tinyAddModel() {
    Model m = Model.empty();
    SubGraph g = new SubGraph().setName("main");
    m.subgraphs().add(g);
    QuantizationParameters q = QuantizationParameters.perTensor(0.5f, -3);
    g.addTensor(new Tensor("a", TensorType.INT8, 1, 4).setQuantization(q));
    g.addTensor(new Tensor("b", TensorType.INT8, 1, 4).setQuantization(q));
    g.addTensor(new Tensor("sum", TensorType.INT8, 1, 4).setQuantization(q));
    g.setInputs(0, 1).setOutputs(2);
    int add = m.addOperatorCode(new OperatorCode(BuiltinOperator.ADD, 1));
    g.operators()
        .add(
            new Operator(
                add,
                new int[] {0, 1},
                new int[] {2},
                new AddOptions(ActivationFunctionType.NONE, true)));
    return m;
  }

  @Test
  void aModelBuiltInMemoryRoundTrips() throws Exception {
    Model m = tinyAddModel();

    Model back = TfliteReader.read(TfliteWriter.write(m));

    assertThat(back).isEqualTo(m);
    assertThat(back.opOf(back.primarySubgraph().operators().get(0))).isEqualTo(BuiltinOperator.ADD);
  }

  @Test
  void constantDataRoundTripsByteForByte() throws Exception {
    Model m = tinyAddModel();
    byte[] weights = {1, 2, 3, 4};
    m.primarySubgraph().tensor(1).setBuffer(m.addBuffer(new Buffer(weights)));

    Model back = TfliteReader.read(TfliteWriter.write(m));

    assertThat(back.dataOf(back.primarySubgraph().tensor(1))).containsExactly(1, 2, 3, 4);
  }

  @Test
  void tensorBufferOutOfRangeIsNamed() {
    Model m = tinyAddModel();
    m.primarySubgraph().tensor(1).setBuffer(7);

    assertThatThrownBy(() -> TfliteWriter.write(m))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessage(
            "subgraphs[0].tensors[1] 'b': buffer 7 is not a buffer index (the model has 1 buffers)");
  }

  @Test
  void operatorInputOutOfRangeIsNamedWithTheOp() {
    Model m = tinyAddModel();
    m.primarySubgraph().operators().get(0).setInputs(0, 9);

    assertThatThrownBy(() -> TfliteWriter.write(m))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessageStartingWith(
            "subgraphs[0].operators[0] (ADD) input 9 is not a tensor index (the subgraph has 3");
  }

  @Test
  void optionalInputMinusOneIsAccepted() throws Exception {
    Model m = tinyAddModel();
    m.primarySubgraph().operators().get(0).setInputs(0, -1);

    Model back = TfliteReader.read(TfliteWriter.write(m));

    assertThat(back.primarySubgraph().operators().get(0).inputs()).containsExactly(0, -1);
  }

  @Test
  void opcodeIndexOutOfRangeIsNamed() {
    Model m = tinyAddModel();
    m.primarySubgraph().operators().get(0).setOpcodeIndex(4);

    assertThatThrownBy(() -> TfliteWriter.write(m))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessageContaining("subgraphs[0].operators[0]: opcode index 4 is not an operator code");
  }

  @Test
  void missingSentinelBufferIsExplained() {
    Model m = tinyAddModel();
    m.buffers().set(0, new Buffer(new byte[] {1}));

    assertThatThrownBy(() -> TfliteWriter.write(m))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessageContaining("buffers[0] must be the empty sentinel buffer");
  }

  @Test
  void dataOfTheWrongSizeForTheShapeIsNamed() {
    Model m = tinyAddModel();
    m.primarySubgraph().tensor(0).setBuffer(m.addBuffer(new Buffer(new byte[3])));

    assertThatThrownBy(() -> TfliteWriter.write(m))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessage(
            "subgraphs[0].tensors[0] 'a': its buffer 1 holds 3 bytes but INT8[1, 4] needs 4");
  }

  @Test
  void signatureTensorOutOfRangeIsNamed() {
    Model m = tinyAddModel();
    SignatureDef s = new SignatureDef("serving_default", 0);
    s.inputs().put("x", 12);
    m.signatureDefs().add(s);

    assertThatThrownBy(() -> TfliteWriter.write(m))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessageContaining("signature_defs[0].inputs 'x': 12 is not a tensor index");
  }

  @Test
  void unknownTableFieldsSurviveARoundTrip() throws Exception {
    Model m = helloWorld();
    RawTable raw = new ModelEncoder(m).encode();
    RawTable tensor = raw.tables(2).get(0).tables(0).get(0);
    tensor.putScalar(14, 0x1234_5678L, 4); // a field from a future schema
    tensor.putScalar(8, 1, 1); // has_rank, not modelled
    raw.putScalar(11, 77, 8); // unknown Model field

    Model read = TfliteReader.read(TfliteReaderTest.write(raw));
    Model again = TfliteReader.read(TfliteWriter.write(read));

    Tensor t = again.primarySubgraph().tensor(0);
    assertThat(t.unknownFields().scalar(14, 0)).isEqualTo(0x1234_5678L);
    assertThat(t.unknownFields().scalar(8, 0)).isEqualTo(1);
    assertThat(again.unknownFields().scalar(11, 0)).isEqualTo(77);
    assertThat(again).isEqualTo(read);
  }

  @Test
  void unmodelledOptionsSurviveARoundTrip() throws Exception {
    Model m = tinyAddModel();
    // MirrorPadOptions (type 77) is not modelled: mode SYMMETRIC = 1.
    RawTable mirror = new RawTable().putScalar(0, 1, 1);
    UnknownOptions options = new UnknownOptions(77, FlatEmitter.standalone(mirror));
    m.primarySubgraph().operators().get(0).setOptions(options);

    Model back = TfliteReader.read(TfliteWriter.write(m));

    assertThat(back.primarySubgraph().operators().get(0).options()).isEqualTo(options);
  }

  @Test
  void optionsWithAFieldNewerThanTheLibraryStayUnknownAndSurvive() throws Exception {
    Model m = tinyAddModel();
    RawTable raw = new ModelEncoder(m).encode();
    RawTable op = raw.tables(2).get(0).tables(3).get(0);
    op.table(4).putScalar(5, 3, 4); // AddOptions has 2 fields; slot 5 is from the future

    Model read = TfliteReader.read(TfliteReaderTest.write(raw));
    Model again = TfliteReader.read(TfliteWriter.write(read));

    BuiltinOptions options = again.primarySubgraph().operators().get(0).options();
    assertThat(options).isInstanceOf(UnknownOptions.class);
    assertThat(options.optionsType()).isEqualTo(AddOptions.TYPE);
    assertThat(again).isEqualTo(read);
  }

  @Test
  void builtinOptions2AndMutatingInputsAreKeptAsUnknownFields() throws Exception {
    Model m = tinyAddModel();
    RawTable raw = new ModelEncoder(m).encode();
    RawTable op = raw.tables(2).get(0).tables(3).get(0);
    op.putScalar(11, 1, 1); // builtin_options_2_type = StablehloConcatenateOptions
    op.putTable(12, new RawTable().putScalar(0, 2, 8)); // dimension = 2
    op.putBytes(7, new byte[] {0, 1}, 1); // mutating_variable_inputs

    Model read = TfliteReader.read(TfliteReaderTest.write(raw));
    Model again = TfliteReader.read(TfliteWriter.write(read));

    RawTable unknown = again.primarySubgraph().operators().get(0).unknownFields();
    assertThat(unknown.table(12).scalar(0, 0)).isEqualTo(2);
    assertThat(unknown.bytes(7)).containsExactly(0, 1);
    assertThat(again).isEqualTo(read);
  }

  @Test
  void writingToAFileIsAtomicAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("sub/model.tflite");
    Model m = tinyAddModel();

    TfliteWriter.write(m, out);

    assertThat(TfliteReader.read(out)).isEqualTo(m);
    try (var files = Files.list(out.getParent())) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void anInvalidModelWritesNoFile(@TempDir Path dir) {
    Path out = dir.resolve("model.tflite");
    Model m = tinyAddModel();
    m.primarySubgraph().setOutputs(5);

    assertThatThrownBy(() -> TfliteWriter.write(m, out)).isInstanceOf(TfliteFormatException.class);
    assertThat(out).doesNotExist();
  }
}
