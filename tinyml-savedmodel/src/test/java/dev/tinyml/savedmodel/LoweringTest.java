package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.TfOracle.constant;
import static dev.tinyml.savedmodel.TfOracle.input;
import static dev.tinyml.savedmodel.TfOracle.weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/** How particular TensorFlow patterns lower, on small graphs built by TensorFlow Java. */
class LoweringTest {
  @TempDir Path tmp;

  @Test
  void fakeQuantRangesAreKeptOnTheTensorForTheQuantizer() throws Exception {
    TfOracle.Exported e =
        TfOracle.export(
            tmp.resolve("fq"),
            7,
            0,
            (tf, rnd) -> {
              Placeholder<TFloat32> x = input(tf, "x", 1, 4);
              Operand<TFloat32> q =
                  tf.quantization.fakeQuantWithMinMaxVars(x, tf.constant(-2.5f), tf.constant(3.5f));
              Operand<TFloat32> y =
                  tf.withSubScope("dense")
                      .withName("MatMul")
                      .linalg
                      .matMul(q, weights(tf, rnd, "dense", "kernel", 1f, 4, 2));
              return new TfOracle.Built(
                  Signature.builder().input("x", x).output("y", y).build(),
                  Map.of("x", x),
                  Map.of("x", new int[] {1, 4}));
            });
    Model m = SavedModelImporter.builder().build().importModel(e.dir()).model();
    SubGraph g = m.primarySubgraph();
    assertThat(ops(m)).containsExactly(BuiltinOperator.FULLY_CONNECTED);
    Tensor in = g.tensor(g.inputs()[0]);
    assertThat(in.quantization()).isNotNull();
    assertThat(in.quantization().min()).containsExactly(-2.5f);
    assertThat(in.quantization().max()).containsExactly(3.5f);
    assertThat(g.tensor(g.outputs()[0]).name()).contains("dense/MatMul");
  }

  @Test
  void unsupportedOpsAreAllListedInOneErrorWithNodeAndLayer() throws Exception {
    TfOracle.Exported e =
        TfOracle.export(
            tmp.resolve("unsupported"),
            8,
            0,
            (tf, rnd) -> {
              Placeholder<TFloat32> x = input(tf, "x", 1, 4);
              Operand<TFloat32> a = tf.withSubScope("wave").withName("Cos").math.cos(x);
              Operand<TFloat32> b = tf.withSubScope("growth").withName("Exp").math.exp(a);
              Operand<TFloat32> y = tf.math.add(b, tf.constant(1f));
              return new TfOracle.Built(
                  Signature.builder().input("x", x).output("y", y).build(),
                  Map.of("x", x),
                  Map.of("x", new int[] {1, 4}));
            });
    assertThatThrownBy(() -> SavedModelImporter.builder().build().importModel(e.dir()))
        .isInstanceOf(SavedModelException.class)
        .hasMessageContaining("2 operation(s)")
        .hasMessageContaining("node 'wave/Cos' (op Cos, layer 'wave')")
        .hasMessageContaining("node 'growth/Exp' (op Exp, layer 'growth')")
        .hasMessageContaining("docs/savedmodel.md");
  }

  @Test
  void batchNormWithoutAPrecedingLayerBecomesMulAndAdd() throws Exception {
    TfOracle.Exported e =
        TfOracle.export(
            tmp.resolve("bn"),
            9,
            2,
            (tf, rnd) -> {
              Placeholder<TFloat32> x = input(tf, "x", 1, 3, 3, 4);
              Operand<TFloat32> y =
                  tf.nn.relu(
                      tf.nn
                          .fusedBatchNorm(
                              x,
                              constant(tf, rnd, 1f, 0.3f, 4),
                              constant(tf, rnd, 0f, 0.2f, 4),
                              constant(tf, rnd, 0f, 0.2f, 4),
                              constant(tf, rnd, 1f, 0.5f, 4),
                              FusedBatchNorm.isTraining(false))
                          .y());
              return new TfOracle.Built(
                  Signature.builder().input("x", x).output("y", y).build(),
                  Map.of("x", x),
                  Map.of("x", new int[] {1, 3, 3, 4}));
            });
    ImportResult r = SavedModelImporter.builder().build().importModel(e.dir());
    assertThat(ops(r.model())).containsExactly(BuiltinOperator.MUL, BuiltinOperator.ADD);
    assertMatches(r, e);
  }

  @Test
  void batchDimensionIsConfigurable() throws Exception {
    TfOracle.Exported e =
        TfOracle.export(
            tmp.resolve("batch"),
            10,
            2,
            (tf, rnd) -> {
              Placeholder<TFloat32> x = input(tf, "x", 3, 8);
              Operand<TFloat32> y =
                  tf.nn.softmax(
                      tf.nn.biasAdd(
                          tf.linalg.matMul(x, weights(tf, rnd, "dense", "kernel", 0.5f, 8, 4)),
                          weights(tf, rnd, "dense", "bias", 0.5f, 4)));
              return new TfOracle.Built(
                  Signature.builder().input("x", x).output("y", y).build(),
                  Map.of("x", x),
                  Map.of("x", new int[] {3, 8}));
            });
    ImportResult r = SavedModelImporter.builder().batchSize(3).build().importModel(e.dir());
    SubGraph g = r.model().primarySubgraph();
    assertThat(g.tensor(g.inputs()[0]).shape()).containsExactly(3, 8);
    assertThat(g.tensor(g.outputs()[0]).shape()).containsExactly(3, 4);
    assertMatches(r, e);
  }

  @Test
  void tensorNamesCarryKerasLayerNames() throws Exception {
    Model m =
        SavedModelImporter.builder()
            .build()
            .importModel(dev.tinyml.testing.Fixtures.path("savedmodel/keras_kws_ds_cnn"))
            .model();
    List<String> names = new ArrayList<>();
    for (Tensor t : m.primarySubgraph().tensors()) {
      names.add(t.name());
    }
    assertThat(names)
        .anyMatch(n -> n.contains("functional_1/conv2d/Conv2D") && n.contains("activation/Relu"))
        .anyMatch(n -> n.contains("depthwise_conv2d_3/depthwise"))
        .contains("conv2d/kernel", "dense/kernel", "input_1");
  }

  @Test
  void sharedLayerWeightsAreStoredOnceAndNoOpReshapesDisappear() throws Exception {
    Model m =
        SavedModelImporter.builder()
            .build()
            .importModel(dev.tinyml.testing.Fixtures.path("savedmodel/keras_functional_two_inputs"))
            .model();
    SubGraph g = m.primarySubgraph();
    List<Operator> fcs =
        g.operators().stream().filter(op -> m.opOf(op) == BuiltinOperator.FULLY_CONNECTED).toList();
    assertThat(fcs).hasSize(3);
    // The shared Dense(3) sub-model is applied to both inputs: one weights tensor, used twice.
    assertThat(fcs.get(0).inputs()[1]).isEqualTo(fcs.get(1).inputs()[1]);
    assertThat(g.tensor(fcs.get(0).inputs()[1]).name()).isEqualTo("dense/kernel");
    // Flatten of a [1, 5] input changes nothing and is dropped.
    assertThat(ops(m)).doesNotContain(BuiltinOperator.RESHAPE);
  }

  private static void assertMatches(ImportResult r, TfOracle.Exported e) {
    for (TfOracle.Case c : e.cases()) {
      float[][] out = FloatRunner.run(r.model(), c.inputs().get(r.inputNames().get(0)));
      assertThat(FloatRunner.maxRelativeError(out[0], c.outputs().get(r.outputNames().get(0))))
          .isLessThanOrEqualTo(1e-5);
    }
  }

  private static List<BuiltinOperator> ops(Model m) {
    List<BuiltinOperator> ops = new ArrayList<>();
    for (Operator op : m.primarySubgraph().operators()) {
      ops.add(m.opOf(op));
    }
    return ops;
  }
}
