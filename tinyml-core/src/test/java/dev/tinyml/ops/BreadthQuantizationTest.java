package dev.tinyml.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.quant.ModelQuantizer;
import dev.tinyml.quant.QuantAssertions;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.ReducerOptions;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A float model of new ops (TRANSPOSE, HARD_SWISH, REDUCE_MAX, L2_NORMALIZATION) quantizes to int8
 * with each op's rule and int8 version, and stays within a few output steps of the float model.
 */
class BreadthQuantizationTest {

  private static int constInts(Model m, SubGraph g, int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    int buffer = m.addBuffer(new Buffer(b.array()));
    return g.addTensor(
        new Tensor("c" + g.tensors().size(), TensorType.INT32, values.length).setBuffer(buffer));
  }

  private static void op(
      Model m, SubGraph g, BuiltinOperator b, BuiltinOptions o, int[] in, int out) {
    int code = m.addOperatorCode(new OperatorCode(b, 1));
    g.operators().add(new Operator(code, in, new int[] {out}, o));
  }

  static Model floatModel() {
    Model m = new Model();
    m.buffers().add(new Buffer());
    SubGraph g = new SubGraph();
    int x = g.addTensor(new Tensor("x", TensorType.FLOAT32, 1, 4, 3, 2));
    int t = g.addTensor(new Tensor("transposed", TensorType.FLOAT32, 1, 3, 4, 2));
    int h = g.addTensor(new Tensor("hard_swish", TensorType.FLOAT32, 1, 3, 4, 2));
    int r = g.addTensor(new Tensor("reduce_max", TensorType.FLOAT32, 1, 3, 2));
    int n = g.addTensor(new Tensor("l2", TensorType.FLOAT32, 1, 3, 2));
    op(m, g, BuiltinOperator.TRANSPOSE, null, new int[] {x, constInts(m, g, 0, 2, 1, 3)}, t);
    op(m, g, BuiltinOperator.HARD_SWISH, null, new int[] {t}, h);
    op(
        m,
        g,
        BuiltinOperator.REDUCE_MAX,
        new ReducerOptions(false),
        new int[] {h, constInts(m, g, 2)},
        r);
    op(m, g, BuiltinOperator.L2_NORMALIZATION, null, new int[] {r}, n);
    g.setInputs(x);
    g.setOutputs(n);
    m.subgraphs().add(g);
    return m;
  }

  static RepresentativeDataset samples(long seed, int count) {
    Random rnd = new Random(seed);
    List<float[]> s = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[] v = new float[24];
      for (int k = 0; k < v.length; k++) {
        v[k] = (float) (rnd.nextGaussian() * 2.5);
      }
      s.add(v);
    }
    List<float[][]> wrapped = new ArrayList<>();
    for (float[] a : s) {
      wrapped.add(new float[][] {a});
    }
    return RepresentativeDataset.of(wrapped);
  }

  @Test
  void quantizesWithEachOpsRuleAndVersionAndFollowsTheFloatModel() {
    Model f = floatModel();
    Model q = ModelQuantizer.quantize(f, samples(1, 64));
    SubGraph g = q.subgraphs().get(0);
    Tensor transposed = g.tensors().get(1);
    Tensor x = g.tensors().get(0);
    Tensor reduced = g.tensors().get(3);
    Tensor hardSwish = g.tensors().get(2);
    Tensor l2 = g.tensors().get(4);
    assertThat(transposed.type()).isEqualTo(TensorType.INT8);
    assertThat(transposed.quantization().scale()).containsExactly(x.quantization().scale());
    assertThat(reduced.quantization().scale()).containsExactly(hardSwish.quantization().scale());
    assertThat(l2.quantization().scale()).containsExactly(1f / 128f);
    assertThat(l2.quantization().zeroPoint()).containsExactly(0L);
    for (OperatorCode c : q.operatorCodes()) {
      if (c.builtinCode() == BuiltinOperator.TRANSPOSE
          || c.builtinCode() == BuiltinOperator.L2_NORMALIZATION) {
        assertThat(c.version()).as("%s", c.builtinCode()).isEqualTo(2);
      }
    }
    // Four requantizations feed an L2 norm over two values, which magnifies the input error when
    // the pair is small: a few output steps (of 1/128) is the expected agreement.
    QuantAssertions.assertWithinQuantSteps(f, q, samples(2, 16), 5);
  }
}
