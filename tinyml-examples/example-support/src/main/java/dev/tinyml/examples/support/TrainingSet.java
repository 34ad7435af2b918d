package dev.tinyml.examples.support;

import java.util.Arrays;
import java.util.List;

/**
 * What an example trains on: the model inputs, the objective (labels or reconstruction) and the
 * inputs the int8 conversion calibrates on.
 *
 * @param inputs one flat model input per training example
 * @param objective what training minimises
 * @param calibration inputs to draw the representative samples from
 */
public record TrainingSet(float[][] inputs, Objective objective, List<float[]> calibration) {

  /** A training set that calibrates on its own inputs. */
  public TrainingSet(float[][] inputs, Objective objective) {
    this(inputs, objective, Arrays.asList(inputs));
  }
}
