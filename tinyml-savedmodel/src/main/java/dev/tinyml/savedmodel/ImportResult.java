package dev.tinyml.savedmodel;

import dev.tinyml.tflite.Model;
import java.util.List;

/**
 * What {@link SavedModelImporter#importModel} produced.
 *
 * @param model the float TFLite model (one subgraph, one signature named like the SavedModel's)
 * @param inputNames the signature's input keys, in the order of the subgraph inputs (sorted)
 * @param outputNames the signature's output keys, in the order of the subgraph outputs (sorted)
 * @param signatureKey the signature that was imported
 * @param foldedNodes how many TensorFlow nodes became constants at import time
 */
public record ImportResult(
    Model model,
    List<String> inputNames,
    List<String> outputNames,
    String signatureKey,
    int foldedNodes) {
  /** Keeps immutable copies of the name lists. */
  public ImportResult {
    inputNames = List.copyOf(inputNames);
    outputNames = List.copyOf(outputNames);
  }
}
