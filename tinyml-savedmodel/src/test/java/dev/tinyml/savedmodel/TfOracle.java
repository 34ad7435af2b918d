package dev.tinyml.savedmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Test oracle: builds a graph with TensorFlow Java (native runtime, test scope only), exports it as
 * a SavedModel and records what TensorFlow computes for random inputs.
 */
final class TfOracle {
  /** One random input set and TensorFlow's outputs, both keyed by signature name. */
  record Case(Map<String, float[]> inputs, Map<String, float[]> outputs) {}

  /** An exported SavedModel and TensorFlow's results for it. */
  record Exported(Path dir, List<Case> cases) {}

  /** What a model-building function returns: the signature and the placeholders' shapes. */
  record Built(
      Signature signature, Map<String, Placeholder<TFloat32>> inputs, Map<String, int[]> shapes) {}

  private TfOracle() {}

  /**
   * @param dir where to write the SavedModel
   * @param seed seeds weights and inputs
   * @param cases how many random input sets to run
   * @param build builds the graph; gets the ops and a random source for weights
   */
  static Exported export(Path dir, long seed, int cases, BiFunction<Ops, Random, Built> build)
      throws Exception {
    Random rnd = new Random(seed);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Built b = build.apply(tf, rnd);
      List<Case> results = new ArrayList<>();
      try (Session s = new Session(g)) {
        s.initialize();
        SavedModelBundle.exporter(dir.toString())
            .withFunction(SessionFunction.create(b.signature(), s))
            .export();
        for (int c = 0; c < cases; c++) {
          Map<String, float[]> in = new LinkedHashMap<>();
          Session.Runner runner = s.runner();
          List<TFloat32> fed = new ArrayList<>();
          for (Map.Entry<String, Placeholder<TFloat32>> e : b.inputs().entrySet()) {
            int[] shape = b.shapes().get(e.getKey());
            float[] v = random(rnd, count(shape), 1f);
            in.put(e.getKey(), v);
            TFloat32 t = TFloat32.tensorOf(Shape.of(longs(shape)), DataBuffers.of(v));
            fed.add(t);
            runner.feed(e.getValue(), t);
          }
          List<String> outNames = new ArrayList<>(b.signature().outputNames());
          java.util.Collections.sort(outNames);
          for (String name : outNames) {
            runner.fetch(b.signature().getOutputs().get(name).name);
          }
          Map<String, float[]> out = new LinkedHashMap<>();
          try (Result r = runner.run()) {
            for (int i = 0; i < outNames.size(); i++) {
              TFloat32 t = (TFloat32) r.get(i);
              float[] v = new float[(int) t.shape().size()];
              t.copyTo(DataBuffers.of(v, false, false));
              out.put(outNames.get(i), v);
            }
          }
          fed.forEach(TFloat32::close);
          results.add(new Case(in, out));
        }
      }
      return new Exported(dir, results);
    }
  }

  /** One layer (or a few ops) applied to the input {@code x}. */
  @FunctionalInterface
  interface Layer {
    Operand<TFloat32> apply(Ops tf, Random rnd, Operand<TFloat32> x);
  }

  /** Exports a model of one input {@code x} (batch dimension unknown) and one output {@code y}. */
  static Exported exportLayer(Path dir, long seed, int[] inputShape, Layer layer) throws Exception {
    return export(
        dir,
        seed,
        3,
        (tf, rnd) -> {
          Placeholder<TFloat32> x = input(tf, "x", inputShape);
          Operand<TFloat32> y = layer.apply(tf, rnd, x);
          return built(
              Signature.builder().input("x", x).output("y", y).build(), x, "x", inputShape);
        });
  }

  /** {@code tf.shape(x)[0]}: the batch size as Keras reads it at run time. */
  static Operand<TInt32> dynamicBatch(Ops tf, Operand<TFloat32> x) {
    return tf.stridedSlice(
        tf.shape(x),
        tf.constant(new int[] {0}),
        tf.constant(new int[] {1}),
        tf.constant(new int[] {1}),
        StridedSlice.shrinkAxisMask(1L));
  }

  /** A one-input model's signature, its placeholder and the shape fed to it. */
  static Built built(Signature sig, Placeholder<TFloat32> x, String name, int... shape) {
    return new Built(sig, Map.of(name, x), Map.of(name, shape));
  }

  static Variable<TFloat32> weights(
      Ops tf, Random rnd, String scope, String name, float range, int... shape) {
    float[] v = random(rnd, count(shape), range);
    return tf.withSubScope(scope)
        .withName(name)
        .variable(tf.constant(Shape.of(longs(shape)), DataBuffers.of(v)));
  }

  static Operand<TFloat32> constant(Ops tf, Random rnd, float base, float range, int... shape) {
    float[] v = random(rnd, count(shape), range);
    for (int i = 0; i < v.length; i++) {
      v[i] += base;
    }
    return tf.constant(Shape.of(longs(shape)), DataBuffers.of(v));
  }

  static Placeholder<TFloat32> input(Ops tf, String name, int... shape) {
    long[] s = longs(shape);
    s[0] = -1;
    return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.of(s)));
  }

  static float[] random(Random rnd, int n, float range) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (rnd.nextFloat() * 2 - 1) * range;
    }
    return v;
  }

  static int count(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  static long[] longs(int[] shape) {
    long[] s = new long[shape.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = shape[i];
    }
    return s;
  }
}
