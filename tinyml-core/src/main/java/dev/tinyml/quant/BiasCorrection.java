package dev.tinyml.quant;

import dev.tinyml.ops.ConvolutionOp;
import dev.tinyml.ops.OpNode;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.SubGraph;
import java.util.function.IntFunction;

/**
 * Bias correction of weighted ops: moves the bias by the mean error that quantizing the weights
 * adds to each output channel, given the channel means of the op's input seen in calibration. How a
 * weight's error reaches the output is the op class's {@link
 * dev.tinyml.ops.Int8Rules#weightErrorShift}.
 */
final class BiasCorrection {
  private final Model model;
  private final SubGraph graph;
  private final IntFunction<float[]> floats;

  /**
   * @param model the float model
   * @param graph the float model's subgraph
   * @param floats the float values of a constant tensor by index
   */
  BiasCorrection(Model model, SubGraph graph, IntFunction<float[]> floats) {
    this.model = model;
    this.graph = graph;
    this.floats = floats;
  }

  /**
   * The bias minus the mean output error the quantized weights cause: each weight's error times the
   * mean of the input it multiplies, weighed by the share of outputs at which its tap sees data.
   */
  float[] corrected(WeightUse use, QuantizedWeights w, float[] bias, double[] mean) {
    int[] shape = graph.tensors().get(use.weights()).shape();
    float[] real = floats.apply(use.weights());
    float[] deq = QuantMath.dequantize(w, shape);
    float[] error = new float[real.length];
    for (int i = 0; i < real.length; i++) {
      error[i] = deq[i] - real[i];
    }
    OpNode node = new OpNode(model, graph, graph.operators().get(use.op()));
    double[] delta =
        ModelQuantizer.rules(use.builtin()).weightErrorShift(node, error, mean, bias.length);
    float[] corrected = new float[bias.length];
    for (int c = 0; c < bias.length; c++) {
      corrected[c] = (float) (bias[c] - delta[c]);
    }
    return corrected;
  }

  /** Along one axis, the share of output positions at which each tap lands inside the input. */
  static double[] axisShares(
      int in, int out, int kernel, int stride, int dilation, Padding padding) {
    return ConvolutionOp.axisShares(in, out, kernel, stride, dilation, padding);
  }
}
