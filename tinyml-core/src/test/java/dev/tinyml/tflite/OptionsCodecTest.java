package dev.tinyml.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsCodecTest {

  private static List<Class<?>> typedRecords() {
    return Arrays.stream(BuiltinOptions.class.getPermittedSubclasses())
        .filter(c -> c != UnknownOptions.class)
        .toList();
  }

  @Test
  void everyTypedRecordsTypeConstantIsItsUnionCodeInTheSchema() throws Exception {
    for (Class<?> record : typedRecords()) {
      int type = record.getField("TYPE").getInt(null);
      BuiltinOptions defaults = OptionsCodec.decode(type, new RawTable());

      assertThat(defaults).as(record.getSimpleName()).isInstanceOf(record);
      assertThat(defaults.optionsType()).as(record.getSimpleName()).isEqualTo(type);
      assertThat(Schema.unionMember("BuiltinOptions", type).name())
          .isEqualTo(record.getSimpleName());
    }
  }

  @Test
  void anAbsentTableFieldIsTheSchemaDefault() {
    Conv2DOptions conv = (Conv2DOptions) OptionsCodec.decode(Conv2DOptions.TYPE, new RawTable());
    AddOptions add = (AddOptions) OptionsCodec.decode(AddOptions.TYPE, new RawTable());

    assertThat(conv.dilationWFactor()).isEqualTo(1);
    assertThat(conv.padding()).isEqualTo(Padding.SAME);
    assertThat(add.potScaleInt16()).isTrue();
  }

  @Test
  void defaultsAreLeftOutAndOtherValuesWrittenInTheirSlots() {
    RawTable t =
        OptionsCodec.encode(
            new Conv2DOptions(
                Padding.VALID, 2, 0, ActivationFunctionType.RELU6, 1, 3, TensorType.FLOAT32));

    assertThat(t.fields().keySet()).containsExactly(0, 1, 3, 5);
    assertThat(t.scalar(1, 0)).isEqualTo(2);
    assertThat(t.scalar(3, 0)).isEqualTo(ActivationFunctionType.RELU6.code());
    assertThat(t.scalar(5, 0)).isEqualTo(3);
  }

  @Test
  void aRecordSkippingDeprecatedSlotsWritesItsFieldsAfterThem() {
    RawTable t = OptionsCodec.encode(new ResizeBilinearOptions(true, true));

    assertThat(t.fields().keySet()).containsExactly(2, 3);
    assertThat(OptionsCodec.decode(ResizeBilinearOptions.TYPE, t))
        .isEqualTo(new ResizeBilinearOptions(true, true));
  }

  @Test
  void everyKindOfFieldReadsBackWhatWasWritten() {
    List<BuiltinOptions> records =
        List.of(
            new FullyConnectedOptions(
                ActivationFunctionType.TANH,
                FullyConnectedOptionsWeightsFormat.SHUFFLED4x16INT8,
                true,
                false,
                TensorType.INT32),
            new UnidirectionalSequenceLSTMOptions(
                ActivationFunctionType.RELU, 0.5f, -2f, true, false, true),
            new ReshapeOptions(List.of(1, -1, 8)),
            new AddOptions(ActivationFunctionType.NONE, false));

    for (BuiltinOptions r : records) {
      assertThat(OptionsCodec.decode(r.optionsType(), OptionsCodec.encode(r))).isEqualTo(r);
    }
  }

  @Test
  void aTableTheRecordCannotCarryIsNotDecoded() {
    RawTable boolByteTwo = new RawTable().putScalar(0, 2, 1);
    RawTable enumCodeOutsideTheSchema = new RawTable().putScalar(0, 9, 1);
    RawTable slotFromANewerSchema = new RawTable().putScalar(4, 1, 4);
    RawTable deprecatedSlot = new RawTable().putScalar(0, 10, 4);

    assertThat(OptionsCodec.decode(GeluOptions.TYPE, boolByteTwo)).isNull();
    assertThat(OptionsCodec.decode(MulOptions.TYPE, enumCodeOutsideTheSchema)).isNull();
    assertThat(OptionsCodec.decode(AddOptions.TYPE, slotFromANewerSchema)).isNull();
    assertThat(OptionsCodec.decode(ResizeBilinearOptions.TYPE, deprecatedSlot)).isNull();
  }

  @Test
  void aTypeTheLibraryDoesNotModelIsNotDecoded() {
    int mirrorPad = Schema.unionType("BuiltinOptions", "MirrorPadOptions");

    assertThat(OptionsCodec.decode(mirrorPad, new RawTable())).isNull();
  }
}
