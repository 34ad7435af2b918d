package dev.tinyml.ops;

import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.ArgMaxOptions;
import dev.tinyml.tflite.BatchMatMulOptions;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.GatherOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.ReducerOptions;
import dev.tinyml.tflite.SplitOptions;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.UnpackOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small float models of the breadth ops, built in code, and random inputs for them. */
public final class BreadthModels {

  private BreadthModels() {}

  private static int constInts(Model m, SubGraph g, int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    int buffer = m.addBuffer(new Buffer(b.array()));
    return g.addTensor(
        new Tensor("c" + g.tensors().size(), TensorType.INT32, values.length).setBuffer(buffer));
  }

  private static int constFloats(Model m, SubGraph g, float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    int buffer = m.addBuffer(new Buffer(b.array()));
    return g.addTensor(
        new Tensor("c" + g.tensors().size(), TensorType.FLOAT32, values.length).setBuffer(buffer));
  }

  private static void op(
      Model m, SubGraph g, BuiltinOperator b, BuiltinOptions o, int[] in, int... out) {
    int code = m.addOperatorCode(new OperatorCode(b, 1));
    g.operators().add(new Operator(code, in, out, o));
  }

  /**
   * SPLIT into two halves, PRELU of one, GREATER against the other, SELECT_V2 by that, GATHER of
   * two rows, UNPACK of them and ADD: multi-output ops, a bool condition and a constant slope.
   */
  public static Model splitSelectGatherModel() {
    Model m = new Model();
    m.buffers().add(new Buffer());
    SubGraph g = new SubGraph();
    int x = g.addTensor(new Tensor("x", TensorType.FLOAT32, 1, 4, 6));
    int a = g.addTensor(new Tensor("a", TensorType.FLOAT32, 1, 4, 3));
    int b = g.addTensor(new Tensor("b", TensorType.FLOAT32, 1, 4, 3));
    int p = g.addTensor(new Tensor("prelu", TensorType.FLOAT32, 1, 4, 3));
    int c = g.addTensor(new Tensor("greater", TensorType.BOOL, 1, 4, 3));
    int s = g.addTensor(new Tensor("select", TensorType.FLOAT32, 1, 4, 3));
    int r = g.addTensor(new Tensor("gathered", TensorType.FLOAT32, 1, 2, 3));
    int u0 = g.addTensor(new Tensor("row0", TensorType.FLOAT32, 1, 3));
    int u1 = g.addTensor(new Tensor("row1", TensorType.FLOAT32, 1, 3));
    int y = g.addTensor(new Tensor("y", TensorType.FLOAT32, 1, 3));
    op(m, g, BuiltinOperator.SPLIT, new SplitOptions(2), new int[] {constInts(m, g, 2), x}, a, b);
    op(m, g, BuiltinOperator.PRELU, null, new int[] {a, constFloats(m, g, 0.25f, 0.5f, -0.3f)}, p);
    op(m, g, BuiltinOperator.GREATER, null, new int[] {p, b}, c);
    op(m, g, BuiltinOperator.SELECT_V2, null, new int[] {c, p, b}, s);
    op(
        m,
        g,
        BuiltinOperator.GATHER,
        new GatherOptions(1, 0),
        new int[] {s, constInts(m, g, 3, 0)},
        r);
    op(m, g, BuiltinOperator.UNPACK, new UnpackOptions(2, 1), new int[] {r}, u0, u1);
    op(
        m,
        g,
        BuiltinOperator.ADD,
        new AddOptions(ActivationFunctionType.NONE, false),
        new int[] {u0, u1},
        y);
    g.setInputs(x);
    g.setOutputs(y);
    m.subgraphs().add(g);
    return m;
  }

  /**
   * BATCH_MATMUL of the [1, 4, 6] input by a constant [1, 6, 2], then ARG_MAX over the last axis:
   * outputs the product and the int32 index.
   */
  public static Model batchMatMulArgMaxModel() {
    Model m = new Model();
    m.buffers().add(new Buffer());
    SubGraph g = new SubGraph();
    int x = g.addTensor(new Tensor("x", TensorType.FLOAT32, 1, 4, 6));
    int w =
        constFloats(m, g, 0.5f, -1f, 0.25f, 0.75f, -0.5f, 0.1f, 1f, 0.2f, -0.3f, 0.6f, 0.9f, -0.8f);
    g.tensors().get(w).setShape(new int[] {1, 6, 2});
    int y = g.addTensor(new Tensor("product", TensorType.FLOAT32, 1, 4, 2));
    int i = g.addTensor(new Tensor("index", TensorType.INT32, 1, 4));
    op(
        m,
        g,
        BuiltinOperator.BATCH_MATMUL,
        new BatchMatMulOptions(false, false, false),
        new int[] {x, w},
        y);
    op(
        m,
        g,
        BuiltinOperator.ARG_MAX,
        new ArgMaxOptions(TensorType.INT32),
        new int[] {y, constInts(m, g, 2)},
        i);
    g.setInputs(x);
    g.setOutputs(y, i);
    m.subgraphs().add(g);
    return m;
  }

  /** TRANSPOSE, HARD_SWISH, REDUCE_MAX and L2_NORMALIZATION of a [1, 4, 3, 2] input. */
  public static Model transposeReduceModel() {
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

  /** {@code count} random 24-value inputs (both models take 24 values). */
  public static RepresentativeDataset samples(long seed, int count) {
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
}
