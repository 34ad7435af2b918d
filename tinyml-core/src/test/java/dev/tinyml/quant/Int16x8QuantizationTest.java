package dev.tinyml.quant;

import static dev.tinyml.quant.QuantFixtures.quantizedMobileNet;
import static dev.tinyml.quant.QuantFixtures.tensor;
import static dev.tinyml.quant.QuantFixtures.version;
import static dev.tinyml.quant.QuantFixtures.versions;
import static dev.tinyml.tflite.BuiltinOperator.ADD;
import static dev.tinyml.tflite.BuiltinOperator.CONV_2D;
import static dev.tinyml.tflite.BuiltinOperator.DEPTHWISE_CONV_2D;
import static dev.tinyml.tflite.BuiltinOperator.FULLY_CONNECTED;
import static dev.tinyml.tflite.BuiltinOperator.LOGISTIC;
import static dev.tinyml.tflite.BuiltinOperator.MUL;
import static dev.tinyml.tflite.BuiltinOperator.RESHAPE;
import static dev.tinyml.tflite.BuiltinOperator.SOFTMAX;
import static dev.tinyml.tflite.BuiltinOperator.TANH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.MulOptions;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.ReshapeOptions;
import dev.tinyml.tflite.SoftmaxOptions;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The int16x8 scheme: int16 activations, int8 weights, int64 biases, as TFLite's 16x8 mode. */
class Int16x8QuantizationTest {

  private static final QuantizationOptions INT16X8 =
      QuantizationOptions.defaults().withScheme(QuantizationScheme.INT16X8);

  /** Two samples; input 0 spans [-0.5, 1] and input 1 spans [-3, 2]. */
  private static final RepresentativeDataset TWO_SAMPLES =
      RepresentativeDataset.ofSingleInput(List.of(new float[] {1f, -3f}, new float[] {-0.5f, 2f}));

  private static final float[] WEIGHTS = {0.5f, -1f, 2f, 0.25f};
  private static final float[] BIAS = {0.1f, -0.2f};
  private static final float[] ADDEND = {0.3f, -0.6f};

  /**
   * x[1,2] → dense (WEIGHTS, BIAS) → "dense" → add ADDEND → "sum" → mul by itself → "square" →
   * logistic → tanh → reshape → softmax.
   */
  private static Model chain() {
    FloatModels m = new FloatModels(0);
    int x = m.tensor("input", 1, 2);
    int w = m.constant("dense/weights", WEIGHTS, 2, 2);
    int b = m.constant("dense/bias", BIAS, 2);
    int y = m.tensor("dense", 1, 2);
    m.fullyConnected(ActivationFunctionType.NONE, x, w, b, y);
    int c = m.constant("addend", ADDEND, 1, 2);
    int z = m.tensor("sum", 1, 2);
    m.op(
        BuiltinOperator.ADD,
        new AddOptions(ActivationFunctionType.NONE, true),
        new int[] {y, c},
        z);
    int sq = m.tensor("square", 1, 2);
    m.op(BuiltinOperator.MUL, new MulOptions(ActivationFunctionType.NONE), new int[] {z, z}, sq);
    int s = m.tensor("sigmoid", 1, 2);
    m.op(BuiltinOperator.LOGISTIC, null, new int[] {sq}, s);
    int t = m.tensor("tanh", 1, 2);
    m.op(BuiltinOperator.TANH, null, new int[] {s}, t);
    int shape = m.intConstant("reshape/shape", new int[] {1, 2}, 2);
    int r = m.tensor("reshaped", 1, 2);
    m.op(BuiltinOperator.RESHAPE, new ReshapeOptions(List.of(1, 2)), new int[] {t, shape}, r);
    int p = m.tensor("probabilities", 1, 2);
    m.op(BuiltinOperator.SOFTMAX, new SoftmaxOptions(1f), new int[] {r}, p);
    return m.finish(new int[] {x}, new int[] {p});
  }

  private static Model quantizedChain() {
    return ModelQuantizer.quantize(chain(), TWO_SAMPLES, INT16X8);
  }

  private static Operator firstOp(Model m, BuiltinOperator op) {
    return m.primarySubgraph().operators().stream()
        .filter(o -> m.opOf(o) == op)
        .findFirst()
        .orElseThrow();
  }

  /**
   * The dense layer's float outputs for the two samples, summed in the reference kernel's order.
   */
  private static float[][] denseOutputs() {
    float[][] x = {{1f, -3f}, {-0.5f, 2f}};
    float[][] y = new float[2][2];
    for (int s = 0; s < 2; s++) {
      for (int o = 0; o < 2; o++) {
        float acc = 0;
        for (int i = 0; i < 2; i++) {
          acc += x[s][i] * WEIGHTS[o * 2 + i];
        }
        y[s][o] = acc + BIAS[o];
      }
    }
    return y;
  }

  @Test
  void activationsAreInt16WithZeroPointZero() {
    Model q = quantizedChain();
    for (String name : List.of("input", "dense", "sum", "square", "reshaped")) {
      Tensor t = tensor(q, name);
      assertThat(t.type()).as(name).isEqualTo(TensorType.INT16);
      assertThat(t.quantization().zeroPoint()).as(name).containsExactly(0);
    }
  }

  @Test
  void inputScaleIsTheLargestMagnitudeOver32767() {
    Tensor input = tensor(quantizedChain(), "input");
    assertThat(input.quantization().scale()).containsExactly(3f / 32767);
  }

  @Test
  void activationScaleComesFromTheCalibratedRangeOfTheFloatModel() {
    float absMax = 0;
    for (float[] sample : denseOutputs()) {
      for (float v : sample) {
        absMax = Math.max(absMax, Math.abs(v));
      }
    }
    assertThat(tensor(quantizedChain(), "dense").quantization().scale())
        .containsExactly(absMax / 32767);
  }

  @Test
  void int16ParamsOfAOneSidedRangeStillHoldZeroAndAreSymmetric() {
    QuantParams p = QuantMath.int16ActivationParams(0.5, 4.0);
    assertThat(p.scale()).isEqualTo(4f / 32767);
    assertThat(p.zeroPoint()).isZero();
    assertThat(QuantMath.int16ActivationParams(-2.0, -1.0).scale()).isEqualTo(2f / 32767);
  }

  @Test
  void weightsStayInt8SymmetricPerTensorForDenseLayers() {
    Tensor w = tensor(quantizedChain(), "dense/weights");
    assertThat(w.type()).isEqualTo(TensorType.INT8);
    assertThat(w.quantization().scale()).containsExactly(QuantMath.symmetricScale(2.0));
    assertThat(w.quantization().zeroPoint()).containsExactly(0);
  }

  @Test
  void biasIsInt64WithTheScaleOfInputTimesWeights() {
    Model q = quantizedChain();
    Tensor b = tensor(q, "dense/bias");
    float scale = (3f / 32767) * QuantMath.symmetricScale(2.0);
    assertThat(b.type()).isEqualTo(TensorType.INT64);
    assertThat(b.quantization().scale()).containsExactly(scale);
    assertThat(b.quantization().zeroPoint()).containsExactly(0);
    long[] values = new long[2];
    ByteBuffer.wrap(q.dataOf(b)).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
    float inverse = (float) (1.0 / scale);
    assertThat(values).containsExactly(Math.round(0.1f * inverse), -Math.round(0.2f * inverse));
  }

  @Test
  void convolutionWeightsArePerChannelInt8AndBiasesInt64() {
    Model q = quantizedMobileNet(INT16X8);
    Tensor filter = tensor(q, "conv1/filter");
    assertThat(filter.type()).isEqualTo(TensorType.INT8);
    assertThat(filter.quantization().scale()).hasSize(4);
    Tensor bias = tensor(q, "dw1/bias");
    assertThat(bias.type()).isEqualTo(TensorType.INT64);
    float inputScale = tensor(q, "conv1").quantization().scale()[0];
    float[] weightScales = tensor(q, "dw1/filter").quantization().scale();
    for (int c = 0; c < weightScales.length; c++) {
      assertThat(bias.quantization().scale()[c]).isEqualTo(inputScale * weightScales[c]);
    }
  }

  @Test
  void aConstantOperandIsInt16WithItsOwnSymmetricScale() {
    Model q = quantizedChain();
    Tensor c = tensor(q, "addend");
    float scale = 0.6f / 32767;
    assertThat(c.type()).isEqualTo(TensorType.INT16);
    assertThat(c.quantization()).isEqualTo(QuantizationParameters.perTensor(scale, 0));
    short[] values = new short[2];
    ByteBuffer.wrap(q.dataOf(c)).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(values);
    assertThat(values).containsExactly((short) Math.round(0.3f / scale), (short) -32767);
  }

  @Test
  void softmaxLogisticAndTanhOutputsAreInSteps2ToTheMinus15() {
    Model q = quantizedChain();
    QuantizationParameters fixed = QuantizationParameters.perTensor(1f / 32768, 0);
    assertThat(tensor(q, "sigmoid").quantization()).isEqualTo(fixed);
    assertThat(tensor(q, "tanh").quantization()).isEqualTo(fixed);
    assertThat(tensor(q, "probabilities").quantization()).isEqualTo(fixed);
  }

  @Test
  void reshapeSharesItsInputsParameters() {
    Model q = quantizedChain();
    assertThat(tensor(q, "reshaped").quantization()).isEqualTo(tensor(q, "tanh").quantization());
  }

  @Test
  void addUsesTheGeneralInt16KernelNotThePowerOfTwoOne() {
    Operator add = firstOp(quantizedChain(), BuiltinOperator.ADD);
    assertThat(((AddOptions) add.options()).potScaleInt16()).isFalse();
  }

  @Test
  void elementwiseOpsGetTheirInt16Versions() {
    Model q = quantizedChain();
    assertThat(versions(q, ADD, MUL, LOGISTIC, TANH, SOFTMAX, RESHAPE))
        .containsExactly(3, 4, 3, 3, 3, 1);
  }

  @Test
  void weightedOpsGetTheVersionsOpVersionCcGivesTheir16x8Form() {
    // op_version.cc's int16 branches ask for int16 filters, so int8 filters fall through to 1.
    Model q = quantizedMobileNet(INT16X8);
    assertThat(versions(q, CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED)).containsExactly(1, 1, 1);
  }

  @Test
  void poolsGetTheirInt16Version() {
    Model q = quantizedMobileNet(INT16X8);
    assertThat(version(q, BuiltinOperator.AVERAGE_POOL_2D)).isEqualTo(3);
  }

  @Test
  void theQuantizedChainRunsAndFollowsTheFloatModel() {
    Model f = chain();
    Model q = ModelQuantizer.quantize(f, TWO_SAMPLES, INT16X8);
    for (float[] x : List.of(new float[] {1f, -3f}, new float[] {0.25f, 0.5f})) {
      float[] expected = new ModelRunner(f, "the float model").run(new float[][] {x}, 0)[0];
      float[] actual = new ModelRunner(q, "the int16x8 model").run(new float[][] {x}, 0)[0];
      assertThat(actual[0]).isCloseTo(expected[0], within(1e-3f));
      assertThat(actual[1]).isCloseTo(expected[1], within(1e-3f));
    }
  }

  @Test
  void floatIoPutsInt16QuantizeAndDequantizeAtTheEdges() {
    Model q =
        ModelQuantizer.quantize(
            chain(), TWO_SAMPLES, INT16X8.withIoTypes(IoType.FLOAT32, IoType.FLOAT32));
    SubGraph g = q.primarySubgraph();
    assertThat(g.tensors().get(g.inputs()[0]).type()).isEqualTo(TensorType.FLOAT32);
    assertThat(g.tensors().get(g.outputs()[0]).type()).isEqualTo(TensorType.FLOAT32);
    assertThat(tensor(q, "input_int16").type()).isEqualTo(TensorType.INT16);
    assertThat(tensor(q, "probabilities_int16").type()).isEqualTo(TensorType.INT16);
    assertThat(version(q, BuiltinOperator.QUANTIZE)).isEqualTo(2);
    assertThat(version(q, BuiltinOperator.DEQUANTIZE)).isEqualTo(3);
  }

  @Test
  void opsWithoutA16x8KernelAreRefusedAllNamedInOneMessage() {
    Model f = FloatModels.branches(5);
    assertThatThrownBy(
            () ->
                ModelQuantizer.quantize(
                    f,
                    RepresentativeDataset.ofSingleInput(FloatModels.uniformSamples(3, 10, 6)),
                    INT16X8))
        .isInstanceOf(QuantizationException.class)
        .hasMessageStartingWith("op #4 (CONCATENATION) has no 16x8 kernel in TFLite Micro")
        .hasMessageContaining("cannot be quantized to int16x8")
        .hasMessageContaining("Quantize to int8 instead");
  }

  @Test
  void everyRefusedOpIsListed() {
    Model f = chain();
    f.operatorCodes().get(1).setBuiltinCodeValue(BuiltinOperator.SUB.code());
    f.operatorCodes().get(3).setBuiltinCodeValue(BuiltinOperator.RELU.code());
    assertThatThrownBy(() -> ModelQuantizer.quantize(f, TWO_SAMPLES, INT16X8))
        .hasMessageStartingWith("op #1 (SUB), op #3 (RELU) have no 16x8 kernel");
  }

  @Test
  void theSameModelStillQuantizesToInt8ByDefault() {
    Model q = ModelQuantizer.quantize(chain(), TWO_SAMPLES);
    assertThat(tensor(q, "dense").type()).isEqualTo(TensorType.INT8);
    assertThat(tensor(q, "dense/bias").type()).isEqualTo(TensorType.INT32);
    assertThat(((AddOptions) firstOp(q, BuiltinOperator.ADD).options()).potScaleInt16()).isTrue();
  }
}
