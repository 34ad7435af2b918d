package dev.tinyml.examples.support;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Trains a {@link Network} with TensorFlow Java's Adam optimizer in a graph session.
 *
 * <p>The initial weights and the shuffling come from seeded {@link Random}s, the session uses one
 * thread for intra- and inter-op work, and the update waits for every gradient. That makes most
 * runs repeat bit for bit, but not all: TensorFlow Java 1.1.0 still lets two runs of one seed
 * differ in the last bits now and then (measured in docs/examples.md), which Adam's first steps can
 * amplify.
 */
public final class Trainer {

  /** Runs a step's ops on the calling thread only, in one fixed order. */
  static final RunOptions IN_CALLER_THREAD =
      RunOptions.newBuilder().setInterOpThreadPool(-1).build();

  private final PrintStream log;

  /**
   * @param log where to print one line per epoch
   */
  public Trainer(PrintStream log) {
    this.log = log;
  }

  /** A session that runs ops on one thread, which makes float sums deterministic. */
  static Session deterministicSession(Graph graph) {
    ConfigProto config =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(1)
            .setInterOpParallelismThreads(1)
            .build();
    return new Session(graph, config);
  }

  /**
   * Trains the network on {@code inputs} (one flat array of {@link Network#inputSize()} floats per
   * example) and returns the trained parameter values by name.
   */
  public Map<String, float[]> train(
      Network network, float[][] inputs, Objective objective, TrainingConfig config) {
    int inSize = network.inputSize();
    int outSize = network.outputSize();
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i].length != inSize) {
        throw new IllegalArgumentException(
            "training example "
                + i
                + " has "
                + inputs[i].length
                + " values, the network "
                + network.name()
                + " takes "
                + inSize);
      }
    }
    if (objective instanceof Objective.Classification c && c.labels().length != inputs.length) {
      throw new IllegalArgumentException(
          c.labels().length + " labels for " + inputs.length + " training examples");
    }
    Map<String, float[]> initial = network.initialWeights(config.seed());
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x =
          tf.withName("input")
              .placeholder(TFloat32.class, Placeholder.shape(batchShape(-1, network.inputShape())));
      Placeholder<TFloat32> y =
          tf.withName("target")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, outSize)));
      Map<String, Operand<TFloat32>> params = new LinkedHashMap<>();
      List<Variable<TFloat32>> variables = new ArrayList<>();
      for (Parameter p : network.parameters()) {
        Variable<TFloat32> v =
            tf.withInitScope()
                .withName(p.name())
                .variable(
                    tf.constant(
                        Shape.of(p.shape()), DataBuffers.of(initial.get(p.name()), true, false)));
        params.put(p.name(), v);
        variables.add(v);
      }
      Operand<TFloat32> out = network.build(tf, x, params);
      Operand<TFloat32> flatOut = tf.reshape(out, tf.constant(new long[] {-1, outSize}));
      Operand<TFloat32> loss =
          objective instanceof Objective.Classification
              ? tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(flatOut, y).loss(), tf.constant(0))
              : tf.math.mean(tf.math.squaredDifference(flatOut, y), tf.constant(new int[] {0, 1}));
      Op minimize = gatedMinimize(tf, new Adam(graph, config.learningRate()), loss);
      try (Session session = deterministicSession(graph)) {
        session.initialize();
        Random order = new Random(config.seed() ^ 0x5DEECE66DL);
        int[] index = new int[inputs.length];
        for (int i = 0; i < index.length; i++) {
          index[i] = i;
        }
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
          Shuffle.inPlace(index, order);
          double sum = 0;
          int batches = 0;
          for (int start = 0; start < index.length; start += config.batchSize()) {
            int n = Math.min(config.batchSize(), index.length - start);
            float[] xb = new float[n * inSize];
            float[] yb = new float[n * outSize];
            for (int b = 0; b < n; b++) {
              int e = index[start + b];
              System.arraycopy(inputs[e], 0, xb, b * inSize, inSize);
              if (objective instanceof Objective.Classification c) {
                yb[b * outSize + c.labelAt(e)] = 1;
              } else {
                System.arraycopy(inputs[e], 0, yb, b * outSize, outSize);
              }
            }
            try (TFloat32 xt =
                    TFloat32.tensorOf(
                        batchShape(n, network.inputShape()), DataBuffers.of(xb, true, false));
                TFloat32 yt =
                    TFloat32.tensorOf(Shape.of(n, outSize), DataBuffers.of(yb, true, false));
                var result =
                    session
                        .runner()
                        .feed(x, xt)
                        .feed(y, yt)
                        .setOptions(IN_CALLER_THREAD)
                        .addTarget(minimize)
                        .fetch(loss)
                        .run()) {
              sum += ((TFloat32) result.get(0)).getFloat();
              batches++;
            }
          }
          log.printf(
              Locale.ROOT,
              "%s epoch %d/%d loss %.5f%n",
              network.name(),
              epoch,
              config.epochs(),
              sum / batches);
        }
        Map<String, float[]> trained = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
          Parameter p = network.parameters().get(i);
          try (var result = session.runner().fetch(variables.get(i)).run()) {
            float[] values = new float[p.size()];
            ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
            trained.put(p.name(), values);
          }
        }
        return trained;
      }
    }
  }

  /**
   * Adam's update step, applied only once every gradient has been computed. The parameters are
   * reference variables that the backward pass reads in place; without the gate, the executor's
   * threads (the caller's and the inter-op pool's, even with one pool thread) could update a
   * variable while another gradient still reads it, so a step's result could depend on thread
   * timing.
   */
  private static Op gatedMinimize(Ops tf, Optimizer optimizer, Operand<TFloat32> loss) {
    List<Optimizer.GradAndVar<?>> gradients = optimizer.computeGradients(loss);
    List<Op> computed = new ArrayList<>();
    for (Optimizer.GradAndVar<?> g : gradients) {
      computed.add(tf.identity(g.getGradient()));
    }
    Ops afterAll = tf.withControlDependencies(computed);
    List<Optimizer.GradAndVar<? extends TType>> gated = new ArrayList<>();
    for (Optimizer.GradAndVar<?> g : gradients) {
      gated.add(gate(afterAll, g));
    }
    return optimizer.applyGradients(gated, "train");
  }

  private static <T extends TType> Optimizer.GradAndVar<T> gate(
      Ops afterAll, Optimizer.GradAndVar<T> g) {
    return new Optimizer.GradAndVar<>(
        afterAll.identity(g.getGradient()).asOutput(), g.getVariable());
  }

  static Shape batchShape(long batch, int[] example) {
    long[] dims = new long[example.length + 1];
    dims[0] = batch;
    for (int i = 0; i < example.length; i++) {
      dims[i + 1] = example[i];
    }
    return Shape.of(dims);
  }
}
