package dev.tinyml.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Pool2DOptions;
import dev.tinyml.tflite.SoftmaxOptions;
import dev.tinyml.tflite.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Int16x8 models with a pool run in the interpreter and classify as their float model does. */
class Int16x8PoolingTest {

  private static final QuantizationOptions INT16X8 =
      QuantizationOptions.defaults().withScheme(QuantizationScheme.INT16X8);

  /** [1, 8, 8, 1] → conv 3x3 stride 2 to 4 channels → max pool 2x2 → dense 3 → softmax. */
  private static Model convMaxPoolClassifier(long seed) {
    FloatModels m = new FloatModels(seed);
    int x = m.tensor("image", 1, 8, 8, 1);
    int c = m.conv("conv", x, new int[] {1, 8, 8, 1}, 4, 3, 2);
    int pooled = m.tensor("pool", 1, 2, 2, 4);
    m.op(
        BuiltinOperator.MAX_POOL_2D,
        new Pool2DOptions(Padding.VALID, 2, 2, 2, 2, ActivationFunctionType.NONE),
        new int[] {c},
        pooled);
    int logits = m.dense("logits", pooled, 16, 3, ActivationFunctionType.NONE);
    int p = m.tensor("probabilities", 1, 3);
    m.op(BuiltinOperator.SOFTMAX, new SoftmaxOptions(1f), new int[] {logits}, p);
    return m.finish(new int[] {x}, new int[] {p});
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best;
  }

  /** How many samples the quantized model gives the float model's top-1 class. */
  private static int top1Agreements(Model f, Model q, List<float[]> samples) {
    ModelRunner floatRunner = new ModelRunner(f, "the float model");
    ModelRunner quantizedRunner = new ModelRunner(q, "the int16x8 model");
    int agree = 0;
    for (float[] x : samples) {
      float[] expected = floatRunner.run(new float[][] {x}, 0)[0];
      float[] actual = quantizedRunner.run(new float[][] {x}, 0)[0];
      agree += argmax(expected) == argmax(actual) ? 1 : 0;
    }
    return agree;
  }

  @Test
  void aConvMaxPoolDenseSoftmaxModelAgreesWithFloatOnTop1() {
    Model f = convMaxPoolClassifier(3);
    Model q =
        ModelQuantizer.quantize(
            f, RepresentativeDataset.ofSingleInput(FloatModels.uniformSamples(4, 20, 64)), INT16X8);
    assertThat(
            q.primarySubgraph().tensors().stream()
                .filter(t -> "pool".equals(t.name()))
                .findFirst()
                .orElseThrow()
                .type())
        .isEqualTo(TensorType.INT16);
    List<float[]> samples = FloatModels.uniformSamples(5, 20, 64);
    assertThat(top1Agreements(f, q, samples)).isEqualTo(samples.size());
  }

  @Test
  void aModelWithAGlobalAveragePoolAgreesWithFloatOnTop1() {
    Model f = FloatModels.mobileNetStyle(7, 16, 4);
    Model q =
        ModelQuantizer.quantize(
            f,
            RepresentativeDataset.ofSingleInput(FloatModels.uniformSamples(8, 20, 256)),
            INT16X8);
    List<float[]> samples = FloatModels.uniformSamples(9, 20, 256);
    assertThat(top1Agreements(f, q, samples)).isEqualTo(samples.size());
  }
}
