package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.ImportCheck.importAndCompare;
import static dev.tinyml.savedmodel.ImportCheck.ops;
import static dev.tinyml.savedmodel.TfOracle.built;
import static dev.tinyml.savedmodel.TfOracle.constant;
import static dev.tinyml.savedmodel.TfOracle.input;
import static dev.tinyml.savedmodel.TfOracle.weights;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.StatefulPartitionedCall;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * SavedModels built and run by TensorFlow Java; the imported model, run in the project's float
 * interpreter, must give TensorFlow's outputs within 1e-5 relative error.
 */
class TfBuiltModelsTest {
  private static final List<Long> ONES = List.of(1L, 1L, 1L, 1L);

  @TempDir Path tmp;

  @Test
  void denseMlpMatchesTensorFlow() throws Exception {
    TfOracle.Exported e =
        TfOracle.export(
            tmp.resolve("mlp"),
            1,
            3,
            (tf, rnd) -> {
              Placeholder<TFloat32> x = input(tf, "features", 1, 8);
              Operand<TFloat32> h1 =
                  tf.nn.relu(
                      tf.nn.biasAdd(
                          tf.linalg.matMul(x, weights(tf, rnd, "dense", "kernel", 0.5f, 8, 16)),
                          weights(tf, rnd, "dense", "bias", 0.1f, 16)));
              Operand<TFloat32> h2 =
                  tf.nn.relu6(
                      tf.math.add(
                          tf.linalg.matMul(h1, weights(tf, rnd, "dense_1", "kernel", 0.5f, 16, 8)),
                          weights(tf, rnd, "dense_1", "bias", 0.1f, 8)));
              Operand<TFloat32> logits =
                  tf.nn.biasAdd(
                      tf.linalg.matMul(h2, weights(tf, rnd, "dense_2", "kernel", 0.5f, 8, 3)),
                      weights(tf, rnd, "dense_2", "bias", 0.1f, 3));
              Operand<TFloat32> probs = tf.withName("probs").nn.softmax(logits);
              return built(
                  Signature.builder().input("features", x).output("probs", probs).build(),
                  x,
                  "features",
                  1,
                  8);
            });
    Model m = importAndCompare(e);
    assertThat(ops(m))
        .containsExactly(
            BuiltinOperator.FULLY_CONNECTED,
            BuiltinOperator.FULLY_CONNECTED,
            BuiltinOperator.FULLY_CONNECTED,
            BuiltinOperator.SOFTMAX);
  }

  @Test
  void convBatchNormReluPoolingNetMatchesTensorFlow() throws Exception {
    TfOracle.Exported e =
        TfOracle.export(
            tmp.resolve("cnn"),
            2,
            3,
            (tf, rnd) -> {
              Placeholder<TFloat32> x = input(tf, "image", 1, 12, 10, 3);
              Operand<TFloat32> c1 =
                  tf.nn.biasAdd(
                      tf.nn.conv2d(
                          x, weights(tf, rnd, "conv2d", "kernel", 0.4f, 3, 3, 3, 8), ONES, "SAME"),
                      weights(tf, rnd, "conv2d", "bias", 0.1f, 8));
              Operand<TFloat32> bn = batchNorm(tf, rnd, c1, 8);
              Operand<TFloat32> pooled =
                  tf.nn.maxPool(
                      tf.nn.relu(bn),
                      tf.constant(new int[] {1, 2, 2, 1}),
                      tf.constant(new int[] {1, 2, 2, 1}),
                      "VALID");
              Operand<TFloat32> c2 =
                  tf.nn.relu6(
                      tf.nn.biasAdd(
                          tf.nn.conv2d(
                              pooled,
                              weights(tf, rnd, "conv2d_1", "kernel", 0.4f, 3, 3, 8, 6),
                              List.of(1L, 2L, 2L, 1L),
                              "SAME"),
                          weights(tf, rnd, "conv2d_1", "bias", 0.1f, 6)));
              Operand<TFloat32> avg = tf.nn.avgPool(c2, List.of(1L, 2L, 2L, 1L), ONES, "VALID");
              Operand<TFloat32> gap =
                  tf.math.mean(avg, tf.constant(new int[] {1, 2}), Mean.keepDims(false));
              Operand<TFloat32> probs =
                  tf.withName("probs")
                      .nn
                      .softmax(
                          tf.nn.biasAdd(
                              tf.linalg.matMul(
                                  gap, weights(tf, rnd, "dense", "kernel", 0.5f, 6, 4)),
                              weights(tf, rnd, "dense", "bias", 0.1f, 4)));
              return built(
                  Signature.builder().input("image", x).output("probs", probs).build(),
                  x,
                  "image",
                  1,
                  12,
                  10,
                  3);
            });
    Model m = importAndCompare(e);
    assertThat(ops(m))
        .containsExactly(
            BuiltinOperator.CONV_2D,
            BuiltinOperator.MAX_POOL_2D,
            BuiltinOperator.CONV_2D,
            BuiltinOperator.AVERAGE_POOL_2D,
            BuiltinOperator.MEAN,
            BuiltinOperator.FULLY_CONNECTED,
            BuiltinOperator.SOFTMAX);
  }

  @Test
  void depthwiseSeparableBlockMatchesTensorFlow() throws Exception {
    TfOracle.Exported e =
        TfOracle.export(
            tmp.resolve("separable"),
            3,
            3,
            (tf, rnd) -> {
              Placeholder<TFloat32> x = input(tf, "image", 1, 9, 9, 4);
              Operand<TFloat32> padded =
                  tf.pad(
                      x,
                      tf.constant(new int[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}}),
                      tf.constant(0f));
              Operand<TFloat32> dw =
                  tf.nn.biasAdd(
                      tf.nn.depthwiseConv2dNative(
                          padded,
                          weights(tf, rnd, "depthwise", "depthwise_kernel", 0.4f, 3, 3, 4, 2),
                          ONES,
                          "VALID"),
                      weights(tf, rnd, "depthwise", "bias", 0.1f, 8));
              Operand<TFloat32> a1 = tf.nn.relu6(batchNorm(tf, rnd, dw, 8));
              Operand<TFloat32> pw =
                  tf.nn.biasAdd(
                      tf.nn.conv2d(
                          a1,
                          weights(tf, rnd, "pointwise", "kernel", 0.4f, 1, 1, 8, 8),
                          ONES,
                          "SAME"),
                      weights(tf, rnd, "pointwise", "bias", 0.1f, 8));
              Operand<TFloat32> a2 = tf.nn.relu(batchNorm(tf, rnd, pw, 8));
              Operand<TFloat32> cat = tf.concat(List.of(a2, x), tf.constant(3));
              Operand<TFloat32> dw2 =
                  tf.nn.leakyRelu(
                      tf.nn.biasAdd(
                          tf.nn.depthwiseConv2dNative(
                              cat,
                              weights(
                                  tf, rnd, "depthwise_1", "depthwise_kernel", 0.4f, 3, 3, 12, 1),
                              List.of(1L, 2L, 2L, 1L),
                              "SAME"),
                          weights(tf, rnd, "depthwise_1", "bias", 0.1f, 12)),
                      LeakyRelu.alpha(0.1f));
              Operand<TFloat32> scaled =
                  tf.withName("features")
                      .math
                      .add(
                          tf.math.mul(dw2, constant(tf, rnd, 1f, 0.5f, 12)),
                          constant(tf, rnd, 0f, 0.2f, 12));
              return built(
                  Signature.builder().input("image", x).output("features", scaled).build(),
                  x,
                  "image",
                  1,
                  9,
                  9,
                  4);
            });
    Model m = importAndCompare(e);
    assertThat(ops(m))
        .containsExactly(
            BuiltinOperator.PAD,
            BuiltinOperator.DEPTHWISE_CONV_2D,
            BuiltinOperator.CONV_2D,
            BuiltinOperator.CONCATENATION,
            BuiltinOperator.DEPTHWISE_CONV_2D,
            BuiltinOperator.LEAKY_RELU,
            BuiltinOperator.MUL,
            BuiltinOperator.ADD);
  }

  @Test
  void denseAutoencoderMatchesTensorFlow() throws Exception {
    TfOracle.Exported e =
        TfOracle.export(
            tmp.resolve("autoencoder"),
            4,
            3,
            (tf, rnd) -> {
              Placeholder<TFloat32> x = input(tf, "signal", 1, 16);
              Operand<TFloat32> enc1 = tf.math.tanh(dense(tf, rnd, "encoder", x, 16, 8));
              Operand<TFloat32> code = tf.nn.relu(dense(tf, rnd, "bottleneck", enc1, 8, 4));
              Operand<TFloat32> dec1 = tf.nn.relu(dense(tf, rnd, "decoder", code, 4, 8));
              Operand<TFloat32> recon =
                  tf.withName("reconstruction").math.sigmoid(dense(tf, rnd, "output", dec1, 8, 16));
              Operand<TFloat32> diff = tf.math.sub(x, recon);
              Operand<TFloat32> err =
                  tf.withName("error")
                      .math
                      .mean(
                          tf.math.mul(diff, diff), tf.constant(new int[] {1}), Mean.keepDims(true));
              Signature sig =
                  Signature.builder()
                      .input("signal", x)
                      .output("reconstruction", recon)
                      .output("error", err)
                      .build();
              return built(sig, x, "signal", 1, 16);
            });
    Model m = importAndCompare(e);
    assertThat(ops(m))
        .containsExactly(
            BuiltinOperator.FULLY_CONNECTED,
            BuiltinOperator.TANH,
            BuiltinOperator.FULLY_CONNECTED,
            BuiltinOperator.FULLY_CONNECTED,
            BuiltinOperator.FULLY_CONNECTED,
            BuiltinOperator.LOGISTIC,
            BuiltinOperator.SUB,
            BuiltinOperator.MUL,
            BuiltinOperator.MEAN);
  }

  @Test
  void graphCallingAFunctionThroughStatefulPartitionedCallMatchesTensorFlow() throws Exception {
    TfOracle.Exported e =
        TfOracle.export(
            tmp.resolve("call"),
            5,
            3,
            (tf, rnd) -> {
              float[] kernel = TfOracle.random(rnd, 6 * 5, 0.5f);
              float[] bias = TfOracle.random(rnd, 5, 0.1f);
              ConcreteFunction activation =
                  ConcreteFunction.create(
                      ops -> {
                        Placeholder<TFloat32> in =
                            ops.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 5)));
                        return Signature.builder()
                            .input("a", in)
                            .output("b", ops.nn.relu6(in))
                            .build();
                      });
              ConcreteFunction layer =
                  ConcreteFunction.create(
                      ops -> {
                        Placeholder<TFloat32> in =
                            ops.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 6)));
                        Operand<TFloat32> z =
                            ops.nn.biasAdd(
                                ops.linalg.matMul(
                                    in, ops.constant(Shape.of(6, 5), DataBuffers.of(kernel))),
                                ops.constant(bias));
                        // A nested call: inlining must recurse.
                        @SuppressWarnings("unchecked")
                        Operand<TFloat32> y = (Operand<TFloat32>) activation.call(ops, z);
                        return Signature.builder().input("z", in).output("y", y).build();
                      });
              Placeholder<TFloat32> x = input(tf, "window", 1, 2, 3);
              // Keras' Flatten: the new shape is computed from the input's dynamic shape.
              Operand<TInt32> batch = TfOracle.dynamicBatch(tf, x);
              Operand<TFloat32> flat = tf.reshape(x, tf.stack(List.of(batch, tf.constant(-1))));
              Operand<?> callOutput =
                  StatefulPartitionedCall.create(
                          tf.scope(), List.of(flat), List.of(TFloat32.class), layer)
                      .iterator()
                      .next();
              @SuppressWarnings("unchecked")
              Operand<TFloat32> called = (Operand<TFloat32>) callOutput;
              Operand<TFloat32> expanded = tf.expandDims(called, tf.constant(1));
              Operand<TFloat32> out =
                  tf.withName("scores")
                      .squeeze(expanded, org.tensorflow.op.core.Squeeze.axis(List.of(1L)));
              return built(
                  Signature.builder().input("window", x).output("scores", out).build(),
                  x,
                  "window",
                  1,
                  2,
                  3);
            });
    String graph =
        org.tensorflow.proto.SavedModel.parseFrom(
                java.nio.file.Files.readAllBytes(e.dir().resolve("saved_model.pb")))
            .getMetaGraphs(0)
            .getGraphDef()
            .getNodeList()
            .stream()
            .map(n -> n.getOp())
            .toList()
            .toString();
    assertThat(graph).contains("StatefulPartitionedCall");
    Model m = importAndCompare(e);
    assertThat(ops(m)).containsExactly(BuiltinOperator.RESHAPE, BuiltinOperator.FULLY_CONNECTED);
  }

  @Test
  void denseOnASequenceLikeKerasTensordotMatchesTensorFlow() throws Exception {
    TfOracle.Exported e =
        TfOracle.export(
            tmp.resolve("tensordot"),
            6,
            3,
            (tf, rnd) -> {
              Placeholder<TFloat32> x = input(tf, "frames", 1, 10, 8);
              // What Keras' Dense does on a 3-D input: gather the free dimensions from the
              // dynamic shape, transpose (identity), flatten, MatMul, reshape back.
              Operand<TInt32> shape = tf.shape(x);
              Operand<TInt32> free =
                  tf.gather(shape, tf.constant(new int[] {0, 1}), tf.constant(0));
              Operand<TFloat32> flat =
                  tf.reshape(
                      tf.linalg.transpose(x, tf.constant(new int[] {0, 1, 2})),
                      tf.stack(List.of(tf.prod(free, tf.constant(new int[] {0})), tf.constant(8))));
              Operand<TFloat32> mm =
                  tf.linalg.matMul(flat, weights(tf, rnd, "dense", "kernel", 0.5f, 8, 4));
              Operand<TFloat32> back =
                  tf.reshape(
                      mm, tf.concat(List.of(free, tf.constant(new int[] {4})), tf.constant(0)));
              Operand<TFloat32> y =
                  tf.withName("out").nn.biasAdd(back, weights(tf, rnd, "dense", "bias", 0.1f, 4));
              return built(
                  Signature.builder().input("frames", x).output("out", y).build(),
                  x,
                  "frames",
                  1,
                  10,
                  8);
            });
    Model m = importAndCompare(e);
    assertThat(ops(m))
        .containsExactly(
            BuiltinOperator.RESHAPE,
            BuiltinOperator.FULLY_CONNECTED,
            BuiltinOperator.RESHAPE,
            BuiltinOperator.ADD);
  }

  private static Operand<TFloat32> dense(
      Ops tf, Random rnd, String name, Operand<TFloat32> x, int in, int out) {
    return tf.nn.biasAdd(
        tf.linalg.matMul(x, weights(tf, rnd, name, "kernel", 0.5f, in, out)),
        weights(tf, rnd, name, "bias", 0.1f, out));
  }

  private static Operand<TFloat32> batchNorm(Ops tf, Random rnd, Operand<TFloat32> x, int c) {
    return tf.nn
        .fusedBatchNorm(
            x,
            constant(tf, rnd, 1f, 0.3f, c),
            constant(tf, rnd, 0f, 0.2f, c),
            constant(tf, rnd, 0f, 0.2f, c),
            constant(tf, rnd, 1f, 0.5f, c),
            FusedBatchNorm.isTraining(false),
            FusedBatchNorm.epsilon(1e-3f))
        .y();
  }
}
