package dev.tinyml.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.ops.BreadthModels;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Float models of the breadth ops convert to int8 firmware whose outputs follow the float model.
 */
class BreadthOpsConversionTest {

  private static ConversionResult convert(Model model, String name, Path out) throws Exception {
    return Converter.convert(
        ConversionRequest.builder(ModelSource.of(model, name), out)
            .representativeData(RepresentativeData.of(BreadthModels.samples(5, 64)))
            .build());
  }

  /** The scale of the firmware's int8 output. */
  private static float outputScale(Model firmware) {
    SubGraph g = firmware.primarySubgraph();
    return g.tensors().get(g.outputs()[0]).quantization().scale()[0];
  }

  @Test
  void splitPreluGreaterSelectGatherUnpackModelBecomesFirmware(@TempDir Path out) throws Exception {
    ConversionResult result =
        convert(BreadthModels.splitSelectGatherModel(), "breadth_select", out);

    assertThat(out.resolve("model.cc")).isRegularFile();
    assertThat(Files.readString(out.resolve("report.md"))).contains("SELECT_V2");
    assertThat(result.footprint().orElseThrow().arenaBytes()).isPositive();
    Model firmware = TfliteReader.read(out.resolve("model.tflite"));
    assertThat(firmware.operatorCodes().stream().map(OperatorCode::builtinCode))
        .contains(BuiltinOperator.SPLIT, BuiltinOperator.GATHER, BuiltinOperator.UNPACK);
    assertThat(firmware.primarySubgraph().tensors().get(1).type()).isEqualTo(TensorType.INT8);
    // On average within two int8 steps of the float model's output.
    assertThat(result.report().orElseThrow().agreement().meanAbsoluteError())
        .isLessThanOrEqualTo(2 * outputScale(firmware));
  }

  @Test
  void transposeHardSwishReduceL2ModelBecomesFirmware(@TempDir Path out) throws Exception {
    ConversionResult result = convert(BreadthModels.transposeReduceModel(), "breadth_reduce", out);

    assertThat(out.resolve("model.cc")).isRegularFile();
    assertThat(result.footprint().orElseThrow().arenaBytes()).isPositive();
    assertThat(Files.readString(out.resolve("report.md"))).contains("L2_NORMALIZATION");
  }
}
