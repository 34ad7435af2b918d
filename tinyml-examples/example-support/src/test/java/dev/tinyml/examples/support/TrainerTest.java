package dev.tinyml.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains and exports a tiny classifier with the native TensorFlow runtime. */
class TrainerTest {

  @Test
  void exportedSavedModelClassifiesWhatTrainingLearned(@TempDir Path dir) {
    // Two classes: is the first value above the second?
    Random random = new Random(3);
    float[][] x = new float[200][2];
    int[] y = new int[200];
    for (int i = 0; i < x.length; i++) {
      x[i][0] = random.nextFloat();
      x[i][1] = random.nextFloat();
      y[i] = x[i][0] > x[i][1] ? 1 : 0;
    }
    Network network =
        new Network(
            "order",
            new int[] {2},
            List.of(new Layer.Dense(8, Activation.RELU), new Layer.Dense(2, Activation.NONE)),
            Network.Output.SOFTMAX);
    Map<String, float[]> weights =
        new Trainer(new PrintStream(OutputStream.nullOutputStream()))
            .train(
                network,
                x,
                new Objective.Classification(y, 2),
                new TrainingConfig(60, 16, 0.05f, 1));
    Path model = dir.resolve("saved_model");
    SavedModelExport.export(network, weights, model);

    try (SavedModelPredictor predictor = new SavedModelPredictor(model, new int[] {2}, 2)) {
      float[] high = predictor.predict(new float[] {0.9f, 0.1f});
      float[] low = predictor.predict(new float[] {0.1f, 0.9f});
      assertThat(high[0] + high[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
      assertThat(high[1]).isGreaterThan(0.9f);
      assertThat(low[0]).isGreaterThan(0.9f);
      Map<String, float[]> read = predictor.weights(network.parameters());
      assertThat(read.get("dense1_kernel")).containsExactly(weights.get("dense1_kernel"));
    }
    assertThat(dir.resolve("saved_model.tmp")).doesNotExist();
  }
}
