package dev.tinyml.ops;

import dev.tinyml.ops.kernels.ChannelMultipliers;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** What CONV_2D and DEPTHWISE_CONV_2D check and compute alike before their kernels differ. */
final class ConvolutionChecks {

  private ConvolutionChecks() {}

  /**
   * Checks a convolution's tensors (NHWC input and output, 4-D filter, bias one per output channel)
   * and tells whether it runs in float ({@code true}) or int8 ({@code false}); other type mixes
   * fail.
   */
  static boolean checkTensors(OpContext c) {
    Tensor in = c.input(0);
    Tensor w = c.input(1);
    Tensor out = c.output(0);
    c.requireHybridFree(in, w);
    boolean isFloat = in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32;
    boolean isInt8 =
        in.type() == TensorType.INT8
            && w.type() == TensorType.INT8
            && out.type() == TensorType.INT8;
    if (!isFloat && !isInt8) {
      throw c.unsupportedTypes();
    }
    c.requireRank(in, 4, "input");
    c.requireRank(w, 4, "filter");
    c.requireRank(out, 4, "output");
    c.checkBias(2, isFloat ? TensorType.FLOAT32 : TensorType.INT32, out.shape()[3]);
    return isFloat;
  }

  /**
   * The per-channel multipliers of an int8 convolution with {@code channels} output channels; the
   * filter has one scale or one per channel.
   */
  static ChannelMultipliers multipliers(OpContext c, int channels) {
    Tensor w = c.input(1);
    float[] ws = c.scales(w);
    if (ws.length != 1 && ws.length != channels) {
      throw c.fail(
          "weights "
              + OpContext.describe(w)
              + " have "
              + ws.length
              + " scales for "
              + channels
              + " output channels");
    }
    return ChannelMultipliers.of(c.scale(c.input(0)), ws, c.scale(c.output(0)), channels);
  }
}
