package dev.tinyml.ops.kernels;

import java.util.Arrays;

/**
 * DEPTHWISE_CONV_2D over NHWC input with a {@code [1, kH, kW, inC * depthMultiplier]} filter,
 * float32, int8 or 16x8 (int16 activations, int64 bias) with per-channel multipliers, as TFLM's
 * {@code DepthwiseConvPerChannel}. Output channel {@code ic * depthMultiplier + m} reads input
 * channel {@code ic}.
 */
public final class DepthwiseConv2D {

  private DepthwiseConv2D() {}

  /**
   * The channel rule for {@link ConvParams#of}: a {@code [1, kH, kW, outC]} filter whose output
   * channels are a multiple of the input channels; each filter reads one input channel.
   *
   * @throws IllegalArgumentException when the filter does not fit the channels
   */
  public static int filterInC(int[] inputShape, int[] filterShape, int[] outputShape) {
    int inC = inputShape[3];
    int outC = outputShape[3];
    if (filterShape[3] != outC || inC <= 0 || outC % inC != 0) {
      throw new IllegalArgumentException(
          "filter channels "
              + filterShape[3]
              + " and output channels "
              + outC
              + " must be equal and a multiple of input channels "
              + inC);
    }
    return 1;
  }

  /**
   * Float eval. Each output sums its taps in filter row, then column order, then adds the bias, as
   * the reference does; {@code acc} is a scratch of {@link ConvParams#scratchSize()} floats.
   */
  public static void evalFloat(
      ConvParams p, float[] in, float[] filter, float[] bias, float[] out, float[] acc) {
    int inC = p.inC();
    int outC = p.outC();
    int dm = p.depthMultiplier();
    p.forEachPixel(
        (inBases, taps, count, outBase) -> {
          Arrays.fill(acc, 0, outC, 0f);
          for (int t = 0; t < count; t++) {
            int inBase = inBases[t];
            int fBase = taps[t] * outC;
            for (int ic = 0, oc = 0; ic < inC; ic++) {
              float x = in[inBase + ic];
              for (int end = oc + dm; oc < end; oc++) {
                acc[oc] += x * filter[fBase + oc];
              }
            }
          }
          p.storeFloat(acc, bias, out, outBase);
        });
  }

  /** Int8 eval; {@code acc} is a scratch of {@link ConvParams#scratchSize()} ints. */
  public static void evalInt8(
      ConvParams p, byte[] in, byte[] filter, int[] bias, byte[] out, int[] acc) {
    int inC = p.inC();
    int outC = p.outC();
    int dm = p.depthMultiplier();
    int inOff = p.inputOffset();
    p.forEachPixel(
        (inBases, taps, count, outBase) -> {
          p.initAccumulators(acc, bias);
          for (int t = 0; t < count; t++) {
            int inBase = inBases[t];
            int fBase = taps[t] * outC;
            if (dm == 1) {
              for (int c = 0; c < outC; c++) {
                acc[c] += filter[fBase + c] * (in[inBase + c] + inOff);
              }
            } else {
              for (int ic = 0, oc = 0; ic < inC; ic++) {
                int x = in[inBase + ic] + inOff;
                for (int end = oc + dm; oc < end; oc++) {
                  acc[oc] += filter[fBase + oc] * x;
                }
              }
            }
          }
          p.storeInt8(acc, out, outBase);
        });
  }

  /**
   * 16x8 eval (int16 input and output, int8 filter, int64 bias that may be null), as TFLM's int16
   * {@code DepthwiseConvPerChannel}: no offsets, an int64 accumulator per output channel.
   */
  public static void evalInt16(ConvParams p, short[] in, byte[] filter, long[] bias, short[] out) {
    int outC = p.outC();
    int dm = p.depthMultiplier();
    p.forEachPixel(
        (inBases, taps, count, outBase) -> {
          for (int oc = 0; oc < outC; oc++) {
            int ic = oc / dm;
            long acc = 0;
            for (int t = 0; t < count; t++) {
              acc += (long) filter[taps[t] * outC + oc] * in[inBases[t] + ic];
            }
            if (bias != null) {
              acc += bias[oc];
            }
            out[outBase + oc] = p.requantize16(acc, oc);
          }
        });
  }

  /**
   * Int8 eval for few input channels (TFLM's loop order makes the channel loop too short to
   * vectorize): one output row at a time, the inputs a tap sees along the row are gathered first,
   * and each output channel accumulates along the row. Taps outside the image contribute {@code f *
   * 0}, which equals skipping them in integer arithmetic, so the result is bit-exact. {@code
   * scratch} holds {@link ConvParams#rowScratchSize()} ints.
   */
  public static void evalInt8Rows(
      ConvParams p, byte[] in, byte[] filter, int[] bias, byte[] out, int[] scratch) {
    int inC = p.inC();
    int outC = p.outC();
    int outW = p.outW();
    int inW = p.inW();
    int dm = p.depthMultiplier();
    int inOff = p.inputOffset();
    int xrow = outW * outC;
    for (int b = 0; b < p.batches(); b++) {
      for (int oy = 0; oy < p.outH(); oy++) {
        for (int oc = 0; oc < outC; oc++) {
          Arrays.fill(scratch, oc * outW, (oc + 1) * outW, bias != null ? bias[oc] : 0);
        }
        int iy0 = oy * p.strideH() - p.padH();
        for (int ky = 0; ky < p.kH(); ky++) {
          int iy = iy0 + p.dilationH() * ky;
          if (iy < 0 || iy >= p.inH()) {
            continue;
          }
          int rowBase = (b * p.inH() + iy) * inW;
          for (int kx = 0; kx < p.kW(); kx++) {
            int ixStart = -p.padW() + p.dilationW() * kx;
            int fBase = (ky * p.kW() + kx) * outC;
            for (int ic = 0; ic < inC; ic++) {
              for (int ox = 0; ox < outW; ox++) {
                int ix = ixStart + ox * p.strideW();
                scratch[xrow + ox] =
                    ix >= 0 && ix < inW ? in[(rowBase + ix) * inC + ic] + inOff : 0;
              }
              for (int m = 0; m < dm; m++) {
                int oc = ic * dm + m;
                int f = filter[fBase + oc];
                int base = oc * outW;
                for (int ox = 0; ox < outW; ox++) {
                  scratch[base + ox] += f * scratch[xrow + ox];
                }
              }
            }
          }
        }
        int outBase = (b * p.outH() + oy) * outW * outC;
        for (int oc = 0; oc < outC; oc++) {
          int base = oc * outW;
          for (int ox = 0; ox < outW; ox++) {
            out[outBase + ox * outC + oc] = p.requantize(scratch[base + ox], oc);
          }
        }
      }
    }
  }
}
