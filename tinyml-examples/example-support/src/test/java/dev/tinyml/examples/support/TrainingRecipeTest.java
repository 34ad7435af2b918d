package dev.tinyml.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingRecipeTest {

  private static final Network NETWORK =
      new Network(
          "tiny",
          new int[] {2},
          List.of(new Layer.Dense(2, Activation.NONE)),
          Network.Output.SOFTMAX);
  private static final TrainingConfig CONFIG = new TrainingConfig(3, 4, 0.01f, 5);

  @Test
  void recipeTextIsNetworkConfigAndDetailsSeparatedBySpaces() {
    // The stamps of models trained before the recipe had a type hashed exactly this text.
    assertThat(new TrainingRecipe(NETWORK, CONFIG, "variants 10").toString())
        .isEqualTo(NETWORK + " " + CONFIG + " variants 10");
  }

  @Test
  void recipeWithoutDetailsEndsWithTheConfig() {
    assertThat(new TrainingRecipe(NETWORK, CONFIG).toString()).isEqualTo(NETWORK + " " + CONFIG);
  }
}
