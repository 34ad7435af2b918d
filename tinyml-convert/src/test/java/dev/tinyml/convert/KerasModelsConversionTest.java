package dev.tinyml.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.quant.ModelQuantizer;
import dev.tinyml.quant.QuantAssertions;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.savedmodel.KerasModels;
import dev.tinyml.savedmodel.SavedModelImporter;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras-style SavedModels built with TensorFlow Java import, quantize to int8 with representative
 * data, follow the float model in the interpreter, and convert to firmware through {@link
 * Converter}.
 */
class KerasModelsConversionTest {
  @TempDir static Path tmp;

  private static Path autoencoder;
  private static List<float[]> images;
  private static Path keywords;
  private static List<float[]> features;

  @BeforeAll
  static void exportModels() throws Exception {
    autoencoder = KerasModels.exportConvAutoencoder(tmp.resolve("conv_autoencoder"), 41);
    images = uniform(43, 64, 64);
    keywords = KerasModels.exportKeywordGru(tmp.resolve("keyword_gru"), 44);
    features = uniform(45, 300, 16 * 8);
  }

  /** {@code n} samples of {@code size} values uniform in [0, 1), as images are. */
  static List<float[]> uniform(long seed, int n, int size) {
    Random r = new Random(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] v = new float[size];
      for (int k = 0; k < size; k++) {
        v[k] = r.nextFloat();
      }
      out.add(v);
    }
    return out;
  }

  @Test
  void conv2dTransposeAutoencoderQuantizedFollowsTheFloatModelWithinThreeSteps() throws Exception {
    Model f = SavedModelImporter.builder().build().importModel(autoencoder).model();
    RepresentativeDataset data = RepresentativeDataset.ofSingleInput(images);
    Model q = ModelQuantizer.quantize(f, data);
    QuantAssertions.assertWithinQuantSteps(f, q, data, 3);
  }

  @Test
  void conv2dTransposeAutoencoderConvertsToFirmwareWithAnInt8TransposeConv() throws Exception {
    Path out = tmp.resolve("autoencoder_firmware");
    Converter.convert(
        ConversionRequest.builder(ModelSource.savedModel(autoencoder), out)
            .representativeData(RepresentativeData.of(RepresentativeDataset.ofSingleInput(images)))
            .build());
    assertThat(out.resolve("model.cc")).isRegularFile();
    Model firmware = TfliteReader.read(out.resolve("model.tflite"));
    SubGraph g = firmware.primarySubgraph();
    Operator deconv =
        g.operators().stream()
            .filter(o -> firmware.opOf(o) == BuiltinOperator.TRANSPOSE_CONV)
            .findFirst()
            .orElseThrow();
    Tensor filter = g.tensor(deconv.inputs()[1]);
    assertThat(g.tensor(deconv.inputs()[2]).type()).isEqualTo(TensorType.INT8);
    assertThat(filter.type()).isEqualTo(TensorType.INT8);
    assertThat(filter.quantization().quantizedDimension()).isZero();
    assertThat(g.tensor(deconv.inputs()[3]).type()).isEqualTo(TensorType.INT32);
  }

  @Test
  void conv1dGruKeywordModelQuantizedAgreesOnTop1ForAtLeast95Percent() throws Exception {
    Model f = SavedModelImporter.builder().build().importModel(keywords).model();
    Model q =
        ModelQuantizer.quantize(f, RepresentativeDataset.ofSingleInput(features.subList(0, 100)));
    QuantAssertions.assertTop1Agreement(
        f, q, RepresentativeDataset.ofSingleInput(features.subList(100, 300)), 0.95);
  }

  @Test
  void conv1dGruKeywordModelConvertsToInt8Firmware() throws Exception {
    Path out = tmp.resolve("keyword_firmware");
    Converter.convert(
        ConversionRequest.builder(ModelSource.savedModel(keywords), out)
            .representativeData(
                RepresentativeData.of(
                    RepresentativeDataset.ofSingleInput(features.subList(0, 100))))
            .build());
    assertThat(out.resolve("model.cc")).isRegularFile();
    Model firmware = TfliteReader.read(out.resolve("model.tflite"));
    SubGraph g = firmware.primarySubgraph();
    assertThat(g.operators().stream().map(firmware::opOf))
        .contains(
            BuiltinOperator.UNPACK,
            BuiltinOperator.SPLIT,
            BuiltinOperator.SPLIT_V,
            BuiltinOperator.FULLY_CONNECTED,
            BuiltinOperator.LOGISTIC,
            BuiltinOperator.TANH,
            BuiltinOperator.SOFTMAX);
    for (Operator op : g.operators()) {
      if (firmware.opOf(op) == BuiltinOperator.FULLY_CONNECTED) {
        assertThat(g.tensor(op.inputs()[0]).type()).isEqualTo(TensorType.INT8);
      }
    }
  }
}
