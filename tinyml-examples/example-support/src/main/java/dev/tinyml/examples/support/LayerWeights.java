package dev.tinyml.examples.support;

import java.util.List;

/**
 * The kernel and bias of a weighted {@link Layer}, both initialised for the layer's fan-in and
 * activation.
 *
 * @param prefix the layer's parameter name prefix
 * @param fanIn inputs per output
 * @param activation what follows the bias
 */
record LayerWeights(String prefix, int fanIn, Activation activation) {

  /** The kernel of this shape and fan-out, then a bias of {@code biasSize} values. */
  List<Parameter> kernelAndBias(long[] shape, int kernelFanOut, int biasSize, int biasFanOut) {
    boolean rectified = activation.rectifier();
    return List.of(
        new Parameter(prefix + "_kernel", shape, fanIn, kernelFanOut, false, rectified),
        new Parameter(prefix + "_bias", new long[] {biasSize}, fanIn, biasFanOut, true, rectified));
  }
}
