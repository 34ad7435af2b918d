package dev.tinyml.quant;

import dev.tinyml.ops.ConvolutionOp;
import dev.tinyml.ops.OpRegistry;
import dev.tinyml.ops.kernels.ConvParams;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.DepthwiseConv2DOptions;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import java.util.function.IntFunction;

/**
 * Bias correction of weighted ops: moves the bias by the mean error that quantizing the weights
 * adds to each output channel, given the channel means of the op's input seen in calibration.
 */
final class BiasCorrection {
  private final SubGraph graph;
  private final IntFunction<float[]> floats;

  /**
   * @param graph the float model's subgraph
   * @param floats the float values of a constant tensor by index
   */
  BiasCorrection(SubGraph graph, IntFunction<float[]> floats) {
    this.graph = graph;
    this.floats = floats;
  }

  /**
   * The bias minus the mean output error the quantized weights cause: each weight's error times the
   * mean of the input it multiplies, weighed by the share of outputs at which its tap sees data.
   */
  float[] corrected(WeightUse use, QuantizedWeights w, float[] bias, double[] mean) {
    Tensor wt = graph.tensors().get(use.weights());
    int[] shape = wt.shape();
    float[] real = floats.apply(use.weights());
    float[] deq = QuantMath.dequantize(w, shape);
    double[] delta = new double[bias.length];
    switch (use.builtin()) {
      case FULLY_CONNECTED -> {
        int perOut = real.length / shape[0];
        for (int o = 0; o < shape[0]; o++) {
          double d = 0;
          for (int k = 0; k < perOut; k++) {
            int i = o * perOut + k;
            d += (deq[i] - real[i]) * mean[k % mean.length];
          }
          delta[o] = d;
        }
      }
      case CONV_2D -> {
        // OHWI: element k of an output channel's filter is tap k / I, input channel k % I.
        double[] share = tapShares(use.op(), use.builtin(), shape[1], shape[2]);
        int depth = shape[3];
        int perOut = real.length / shape[0];
        for (int o = 0; o < shape[0]; o++) {
          double d = 0;
          for (int k = 0; k < perOut; k++) {
            int i = o * perOut + k;
            d += (deq[i] - real[i]) * mean[(k % depth) % mean.length] * share[k / depth];
          }
          delta[o] = d;
        }
      }
      case DEPTHWISE_CONV_2D -> {
        int channels = shape[3];
        int multiplier =
            graph.operators().get(use.op()).options() instanceof DepthwiseConv2DOptions o
                ? Math.max(1, o.depthMultiplier())
                : 1;
        double[] share = tapShares(use.op(), use.builtin(), shape[1], shape[2]);
        for (int i = 0; i < real.length; i++) {
          int c = i % channels;
          delta[c] +=
              (deq[i] - real[i]) * mean[(c / multiplier) % mean.length] * share[i / channels];
        }
      }
      default -> throw new IllegalStateException("no weights for " + use.builtin());
    }
    float[] corrected = new float[bias.length];
    for (int c = 0; c < bias.length; c++) {
      corrected[c] = (float) (bias[c] - delta[c]);
    }
    return corrected;
  }

  /**
   * For each kernel tap of a convolution (row-major over its height and width), the share of output
   * positions at which it reads the input rather than the zero padding around it: the weight error
   * at a tap only shifts the output where the tap sees data, so bias correction weighs it by this.
   */
  private double[] tapShares(int opIndex, BuiltinOperator builtin, int kernelH, int kernelW) {
    Operator op = graph.operators().get(opIndex);
    int[] in = graph.tensors().get(op.inputs()[0]).shape();
    int[] out = graph.tensors().get(op.outputs()[0]).shape();
    // The op's own window; a weighted op without one (FULLY_CONNECTED) has every tap inside.
    ConvParams.Window w =
        OpRegistry.builtin(builtin)
            .filter(ConvolutionOp.class::isInstance)
            .map(o -> ((ConvolutionOp<?>) o).window(op.options()))
            .orElse(new ConvParams.Window(false, 1, 1, 1, 1));
    Padding padding = w.samePadding() ? Padding.SAME : Padding.VALID;
    int strideH = w.strideH();
    int strideW = w.strideW();
    int dilationH = w.dilationH();
    int dilationW = w.dilationW();
    double[] rows =
        axisShares(in[1], out[1], kernelH, Math.max(1, strideH), Math.max(1, dilationH), padding);
    double[] cols =
        axisShares(in[2], out[2], kernelW, Math.max(1, strideW), Math.max(1, dilationW), padding);
    double[] share = new double[kernelH * kernelW];
    for (int y = 0; y < kernelH; y++) {
      for (int x = 0; x < kernelW; x++) {
        share[y * kernelW + x] = rows[y] * cols[x];
      }
    }
    return share;
  }

  /** Along one axis, the share of output positions at which each tap lands inside the input. */
  static double[] axisShares(
      int in, int out, int kernel, int stride, int dilation, Padding padding) {
    int before = 0;
    if (padding == Padding.SAME) {
      int total = Math.max((out - 1) * stride + (kernel - 1) * dilation + 1 - in, 0);
      before = total / 2;
    }
    double[] share = new double[kernel];
    for (int k = 0; k < kernel; k++) {
      int inside = 0;
      for (int o = 0; o < out; o++) {
        int pos = o * stride - before + k * dilation;
        if (pos >= 0 && pos < in) {
          inside++;
        }
      }
      share[k] = out == 0 ? 0 : (double) inside / out;
    }
    return share;
  }
}
