package dev.tinyml.quant;

import static dev.tinyml.quant.QuantFixtures.quantizedMobileNet;
import static dev.tinyml.quant.QuantFixtures.tensor;
import static dev.tinyml.quant.QuantFixtures.version;
import static dev.tinyml.quant.QuantFixtures.versions;
import static dev.tinyml.tflite.BuiltinOperator.AVERAGE_POOL_2D;
import static dev.tinyml.tflite.BuiltinOperator.CONV_2D;
import static dev.tinyml.tflite.BuiltinOperator.DEPTHWISE_CONV_2D;
import static dev.tinyml.tflite.BuiltinOperator.FULLY_CONNECTED;
import static dev.tinyml.tflite.BuiltinOperator.RESHAPE;
import static dev.tinyml.tflite.BuiltinOperator.SOFTMAX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelQuantizerTest {
  private static final RepresentativeDataset CALIBRATION_4 =
      RepresentativeDataset.ofSingleInput(FloatModels.uniformSamples(1, 200, 4));
  private static final RepresentativeDataset HELD_OUT_4 =
      RepresentativeDataset.ofSingleInput(FloatModels.uniformSamples(2, 1000, 4));

  /** 100 seeded samples for the six-value input of {@link FloatModels#branches}. */
  private static final RepresentativeDataset SIX_WIDE =
      RepresentativeDataset.ofSingleInput(FloatModels.uniformSamples(3, 100, 6));

  /**
   * x[1, inputs] → FULLY_CONNECTED (weights "w" of shape [units, inputs], bias "b" of [units], no
   * activation) → y[1, units], with {@code units} the bias's length.
   */
  private static Model oneDenseLayer(int inputs, float[] weights, float[] bias) {
    int units = bias.length;
    FloatModels m = new FloatModels(0);
    int x = m.tensor("x", 1, inputs);
    int w = m.constant("w", weights, units, inputs);
    int b = m.constant("b", bias, units);
    int y = m.tensor("y", 1, units);
    m.fullyConnected(dev.tinyml.tflite.ActivationFunctionType.NONE, x, w, b, y);
    return m.finish(new int[] {x}, new int[] {y});
  }

  /** Marks the float tensor {@code name} with the range [min, max], as a QAT model does. */
  private static void carryRange(Model f, String name, float min, float max) {
    tensor(f, name)
        .setQuantization(
            new QuantizationParameters(new float[] {min}, new float[] {max}, null, null, 0));
  }

  /** The first int32 value of {@code m}'s tensor {@code name}. */
  private static int firstInt32(Model m, String name) {
    int[] values = new int[1];
    ByteBuffer.wrap(m.dataOf(tensor(m, name)))
        .order(ByteOrder.LITTLE_ENDIAN)
        .asIntBuffer()
        .get(values);
    return values[0];
  }

  private static float[] floats(Model m, Tensor t) {
    byte[] d = m.dataOf(t);
    float[] v = new float[d.length / 4];
    ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }

  @Test
  void denseClassifierAgreesOnTop1ForAtLeast99PercentOfAHeldOutSet() {
    Model f = FloatModels.denseClassifier(42);
    Model q = ModelQuantizer.quantize(f, CALIBRATION_4);
    assertThat(QuantAssertions.top1Agreement(f, q, HELD_OUT_4)).isGreaterThanOrEqualTo(0.99);
    QuantAssertions.assertTop1Agreement(f, q, HELD_OUT_4, 0.99);
  }

  @Test
  void activationsAreInt8WithCalibratedParamsAndWeightsSymmetric() {
    Model f = FloatModels.denseClassifier(42);
    Model q = ModelQuantizer.quantize(f, CALIBRATION_4);
    Tensor input = tensor(q, "input");
    assertThat(input.type()).isEqualTo(TensorType.INT8);
    // The calibration inputs span almost [-1, 1]: scale close to 2/255, zero point near 0.
    assertThat(input.quantization().scale()[0]).isBetween(1.9f / 255, 2f / 255);
    assertThat(input.quantization().zeroPoint()[0]).isBetween(-2L, 1L);
    Tensor hidden = tensor(q, "hidden");
    assertThat(hidden.quantization().zeroPoint()[0]).isEqualTo(-128); // after ReLU: range [0, max]
    Tensor w = tensor(q, "hidden/weights");
    assertThat(w.type()).isEqualTo(TensorType.INT8);
    assertThat(w.quantization().scale()).hasSize(1); // dense: per-tensor by default
    assertThat(w.quantization().zeroPoint()).containsExactly(0);
    Tensor b = tensor(q, "hidden/bias");
    assertThat(b.type()).isEqualTo(TensorType.INT32);
    assertThat(b.quantization().scale()[0])
        .isEqualTo(input.quantization().scale()[0] * w.quantization().scale()[0]);
  }

  @Test
  void softmaxLogisticAndTanhOutputsHaveTheirFixedParameters() {
    Model q = ModelQuantizer.quantize(FloatModels.denseClassifier(42), CALIBRATION_4);
    assertThat(tensor(q, "probabilities").quantization())
        .isEqualTo(QuantizationParameters.perTensor(1f / 256, -128));
    Model branches = ModelQuantizer.quantize(FloatModels.branches(5), SIX_WIDE);
    assertThat(tensor(branches, "a/tanh").quantization())
        .isEqualTo(QuantizationParameters.perTensor(1f / 128, 0));
    assertThat(tensor(branches, "b/sigmoid").quantization())
        .isEqualTo(QuantizationParameters.perTensor(1f / 256, -128));
  }

  @Test
  void concatenationRequantizesFixedParameterInputsIntoItsOwn() {
    Model f = FloatModels.branches(5);
    Model q = ModelQuantizer.quantize(f, SIX_WIDE);
    // tanh (1/128, 0) and logistic (1/256, -128) cannot share one scale: each is requantized by
    // an int8 -> int8 QUANTIZE into the concatenation's parameters, which span both ranges.
    QuantizationParameters cat = tensor(q, "concat").quantization();
    assertThat(tensor(q, "a/tanh_requantized").quantization()).isEqualTo(cat);
    assertThat(tensor(q, "b/sigmoid_requantized").quantization()).isEqualTo(cat);
    assertThat(cat.scale()[0]).isBetween(1.9f / 255, 2.01f / 255); // about [-1, 1]
    SubGraph g = q.primarySubgraph();
    Operator concat =
        g.operators().stream()
            .filter(o -> q.opOf(o) == BuiltinOperator.CONCATENATION)
            .findFirst()
            .orElseThrow();
    assertThat(g.tensors().get(concat.inputs()[0]).name()).isEqualTo("a/tanh_requantized");
    assertThat(version(q, BuiltinOperator.QUANTIZE)).isEqualTo(1);
    QuantAssertions.assertWithinQuantSteps(f, q, SIX_WIDE, 4);
  }

  @Test
  void mobileNetStyleModelGetsPerChannelConvWeightsAndAgreesOnTop1() {
    Model f = FloatModels.mobileNetStyle(7, 16, 4);
    List<float[]> images = FloatModels.uniformSamples(8, 300, 256);
    Model q =
        ModelQuantizer.quantize(f, RepresentativeDataset.ofSingleInput(images.subList(0, 100)));
    Tensor conv = tensor(q, "conv1/filter");
    assertThat(conv.quantization().scale()).hasSize(4);
    assertThat(conv.quantization().quantizedDimension()).isZero();
    Tensor dw = tensor(q, "dw1/filter");
    assertThat(dw.quantization().scale()).hasSize(4);
    assertThat(dw.quantization().quantizedDimension()).isEqualTo(3);
    Tensor bias = tensor(q, "conv1/bias");
    assertThat(bias.quantization().scale()).hasSize(4);
    float in = tensor(q, "image").quantization().scale()[0];
    assertThat(bias.quantization().scale()[2]).isEqualTo(in * conv.quantization().scale()[2]);
    // Pooling and reshape keep their input's parameters, as TFLM requires.
    assertThat(tensor(q, "pool").quantization()).isEqualTo(tensor(q, "pw2").quantization());
    assertThat(tensor(q, "flatten").quantization()).isEqualTo(tensor(q, "pool").quantization());
    QuantAssertions.assertTop1Agreement(
        f, q, RepresentativeDataset.ofSingleInput(images.subList(100, 300)), 0.99);
  }

  @Test
  void opsGetTheLowestInt8VersionTheConverterWouldSet() {
    Model q = quantizedMobileNet(QuantizationOptions.defaults());
    assertThat(
            versions(
                q, CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, AVERAGE_POOL_2D, RESHAPE, SOFTMAX))
        .containsExactly(3, 3, 4, 2, 1, 2);
  }

  @Test
  void fullyConnectedIsPerChannelOnlyOnRequest() {
    Model q =
        ModelQuantizer.quantize(
            FloatModels.denseClassifier(42),
            CALIBRATION_4,
            QuantizationOptions.defaults().withPerChannelFullyConnected(true));
    Tensor w = tensor(q, "hidden/weights");
    assertThat(w.quantization().scale()).hasSize(16);
    assertThat(tensor(q, "hidden/bias").quantization().scale()).hasSize(16);
    QuantAssertions.assertTop1Agreement(FloatModels.denseClassifier(42), q, HELD_OUT_4, 0.99);
  }

  @Test
  void floatIoPutsQuantizeAndDequantizeAtTheEdges() {
    Model f = FloatModels.denseClassifier(42);
    Model q =
        ModelQuantizer.quantize(
            f,
            CALIBRATION_4,
            QuantizationOptions.defaults().withIoTypes(IoType.FLOAT32, IoType.FLOAT32));
    SubGraph g = q.primarySubgraph();
    assertThat(g.tensors().get(g.inputs()[0]).type()).isEqualTo(TensorType.FLOAT32);
    assertThat(g.tensors().get(g.outputs()[0]).type()).isEqualTo(TensorType.FLOAT32);
    List<Operator> ops = g.operators();
    assertThat(q.opOf(ops.get(0))).isEqualTo(BuiltinOperator.QUANTIZE);
    assertThat(q.opOf(ops.get(ops.size() - 1))).isEqualTo(BuiltinOperator.DEQUANTIZE);
    assertThat(version(q, BuiltinOperator.QUANTIZE)).isEqualTo(1);
    assertThat(version(q, BuiltinOperator.DEQUANTIZE)).isEqualTo(2);
    assertThat(tensor(q, "input_int8").type()).isEqualTo(TensorType.INT8);
    Interpreter it = PreparedModel.prepare(q).newInterpreter();
    it.input(0).setFloat(new float[] {0.1f, -0.5f, 0.9f, 0.3f});
    it.invoke();
    float[] p = it.output(0).floats();
    assertThat(p[0] + p[1] + p[2]).isBetween(0.98f, 1.02f);
    QuantAssertions.assertTop1Agreement(f, q, HELD_OUT_4, 0.99);
    // On the calibration data nothing clips: outputs stay within a few steps of 1/256.
    QuantAssertions.assertWithinQuantSteps(f, q, CALIBRATION_4, 8);
  }

  @Test
  void quantizingTwiceGivesEqualModelsWhateverTheThreadCount() {
    Model f = FloatModels.mobileNetStyle(7, 16, 4);
    RepresentativeDataset data =
        RepresentativeDataset.ofSingleInput(FloatModels.uniformSamples(8, 50, 256));
    Model a = ModelQuantizer.quantize(f, data, QuantizationOptions.defaults().withBatching(7, 1));
    Model b = ModelQuantizer.quantize(f, data, QuantizationOptions.defaults().withBatching(16, 3));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void theFloatModelIsLeftUntouched() {
    Model f = FloatModels.denseClassifier(42);
    Model copy = FloatModels.denseClassifier(42);
    ModelQuantizer.quantize(f, CALIBRATION_4);
    assertThat(f).isEqualTo(copy);
  }

  @Test
  void quantizationAwareRangesAreUsedAsTheyAre() {
    Model f = FloatModels.denseClassifier(42);
    carryRange(f, "hidden", 0f, 3f);
    Model q = ModelQuantizer.quantize(f, CALIBRATION_4);
    QuantParams expected = QuantMath.activationParams(0, 3);
    assertThat(tensor(q, "hidden").quantization())
        .isEqualTo(QuantizationParameters.perTensor(expected.scale(), expected.zeroPoint()));
  }

  @Test
  void aRangeCarriedByTheModelInputAloneIsIgnored() {
    // TOCO-era float models carry a default [0, 255] on their input only; it says nothing.
    Model f = FloatModels.denseClassifier(42);
    carryRange(f, "input", 0f, 255f);
    Model q = ModelQuantizer.quantize(f, CALIBRATION_4);
    assertThat(tensor(q, "input").quantization().scale()[0]).isLessThan(2.01f / 255);
  }

  @Test
  void biasCorrectionWeighsEachKernelTapByTheShareOfOutputsWhereItSeesData() {
    // 3 taps over 5 inputs, SAME, stride 1: one zero padded on each side, so the outer taps read
    // padding at one of the 5 outputs.
    assertThat(BiasCorrection.axisShares(5, 5, 3, 1, 1, dev.tinyml.tflite.Padding.SAME))
        .containsExactly(0.8, 1.0, 0.8);
    // Stride 2: outputs read inputs {-1, 1, 3}, {0, 2, 4} and {1, 3, 5} for taps 0, 1, 2.
    assertThat(BiasCorrection.axisShares(5, 3, 3, 2, 1, dev.tinyml.tflite.Padding.SAME))
        .containsExactly(2.0 / 3, 1.0, 2.0 / 3);
    // VALID never reads padding; dilation 2 SAME on 5 inputs pads 2 on each side.
    assertThat(BiasCorrection.axisShares(5, 3, 3, 1, 1, dev.tinyml.tflite.Padding.VALID))
        .containsExactly(1.0, 1.0, 1.0);
    assertThat(BiasCorrection.axisShares(5, 5, 3, 1, 2, dev.tinyml.tflite.Padding.SAME))
        .containsExactly(0.6, 1.0, 0.6);
  }

  @Test
  void biasCorrectionSubtractsTheExpectedWeightError() {
    // One dense unit, weights {1.0, 0.3}, bias 0.5, and an input that is always {2, 2}.
    Model f = oneDenseLayer(2, new float[] {1.0f, 0.3f}, new float[] {0.5f});
    RepresentativeDataset data =
        RepresentativeDataset.ofSingleInput(List.of(new float[] {2, 2}, new float[] {2, 2}));
    Model plain = ModelQuantizer.quantize(f, data);
    Model corrected =
        ModelQuantizer.quantize(f, data, QuantizationOptions.defaults().withBiasCorrection(true));
    // Weight scale 1/127: 0.3 -> round(38.1) = 38 -> 38/127; error (38/127 - 0.3) per unit input.
    float[] scales = tensor(plain, "b").quantization().scale();
    double delta = ((1f / 127f) * 38 - 0.3f) * 2;
    int expected = QuantMath.quantizeBias(new float[] {(float) (0.5f - delta)}, scales)[0];
    int actual = firstInt32(corrected, "b");
    assertThat(actual).isEqualTo(expected);
    assertThat(actual).isNotEqualTo(firstInt32(plain, "b"));
  }

  @Test
  void allZeroActivationStillQuantizesAndRuns() {
    Model f = oneDenseLayer(3, new float[6], new float[2]);
    RepresentativeDataset data =
        RepresentativeDataset.ofSingleInput(FloatModels.uniformSamples(1, 10, 3));
    Model q = ModelQuantizer.quantize(f, data);
    assertThat(tensor(q, "y").quantization().scale()[0]).isPositive();
    QuantAssertions.assertWithinQuantSteps(f, q, data, 1);
  }

  @Test
  void constantNonZeroActivationIsWidenedToHoldZero() {
    // y = 0 * x + 2.5: a constant activation. Its range [2.5, 2.5] becomes [0, 2.5].
    Model f = oneDenseLayer(2, new float[2], new float[] {2.5f});
    RepresentativeDataset data =
        RepresentativeDataset.ofSingleInput(FloatModels.uniformSamples(1, 10, 2));
    Model q = ModelQuantizer.quantize(f, data);
    assertThat(tensor(q, "y").quantization())
        .isEqualTo(QuantizationParameters.perTensor(2.5f / 255, -128));
    QuantAssertions.assertWithinQuantSteps(f, q, data, 1);
  }

  @Test
  void weightHistogramsCoverFloatAndInt8Models() {
    Model f = FloatModels.denseClassifier(42);
    Model q = ModelQuantizer.quantize(f, CALIBRATION_4);
    java.util.Map<String, Histogram> fh = WeightHistograms.of(f, 10);
    java.util.Map<String, Histogram> qh = WeightHistograms.of(q, 10);
    assertThat(fh.keySet()).containsExactly("hidden/weights", "logits/weights");
    assertThat(qh.get("hidden/weights").total()).isEqualTo(64);
    // Dequantized int8 weights span the float range to within half a step.
    double step = tensor(q, "hidden/weights").quantization().scale()[0];
    assertThat(qh.get("hidden/weights").max())
        .isCloseTo(fh.get("hidden/weights").max(), org.assertj.core.api.Assertions.within(step));
  }

  @Test
  void debugReportIsAlsoJson() {
    Model f = FloatModels.denseClassifier(42);
    Model q = ModelQuantizer.quantize(f, CALIBRATION_4);
    String json = QuantizationDebugger.compare(f, q, CALIBRATION_4).toJson();
    assertThat(json).contains("\"samples\" : 200").contains("\"name\" : \"hidden\"");
  }

  @Test
  void emptyDatasetIsRefusedWithAClearMessage() {
    assertThatThrownBy(
            () ->
                ModelQuantizer.quantize(
                    FloatModels.denseClassifier(1), RepresentativeDataset.of(List.of())))
        .isInstanceOf(QuantizationException.class)
        .hasMessageContaining("representative dataset is empty");
  }

  @Test
  void nanInTheDataIsRefusedNamingSampleAndInput() {
    List<float[]> samples = new ArrayList<>(FloatModels.uniformSamples(1, 5, 4));
    samples.set(3, new float[] {0, Float.NaN, 0, 0});
    assertThatThrownBy(
            () ->
                ModelQuantizer.quantize(
                    FloatModels.denseClassifier(1),
                    RepresentativeDataset.ofSingleInput(samples),
                    QuantizationOptions.defaults().withBatching(2, 2)))
        .isInstanceOf(QuantizationException.class)
        .hasMessageContaining("sample 3, input 0 ('input') has NaN at index 1");
  }

  @Test
  void wrongSampleShapeIsRefused() {
    assertThatThrownBy(
            () ->
                ModelQuantizer.quantize(
                    FloatModels.denseClassifier(1),
                    RepresentativeDataset.ofSingleInput(List.<float[]>of(new float[3]))))
        .hasMessageContaining("has 3 values but the tensor holds 4");
  }

  @Test
  void nanWeightIsRefusedNamingTheTensor() {
    Model f = FloatModels.denseClassifier(1);
    Tensor w = tensor(f, "logits/weights");
    byte[] d = f.dataOf(w);
    ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).putFloat(8, Float.NaN);
    assertThatThrownBy(() -> ModelQuantizer.quantize(f, CALIBRATION_4))
        .isInstanceOf(QuantizationException.class)
        .hasMessageContaining("'logits/weights' holds NaN at index 2");
  }

  @Test
  void alreadyQuantizedModelIsRefused() {
    Model q = ModelQuantizer.quantize(FloatModels.denseClassifier(1), CALIBRATION_4);
    assertThatThrownBy(() -> ModelQuantizer.quantize(q, CALIBRATION_4))
        .isInstanceOf(QuantizationException.class)
        .hasMessageContaining("already INT8")
        .hasMessageContaining("Quantize the float32 model");
  }

  @Test
  void weightsWithoutAScaleAreRefused() {
    Model f = FloatModels.denseClassifier(1);
    Tensor w = tensor(f, "hidden/weights");
    w.setType(TensorType.INT16);
    assertThatThrownBy(() -> ModelQuantizer.quantize(f, CALIBRATION_4))
        .hasMessageContaining("'hidden/weights' of op #0 (FULLY_CONNECTED) are INT16");
  }

  @Test
  void unsupportedOpIsRefusedNamingIt() {
    Model f = FloatModels.denseClassifier(1);
    f.operatorCodes().get(1).setBuiltinCodeValue(BuiltinOperator.EXP.code());
    assertThatThrownBy(() -> ModelQuantizer.quantize(f, CALIBRATION_4))
        .hasMessageContaining("op #2 (EXP) cannot be quantized");
  }

  @Test
  void calibrationMethodsCanDifferPerTensor() {
    Model f = FloatModels.denseClassifier(42);
    Model minMax = ModelQuantizer.quantize(f, HELD_OUT_4);
    Model clipped =
        ModelQuantizer.quantize(
            f,
            HELD_OUT_4,
            QuantizationOptions.defaults()
                .withCalibration(
                    CalibrationPlan.of(CalibrationMethod.minMax())
                        .withTensor("hidden", CalibrationMethod.percentile(90))));
    assertThat(tensor(clipped, "hidden").quantization().scale()[0])
        .isLessThan(tensor(minMax, "hidden").quantization().scale()[0]);
    assertThat(tensor(clipped, "logits").quantization())
        .isEqualTo(tensor(minMax, "logits").quantization());
  }

  @Test
  void debuggerNamesTheWorstTensorsBySqnr() {
    Model f = FloatModels.denseClassifier(42);
    Model q = ModelQuantizer.quantize(f, CALIBRATION_4);
    DebugReport report = QuantizationDebugger.compare(f, q, HELD_OUT_4);
    assertThat(report.samples()).isEqualTo(1000);
    assertThat(report.tensors())
        .extracting(TensorError::name)
        .containsExactlyInAnyOrder("input", "hidden", "logits", "probabilities");
    for (int i = 1; i < report.tensors().size(); i++) {
      assertThat(report.tensors().get(i).stats().sqnrDb())
          .isGreaterThanOrEqualTo(report.tensors().get(i - 1).stats().sqnrDb());
    }
    // Quantization keeps every tensor well above 20 dB on this model; the input loses least.
    assertThat(report.worst(1).get(0).stats().sqnrDb()).isGreaterThan(20);
    assertThat(report.toString()).contains("worst tensors first").contains("hidden");
  }

  @Test
  void assertionsFailWithTheNumbers() {
    Model f = FloatModels.denseClassifier(42);
    Model other = ModelQuantizer.quantize(FloatModels.denseClassifier(43), CALIBRATION_4);
    assertThatThrownBy(() -> QuantAssertions.assertTop1Agreement(f, other, HELD_OUT_4, 0.99))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("of 1000 samples, expected at least 99.00%");
    assertThatThrownBy(() -> QuantAssertions.assertWithinQuantSteps(f, other, HELD_OUT_4, 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("quantization steps from the float model's");
  }
}
