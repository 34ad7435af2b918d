package dev.tinyml.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.testing.Fixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfliteReaderTest {

  private static Model read(String fixture) throws Exception {
    return TfliteReader.read(Fixtures.path(fixture));
  }

  @Test
  void personDetectHasItsOperatorsInputAndOutput() throws Exception {
    Model m = read("tflite/person_detection/person_detect.tflite");
    SubGraph g = m.primarySubgraph();

    assertThat(m.version()).isEqualTo(3);
    assertThat(g.operators()).hasSize(31);
    Tensor in = g.tensor(g.inputs()[0]);
    assertThat(in.type()).isEqualTo(TensorType.INT8);
    assertThat(in.shape()).containsExactly(1, 96, 96, 1);
    assertThat(in.quantization().scale()[0])
        .isCloseTo(0.00784314f, org.assertj.core.data.Offset.offset(1e-7f));
    assertThat(in.quantization().zeroPoint()).containsExactly(-1);
    Tensor out = g.tensor(g.outputs()[0]);
    assertThat(out.shape()).containsExactly(1, 2);
    assertThat(out.quantization().scale()).containsExactly(1f / 256);
    assertThat(g.operators().stream().map(m::opOf).distinct())
        .containsExactlyInAnyOrder(
            BuiltinOperator.DEPTHWISE_CONV_2D,
            BuiltinOperator.CONV_2D,
            BuiltinOperator.AVERAGE_POOL_2D,
            BuiltinOperator.RESHAPE,
            BuiltinOperator.SOFTMAX);
  }

  @Test
  void convolutionsGetTypedOptionsAndPerChannelWeights() throws Exception {
    Model m = read("tflite/person_detection/person_detect.tflite");
    SubGraph g = m.primarySubgraph();
    Operator conv =
        g.operators().stream()
            .filter(op -> m.opOf(op) == BuiltinOperator.CONV_2D)
            .findFirst()
            .orElseThrow();

    assertThat(conv.options()).isInstanceOf(Conv2DOptions.class);
    Conv2DOptions o = (Conv2DOptions) conv.options();
    assertThat(o.padding()).isIn(Padding.SAME, Padding.VALID);
    assertThat(o.strideW()).isPositive();
    Tensor filter = g.tensor(conv.inputs()[1]);
    assertThat(filter.quantization().isPerChannel()).isTrue();
    assertThat(filter.quantization().scale()).hasSize(filter.shape()[0]);
    assertThat(m.dataOf(filter)).hasSize((int) filter.byteSize());
  }

  @Test
  void microSpeechDepthwiseAndFullyConnectedOptions() throws Exception {
    Model m = read("tflite/micro_speech/micro_speech_quantized.tflite");
    SubGraph g = m.primarySubgraph();

    assertThat(g.operators().stream().map(m::opOf))
        .containsExactly(
            BuiltinOperator.RESHAPE,
            BuiltinOperator.DEPTHWISE_CONV_2D,
            BuiltinOperator.FULLY_CONNECTED,
            BuiltinOperator.SOFTMAX);
    assertThat(g.operators().get(1).options()).isInstanceOf(DepthwiseConv2DOptions.class);
    assertThat(g.operators().get(2).options()).isInstanceOf(FullyConnectedOptions.class);
    assertThat(((SoftmaxOptions) g.operators().get(3).options()).beta()).isEqualTo(1f);
    assertThat(m.description()).isEqualTo("TOCO Converted.");
  }

  @Test
  void signatureDefsMapNamesToTensors() throws Exception {
    Model m = read("tflite/misc/simple_add_model.tflite");

    assertThat(m.signatureDefs()).hasSize(1);
    SignatureDef s = m.signatureDefs().get(0);
    assertThat(s.signatureKey()).isEqualTo("serving_default");
    assertThat(s.inputs()).containsOnlyKeys("input_1", "input_2");
    assertThat(s.outputs()).containsOnlyKeys("add");
    assertThat(m.metadata()).extracting(Metadata::name).contains("min_runtime_version");
    assertThat(m.primarySubgraph().name()).isEqualTo("main");
  }

  @Test
  void customOperatorsKeepTheirNamesAndOptions() throws Exception {
    Model m = read("tflite/micro_speech/audio_preprocessor_int8.tflite");

    assertThat(m.operatorCodes())
        .filteredOn(c -> c.builtinCode() == BuiltinOperator.CUSTOM)
        .extracting(OperatorCode::customCode)
        .contains("SignalWindow", "SignalFilterBank");
    assertThat(m.primarySubgraph().operators())
        .filteredOn(op -> m.opOf(op) == BuiltinOperator.CUSTOM)
        .allSatisfy(op -> assertThat(op.customOptions()).isNotNull());
  }

  @Test
  void lstmOptionsAndSvdfOptionsAreTyped() throws Exception {
    Model dtln = read("tflite/dtln/dtln_noise_suppression.tflite");
    Model keyword = read("tflite/keyword/keyword_scrambled_8bit.tflite");

    assertThat(dtln.primarySubgraph().operators())
        .filteredOn(op -> dtln.opOf(op) == BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM)
        .hasSize(2)
        .allSatisfy(
            op -> assertThat(op.options()).isInstanceOf(UnidirectionalSequenceLSTMOptions.class));
    assertThat(keyword.primarySubgraph().operators())
        .filteredOn(op -> keyword.opOf(op) == BuiltinOperator.SVDF)
        .hasSize(7)
        .allSatisfy(op -> assertThat(op.options()).isInstanceOf(SVDFOptions.class));
  }

  @Test
  void byteArrayByteBufferAndMappedFileGiveTheSameModel() throws Exception {
    Path file = Fixtures.path("tflite/hello_world/hello_world_int8.tflite");
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer offsetBuffer = ByteBuffer.allocate(bytes.length + 3);
    offsetBuffer.position(3);
    offsetBuffer.put(bytes).position(3);

    Model fromPath = TfliteReader.read(file);
    assertThat(TfliteReader.read(bytes)).isEqualTo(fromPath);
    assertThat(TfliteReader.read(offsetBuffer)).isEqualTo(fromPath);
    assertThat(offsetBuffer.position()).isEqualTo(3);
  }

  @Test
  void wrongFileIdentifierIsNamedWithItsOffset() {
    byte[] bytes = "PK\u0003\u0004 this is a zip file, not a model".getBytes();

    assertThatThrownBy(() -> TfliteReader.read(bytes))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessage("offset 4: expected file identifier TFL3, found \" thi\"");
  }

  @Test
  void tooShortInputIsRejected() {
    assertThatThrownBy(() -> TfliteReader.read(new byte[3]))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessageContaining("offset 0: expected at least 8 bytes");
  }

  @Test
  void truncatedFileNamesTheOffsetThatPointsOutside() throws Exception {
    byte[] bytes = TfliteRoundTripTest.bytes("tflite/hello_world/hello_world_int8.tflite");
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

    assertThatThrownBy(() -> TfliteReader.read(truncated))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessageMatching(
            "truncated \\("
                + truncated.length
                + " bytes, needs at least \\d+\\): offset \\d+"
                + " \\(Model.*\\): .*");
  }

  @Test
  void aTruncatedFileSaysHowManyBytesItHasAndNeeds() throws Exception {
    byte[] bytes = TfliteRoundTripTest.bytes("tflite/hello_world/hello_world_int8.tflite");
    for (int length : new int[] {3, 100, bytes.length - 1}) {
      byte[] truncated = Arrays.copyOf(bytes, length);

      assertThatThrownBy(() -> TfliteReader.read(truncated))
          .as("cut to %d bytes", length)
          .isInstanceOf(TfliteFormatException.class)
          .satisfies(
              e -> {
                Matcher m =
                    Pattern.compile("truncated \\((\\d+) bytes, needs at least (\\d+)\\): .*")
                        .matcher(e.getMessage());
                assertThat(m.matches()).as(e.getMessage()).isTrue();
                assertThat(Integer.parseInt(m.group(1))).isEqualTo(length);
                assertThat(Integer.parseInt(m.group(2)))
                    .isGreaterThan(length)
                    .isLessThanOrEqualTo(bytes.length);
              });
    }
  }

  @Test
  void aWrongIdentifierIsNotCalledTruncation() {
    byte[] bytes = "PK\u0003\u0004 this is a zip file, not a model".getBytes();

    assertThatThrownBy(() -> TfliteReader.read(bytes)).hasMessageNotContaining("truncated");
  }

  @Test
  void hugeVectorLengthIsRejectedBeforeAllocating() throws Exception {
    byte[] bytes = TfliteWriter.write(read("tflite/hello_world/hello_world_int8.tflite"));
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    // Model.subgraphs is slot 2 of the root table; make its vector claim 2^31 entries.
    int root = bb.getInt(0);
    int vt = root - bb.getInt(root);
    int field = root + bb.getShort(vt + 4 + 2 * 2);
    int vec = field + bb.getInt(field);
    bb.putInt(vec, Integer.MAX_VALUE);

    assertThatThrownBy(() -> TfliteReader.read(bytes))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessageContaining("offset " + vec + " (Model.subgraphs)")
        .hasMessageContaining("vector of 2147483647 elements of 4 bytes exceeds the");
  }

  @Test
  void missingFileIsReportedAsSuch(@TempDir Path dir) {
    Path missing = dir.resolve("nope.tflite");

    assertThatThrownBy(() -> TfliteReader.read(missing))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessage(missing + " does not exist");
  }

  @Test
  void pathReadsPrefixMessagesWithThePath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("notes.tflite");
    Files.writeString(file, "these are notes, not a model");

    assertThatThrownBy(() -> TfliteReader.read(file))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessageStartingWith(
            file + " is not a valid .tflite model: offset 4: expected file identifier TFL3");
  }

  @Test
  void aDirectoryIsSaidToBeOne(@TempDir Path dir) {
    assertThatThrownBy(() -> TfliteReader.read(dir))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessage(dir + " is a directory, not a .tflite file");
  }

  @Test
  void operatorCodesAbove127UseThePlaceholderInTheOldField() throws Exception {
    Model m = read("tflite/hello_world/hello_world_int8.tflite");
    m.operatorCodes().add(new OperatorCode(BuiltinOperator.CUMSUM, 1));
    m.operatorCodes().add(new OperatorCode(BuiltinOperator.ADD, 3));

    RawTable raw = new ModelEncoder(m).encode();
    RawTable cumsum = raw.tables(1).get(m.operatorCodes().size() - 2);
    Model back = TfliteReader.read(TfliteWriter.write(m));

    assertThat(cumsum.scalar(0, 0)).isEqualTo(127);
    assertThat(cumsum.scalar(3, 0)).isEqualTo(128);
    assertThat(back.operatorCodes().get(back.operatorCodes().size() - 2).builtinCode())
        .isEqualTo(BuiltinOperator.CUMSUM);
    assertThat(back.operatorCodes().get(back.operatorCodes().size() - 1))
        .isEqualTo(new OperatorCode(BuiltinOperator.ADD, 3));
  }

  @Test
  void oldFilesWithOnlyTheDeprecatedCodeReadTheirOperator() throws Exception {
    Model m = read("tflite/hello_world/hello_world_int8.tflite");
    RawTable raw = new ModelEncoder(m).encode();
    RawTable code = raw.tables(1).get(0);
    code.remove(3);
    code.putScalar(0, BuiltinOperator.FULLY_CONNECTED.code(), 1);

    Model back = TfliteReader.read(write(raw));

    assertThat(back.operatorCodes().get(0).builtinCode())
        .isEqualTo(BuiltinOperator.FULLY_CONNECTED);
  }

  @Test
  void unknownSchemaVersionIsRejected() throws Exception {
    RawTable raw = new ModelEncoder(read("tflite/hello_world/hello_world_int8.tflite")).encode();
    raw.putScalar(0, 2, 4);

    assertThatThrownBy(() -> TfliteReader.read(write(raw)))
        .isInstanceOf(TfliteFormatException.class)
        .hasMessageContaining("expected schema version 3, found 2");
  }

  @Test
  void builtinOptionsTypeCodesFollowTheSchemaUnion() {
    Map<Integer, String> expected =
        Map.of(
            1, "Conv2DOptions",
            5, "Pool2DOptions",
            8, "FullyConnectedOptions",
            17, "ReshapeOptions",
            71, "UnidirectionalSequenceLSTMOptions",
            89, "QuantizeOptions",
            126, "RightShiftOptions");

    expected.forEach(
        (code, name) ->
            assertThat(Schema.unionMember("BuiltinOptions", code).name()).isEqualTo(name));
    assertThat(Schema.unionSize("BuiltinOptions")).isEqualTo(126);
    assertThat(Schema.unionSize("BuiltinOptions2")).isEqualTo(21);
    assertThat(BuiltinOperator.fromCode(207)).isEqualTo(BuiltinOperator.COMPLEX);
    assertThat(BuiltinOperator.PLACEHOLDER_FOR_GREATER_OP_CODES.code()).isEqualTo(127);
  }

  static byte[] write(RawTable root) {
    com.google.flatbuffers.FlatBufferBuilder b = new com.google.flatbuffers.FlatBufferBuilder(1024);
    b.finish(FlatEmitter.table(b, root), "TFL3");
    return b.sizedByteArray();
  }
}
