package dev.tinyml.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.quant.IoType;
import dev.tinyml.quant.QuantizationOptions;
import dev.tinyml.quant.QuantizationScheme;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.SubOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TfliteReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tinyml.quantization=int16x8}: from the setting to the quantizer's options. */
class Int16x8ConversionTest {

  private static ConversionSettings settings(Path dir) {
    return new ConversionSettings()
        .names("tinyml.", "")
        .tfliteModel(dir.resolve("model.tflite"))
        .outputDirectory(dir.resolve("out"));
  }

  @Test
  void theSettingReadsInt16x8(@TempDir Path dir) throws Exception {
    ConversionRequest r = settings(dir).quantization("int16x8").toRequest();
    assertThat(r.quantization()).isEqualTo(Quantization.INT16X8);
    assertThat(r.quantization().scheme()).contains(QuantizationScheme.INT16X8);
  }

  @Test
  void noneHasNoScheme() {
    assertThat(Quantization.NONE.scheme()).isEmpty();
  }

  @Test
  void unsetInputAndOutputTypesBecomeInt16(@TempDir Path dir) throws Exception {
    QuantizationOptions o =
        Converter.quantizationOptions(settings(dir).quantization("int16x8").toRequest());
    assertThat(o.scheme()).isEqualTo(QuantizationScheme.INT16X8);
    assertThat(o.inputType()).isEqualTo(IoType.INT16);
    assertThat(o.outputType()).isEqualTo(IoType.INT16);
  }

  @Test
  void floatInputsAndOutputsAreKeptUnderInt16x8(@TempDir Path dir) throws Exception {
    QuantizationOptions o =
        Converter.quantizationOptions(
            settings(dir).quantization("int16x8").ioTypes("float32", "int16").toRequest());
    assertThat(o.inputType()).isEqualTo(IoType.FLOAT32);
    assertThat(o.outputType()).isEqualTo(IoType.INT16);
  }

  @Test
  void int8InputsUnderInt16x8AreRefusedNamingBothSettings(@TempDir Path dir) throws Exception {
    ConversionRequest r = settings(dir).quantization("int16x8").ioTypes("int8", null).toRequest();
    assertThatThrownBy(() -> Converter.quantizationOptions(r))
        .isInstanceOf(ConversionException.class)
        .hasMessage(
            "tinyml.inputType=int8 does not fit tinyml.quantization=int16x8, which makes int16 or"
                + " float32 tensors; set int16 or float32.");
  }

  @Test
  void int8StaysTheDefaultScheme(@TempDir Path dir) throws Exception {
    QuantizationOptions o = Converter.quantizationOptions(settings(dir).toRequest());
    assertThat(o.scheme()).isEqualTo(QuantizationScheme.INT8);
    assertThat(o.inputType()).isEqualTo(IoType.INT8);
  }

  /** x[1,2] - c[1,2], c constant: SUB has no 16x8 kernel in TFLM. */
  private static Model subtraction() {
    Model m = Model.empty();
    SubGraph g = new SubGraph();
    m.subgraphs().add(g);
    int x = g.addTensor(new Tensor("x", TensorType.FLOAT32, new int[] {1, 2}));
    Tensor constant = new Tensor("c", TensorType.FLOAT32, new int[] {1, 2});
    constant.setBuffer(
        m.addBuffer(
            new Buffer(
                ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putFloat(0.5f)
                    .putFloat(-0.5f)
                    .array())));
    int c = g.addTensor(constant);
    int y = g.addTensor(new Tensor("y", TensorType.FLOAT32, new int[] {1, 2}));
    int code = m.addOperatorCode(new OperatorCode(BuiltinOperator.SUB, 1));
    g.operators()
        .add(
            new Operator(
                code,
                new int[] {x, c},
                new int[] {y},
                new SubOptions(ActivationFunctionType.NONE, true)));
    g.setInputs(new int[] {x});
    g.setOutputs(new int[] {y});
    return m;
  }

  @Test
  void aModelWithAnOpWithout16x8KernelFailsTheConversionNamingIt(@TempDir Path out) {
    ConversionRequest request =
        ConversionRequest.builder(ModelSource.of(subtraction(), "sub"), out)
            .quantization(Quantization.INT16X8)
            .representativeData(
                RepresentativeData.of(
                    RepresentativeDataset.ofSingleInput(List.of(new float[] {1f, -1f}))))
            .build();
    assertThatThrownBy(() -> Converter.convert(request))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("Cannot quantize sub to int16x8: op #0 (SUB) has no 16x8 kernel");
  }

  @Test
  void aFloatModelConvertsToInt16x8Firmware(@TempDir Path out) throws Exception {
    List<float[]> samples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      samples.add(new float[] {i * 0.6f});
    }
    ConversionResult result =
        Converter.convert(
            ConversionRequest.builder(
                    ModelSource.tflite(
                        Fixtures.path("tflite/hello_world/hello_world_float.tflite")),
                    out)
                .quantization(Quantization.INT16X8)
                .representativeData(
                    RepresentativeData.of(RepresentativeDataset.ofSingleInput(samples)))
                .build());
    Model written = TfliteReader.read(out.resolve("model.tflite"));
    SubGraph g = written.primarySubgraph();
    assertThat(g.tensor(g.inputs()[0]).type()).isEqualTo(TensorType.INT16);
    assertThat(g.tensor(g.outputs()[0]).type()).isEqualTo(TensorType.INT16);
    assertThat(result.report().orElseThrow().quantization())
        .isEqualTo("int16x8 (quantized from float32, calibrated on 10 samples)");
  }
}
