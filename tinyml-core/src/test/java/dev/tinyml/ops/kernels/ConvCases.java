package dev.tinyml.ops.kernels;

import java.util.Arrays;
import java.util.Random;

/** Set-up shared by the CONV_2D and DEPTHWISE_CONV_2D kernel tests. */
final class ConvCases {
  private ConvCases() {}

  /** VALID padding, stride 1 and dilation 1 both ways. */
  static final ConvParams.Window VALID = new ConvParams.Window(false, 1, 1, 1, 1);

  /** SAME padding, stride 1 and dilation 1 both ways. */
  static final ConvParams.Window SAME = new ConvParams.Window(true, 1, 1, 1, 1);

  /** An NHWC input or output shape, or a filter shape. */
  static int[] shape(int... dims) {
    return dims;
  }

  /** The shapes of one convolution. */
  static Shapes shapes(int[] input, int[] filter, int[] output) {
    return new Shapes(input, filter, output);
  }

  /** The input, filter and output shapes of one convolution. */
  record Shapes(int[] input, int[] filter, int[] output) {
    /** A CONV_2D: the filter's last dimension is its input channels (fewer make it grouped). */
    ConvParams conv2d(ConvParams.Window w, Activation act, ConvParams.Quantization q) {
      return ConvParams.of(Conv2D::filterInC, input, filter, output, w, act, q);
    }

    /** A DEPTHWISE_CONV_2D: the filter's last dimension is the output channels. */
    ConvParams depthwise(ConvParams.Window w, Activation act, ConvParams.Quantization q) {
      return ConvParams.of(DepthwiseConv2D::filterInC, input, filter, output, w, act, q);
    }
  }

  /** {@code length} copies of {@code value}. */
  static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }

  /** {@code channels} int32 biases drawn uniformly from [-1000, 1000]. */
  static int[] randomBias(Random r, int channels) {
    int[] bias = new int[channels];
    for (int i = 0; i < channels; i++) {
      bias[i] = r.nextInt(2001) - 1000;
    }
    return bias;
  }
}
