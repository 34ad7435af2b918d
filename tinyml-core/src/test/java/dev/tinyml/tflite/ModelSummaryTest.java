package dev.tinyml.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyml.testing.Fixtures;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {

  private static ModelSummary summary(String fixture) throws Exception {
    return ModelSummary.of(Fixtures.path(fixture));
  }

  @Test
  void helloWorldCountsFullyConnectedMacsParametersAndWeightBytes() throws Exception {
    ModelSummary s = summary("tflite/hello_world/hello_world_int8.tflite");

    // Dense 1->16, 16->16, 16->1: 16 + 256 + 16 MACs; weights plus biases 16 + 16 + 1.
    assertThat(s.macs()).isEqualTo(288);
    assertThat(s.parameters()).isEqualTo(288 + 33);
    assertThat(s.weightBytes()).isEqualTo(288 + 33 * 4);
    assertThat(s.opCounts())
        .containsExactly(org.assertj.core.api.Assertions.entry("FULLY_CONNECTED", 3));
  }

  @Test
  void microSpeechMacsFollowTheDepthwiseAndFullyConnectedFormulas() throws Exception {
    ModelSummary s = summary("tflite/micro_speech/micro_speech_quantized.tflite");
    var ops = s.subgraphs().get(0).operators();

    assertThat(ops)
        .extracting(ModelSummary.OperatorSummary::opcode)
        .containsExactly("RESHAPE", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "SOFTMAX");
    assertThat(ops.get(0).macs()).isZero();
    assertThat(ops.get(1).macs()).isEqualTo(25L * 20 * 8 * 10 * 8);
    assertThat(ops.get(2).macs()).isEqualTo(4L * 4000);
    assertThat(ops.get(3).macs()).isEqualTo(4);
    assertThat(s.macs()).isEqualTo(320_000 + 16_000 + 4);
  }

  @Test
  void personDetectConvolutionMacsUseFilterAndOutputShapes() throws Exception {
    Model m = TfliteReader.read(Fixtures.path("tflite/person_detection/person_detect.tflite"));
    ModelSummary s = ModelSummary.of(m);
    SubGraph g = m.primarySubgraph();

    for (ModelSummary.OperatorSummary o : s.subgraphs().get(0).operators()) {
      if (o.opcode().equals("CONV_2D")) {
        int[] out = g.tensor(o.outputs()[0]).shape();
        int[] f = g.tensor(o.inputs()[1]).shape();
        assertThat(o.macs()).isEqualTo((long) out[1] * out[2] * out[3] * f[1] * f[2] * f[3]);
      }
    }
    assertThat(s.opCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(31);
    assertThat(s.macs()).isBetween(5_000_000L, 10_000_000L);
  }

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    ModelSummary s = summary("tflite/micro_speech/micro_speech_quantized.tflite");

    JsonNode json = new ObjectMapper().readTree(s.toJson());

    JsonNode g = json.get("subgraphs").get(0);
    JsonNode input = g.get("tensors").get(g.get("inputs").get(0).asInt());
    assertThat(input.get("type").asText()).isEqualTo("INT8");
    assertThat(input.get("shape").toString()).isEqualTo("[1,1960]");
    assertThat(input.get("scale").get(0).floatValue()).isEqualTo(0.101715684f);
    assertThat(input.get("zeroPoint").get(0).asInt()).isEqualTo(-128);
    assertThat(input.has("name")).isTrue();
    assertThat(input.has("bytes")).isTrue();
    JsonNode conv = g.get("operators").get(1);
    assertThat(conv.get("opcode").asText()).isEqualTo("DEPTHWISE_CONV_2D");
    assertThat(conv.get("version").asInt()).isPositive();
    assertThat(conv.get("macs").asLong()).isEqualTo(320_000);
    assertThat(conv.has("inputs")).isTrue();
    assertThat(json.get("parameters").asLong()).isEqualTo(s.parameters());
    assertThat(json.get("weightBytes").asLong()).isEqualTo(s.weightBytes());
    assertThat(json.get("macs").asLong()).isEqualTo(336_004);
  }

  @Test
  void customOperatorsAreNamedInTextAndJson() throws Exception {
    ModelSummary s = summary("tflite/micro_speech/audio_preprocessor_int8.tflite");

    assertThat(s.opCounts()).containsKey("SignalFilterBank");
    assertThat(s.toText()).contains("CUSTOM:SignalFilterBank");
    assertThat(s.toJson()).contains("\"customCode\" : \"SignalFilterBank\"");
  }

  @Test
  void textNamesInputsOutputsAndTotals() throws Exception {
    String text = summary("tflite/hello_world/hello_world_int8.tflite").toText();

    assertThat(text)
        .contains("schema version 3")
        .contains("input   ")
        .contains("INT8[1, 1] s=0.024480")
        .contains("FULLY_CONNECTED x3")
        .contains("MACs:         288 (estimated)");
  }

  @Test
  void summaryOfTheSameModelIsDeterministic() throws Exception {
    String a = summary("tflite/kws_mlperf_tiny/kws_ref_model.tflite").toJson();
    String b = summary("tflite/kws_mlperf_tiny/kws_ref_model.tflite").toJson();

    assertThat(a).isEqualTo(b);
  }
}
