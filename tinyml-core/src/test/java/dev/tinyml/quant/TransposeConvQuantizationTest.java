package dev.tinyml.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tinyml.ops.Int8Rules;
import dev.tinyml.ops.OpNode;
import dev.tinyml.ops.OpRegistry;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TransposeConvOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TRANSPOSE_CONV takes (output shape, filter, input, bias): the quantizer gives it a per-channel
 * int8 filter on the output-channel axis 0 and an int32 bias at input scale times filter scale.
 */
class TransposeConvQuantizationTest {
  private static final int SIZE = 8;

  /** Calibration and comparison data alike, so no output falls outside its calibrated range. */
  private static final List<float[]> IMAGES = FloatModels.uniformSamples(21, 60, SIZE * SIZE);

  private static Model quantized(QuantizationOptions options) {
    return ModelQuantizer.quantize(
        FloatModels.convAutoencoder(9, SIZE), RepresentativeDataset.ofSingleInput(IMAGES), options);
  }

  private static Tensor tensor(Model m, String name) {
    return m.primarySubgraph().tensors().stream()
        .filter(t -> name.equals(t.name()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tensor " + name));
  }

  @Test
  void itsRulesNameTheDataFilterAndBiasInputs() {
    Int8Rules rules = OpRegistry.int8Rules(BuiltinOperator.TRANSPOSE_CONV).orElseThrow();
    assertThat(rules.weightedInputs()).isEqualTo(new Int8Rules.WeightedInputs(2, 1, 3));
    assertThat(rules.weightsChannelAxis()).isZero();
  }

  @Test
  void filterIsPerChannelOnAxisZeroAndBiasIsInputTimesFilterScale() {
    Model q = quantized(QuantizationOptions.defaults());
    Tensor filter = tensor(q, "decoder/filter");
    assertThat(filter.type()).isEqualTo(TensorType.INT8);
    assertThat(filter.quantization().quantizedDimension()).isZero();
    assertThat(filter.quantization().scale()).hasSize(1);
    Tensor bias = tensor(q, "decoder/bias");
    assertThat(bias.type()).isEqualTo(TensorType.INT32);
    float in = tensor(q, "encoder").quantization().scale()[0];
    assertThat(bias.quantization().scale()[0]).isEqualTo(in * filter.quantization().scale()[0]);
    // The output shape stays the int32 constant it was.
    assertThat(tensor(q, "decoder/output_shape").type()).isEqualTo(TensorType.INT32);
  }

  @Test
  void aBiasedTransposeConvGetsVersion3() {
    Model q = quantized(QuantizationOptions.defaults());
    int version =
        q.operatorCodes().stream()
            .filter(c -> c.builtinCode() == BuiltinOperator.TRANSPOSE_CONV)
            .findFirst()
            .orElseThrow()
            .version();
    assertThat(version).isEqualTo(3);
  }

  @Test
  void theInt8AutoencoderFollowsTheFloatOneWithinThreeSteps() {
    Model f = FloatModels.convAutoencoder(9, SIZE);
    QuantAssertions.assertWithinQuantSteps(
        f,
        quantized(QuantizationOptions.defaults()),
        RepresentativeDataset.ofSingleInput(IMAGES),
        3);
  }

  @Test
  void biasCorrectionQuantizesTheAutoencoderToo() {
    Model f = FloatModels.convAutoencoder(9, SIZE);
    QuantAssertions.assertWithinQuantSteps(
        f,
        quantized(QuantizationOptions.defaults().withBiasCorrection(true)),
        RepresentativeDataset.ofSingleInput(IMAGES),
        3);
  }

  @Test
  void weightErrorShiftWeighsEachTapByTheOutputsItReaches() {
    // One input pixel, a 2x2 filter, stride 2, VALID: each tap writes one of the four outputs,
    // so the mean output error is a quarter of the sum of tap errors times the input mean.
    FloatModels m = new FloatModels(0);
    int shape = m.intConstant("shape", new int[] {1, 2, 2, 1}, 4);
    int w = m.constant("w", new float[] {1, 1, 1, 1}, 1, 2, 2, 1);
    int x = m.tensor("x", 1, 1, 1, 1);
    int y = m.tensor("y", 1, 2, 2, 1);
    m.op(
        BuiltinOperator.TRANSPOSE_CONV,
        new TransposeConvOptions(
            Padding.VALID, 2, 2, ActivationFunctionType.NONE, TensorType.FLOAT32),
        new int[] {shape, w, x},
        y);
    Model model = m.finish(new int[] {x}, new int[] {y});
    OpNode node =
        new OpNode(model, model.primarySubgraph(), model.primarySubgraph().operators().get(0));
    double[] shift =
        OpRegistry.int8Rules(BuiltinOperator.TRANSPOSE_CONV)
            .orElseThrow()
            .weightErrorShift(node, new float[] {0.1f, 0.2f, 0.3f, 0.4f}, new double[] {2}, 1);
    assertThat(shift[0]).isCloseTo((0.1 + 0.2 + 0.3 + 0.4) * 2 / 4, within(1e-6));
  }
}
