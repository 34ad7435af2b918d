package dev.tinyml.ops.kernels;

/**
 * DEPTHWISE_CONV_2D over NHWC input with a {@code [1, kH, kW, inC * depthMultiplier]} filter,
 * float32 or int8 with per-channel multipliers, as TFLM's {@code DepthwiseConvPerChannel}. Output
 * channel {@code ic * depthMultiplier + m} reads input channel {@code ic}.
 */
public final class DepthwiseConv2D {

  private DepthwiseConv2D() {}

  /**
   * Shapes and parameters.
   *
   * @param batches N
   * @param inH input height
   * @param inW input width
   * @param inC input channels
   * @param outH output height
   * @param outW output width
   * @param outC output channels
   * @param kH filter height
   * @param kW filter width
   * @param depthMultiplier output channels per input channel
   * @param strideH vertical stride
   * @param strideW horizontal stride
   * @param dilationH vertical dilation
   * @param dilationW horizontal dilation
   * @param padH top padding
   * @param padW left padding
   * @param inputOffset minus the input zero point
   * @param outputOffset output zero point
   * @param multipliers per-channel multipliers (null for float)
   * @param actMin quantized clamp low
   * @param actMax quantized clamp high
   * @param floatMin float clamp low
   * @param floatMax float clamp high
   */
  public record Plan(
      int batches,
      int inH,
      int inW,
      int inC,
      int outH,
      int outW,
      int outC,
      int kH,
      int kW,
      int depthMultiplier,
      int strideH,
      int strideW,
      int dilationH,
      int dilationW,
      int padH,
      int padW,
      int inputOffset,
      int outputOffset,
      ChannelMultipliers multipliers,
      int actMin,
      int actMax,
      float floatMin,
      float floatMax) {

    /** Elements of the per-thread accumulator scratch eval needs. */
    public int scratchSize() {
      return outC;
    }

    /** Ints of scratch {@link #evalInt8Rows} needs: one output row of accumulators and inputs. */
    public int rowScratchSize() {
      return outW * outC + outW;
    }
  }

  /** Builds a plan; see {@link Conv2D#prepare} for the arguments. */
  public static Plan prepare(
      int[] inputShape,
      int[] filterShape,
      int[] outputShape,
      boolean samePadding,
      int strideH,
      int strideW,
      int dilationH,
      int dilationW,
      Activation act,
      int inputZeroPoint,
      float outputScale,
      int outputZeroPoint,
      ChannelMultipliers multipliers) {
    int inH = inputShape[1];
    int inW = inputShape[2];
    int inC = inputShape[3];
    int kH = filterShape[1];
    int kW = filterShape[2];
    int outH = outputShape[1];
    int outW = outputShape[2];
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
    if (inputShape[0] != outputShape[0]) {
      throw new IllegalArgumentException(
          "input batches " + inputShape[0] + " and output batches " + outputShape[0] + " differ");
    }
    ConvGeometry.checkOutput(samePadding, inH, kH, strideH, dilationH, outH, "height");
    ConvGeometry.checkOutput(samePadding, inW, kW, strideW, dilationW, outW, "width");
    int[] range =
        multipliers == null
            ? new int[] {0, 0}
            : act.quantizedRange(outputScale, outputZeroPoint, -128, 127);
    return new Plan(
        inputShape[0],
        inH,
        inW,
        inC,
        outH,
        outW,
        outC,
        kH,
        kW,
        outC / inC,
        strideH,
        strideW,
        dilationH,
        dilationW,
        ConvGeometry.padding(strideH, dilationH, inH, kH, outH),
        ConvGeometry.padding(strideW, dilationW, inW, kW, outW),
        -inputZeroPoint,
        outputZeroPoint,
        multipliers,
        range[0],
        range[1],
        act.floatMin(),
        act.floatMax());
  }

  /**
   * Float eval. Each output sums its taps in filter row, then column order, then adds the bias, as
   * the reference does; {@code acc} is a scratch of {@link Plan#scratchSize()} floats.
   */
  public static void evalFloat(
      Plan p, float[] in, float[] filter, float[] bias, float[] out, float[] acc) {
    int inC = p.inC();
    int outC = p.outC();
    int dm = p.depthMultiplier();
    for (int b = 0; b < p.batches(); b++) {
      for (int oy = 0; oy < p.outH(); oy++) {
        int iy0 = oy * p.strideH() - p.padH();
        int ky0 = ConvGeometry.firstTap(iy0, p.dilationH(), p.kH());
        int ky1 = ConvGeometry.endTap(iy0, p.dilationH(), p.kH(), p.inH());
        for (int ox = 0; ox < p.outW(); ox++) {
          int ix0 = ox * p.strideW() - p.padW();
          int kx0 = ConvGeometry.firstTap(ix0, p.dilationW(), p.kW());
          int kx1 = ConvGeometry.endTap(ix0, p.dilationW(), p.kW(), p.inW());
          java.util.Arrays.fill(acc, 0, outC, 0f);
          for (int ky = ky0; ky < ky1; ky++) {
            int iy = iy0 + p.dilationH() * ky;
            for (int kx = kx0; kx < kx1; kx++) {
              int ix = ix0 + p.dilationW() * kx;
              int inBase = ((b * p.inH() + iy) * p.inW() + ix) * inC;
              int fBase = (ky * p.kW() + kx) * outC;
              for (int ic = 0; ic < inC; ic++) {
                float x = in[inBase + ic];
                int oc0 = ic * dm;
                for (int m = 0; m < dm; m++) {
                  acc[oc0 + m] += x * filter[fBase + oc0 + m];
                }
              }
            }
          }
          int outBase = ((b * p.outH() + oy) * p.outW() + ox) * outC;
          for (int oc = 0; oc < outC; oc++) {
            float v = acc[oc] + (bias != null ? bias[oc] : 0f);
            out[outBase + oc] = Activation.clamp(v, p.floatMin(), p.floatMax());
          }
        }
      }
    }
  }

  /** Int8 eval; {@code acc} is a scratch of {@link Plan#scratchSize()} ints. */
  public static void evalInt8(Plan p, byte[] in, byte[] filter, int[] bias, byte[] out, int[] acc) {
    int inC = p.inC();
    int outC = p.outC();
    int dm = p.depthMultiplier();
    int inOff = p.inputOffset();
    int[] mult = p.multipliers().multiplier();
    int[] shift = p.multipliers().shift();
    for (int b = 0; b < p.batches(); b++) {
      for (int oy = 0; oy < p.outH(); oy++) {
        int iy0 = oy * p.strideH() - p.padH();
        int ky0 = ConvGeometry.firstTap(iy0, p.dilationH(), p.kH());
        int ky1 = ConvGeometry.endTap(iy0, p.dilationH(), p.kH(), p.inH());
        for (int ox = 0; ox < p.outW(); ox++) {
          int ix0 = ox * p.strideW() - p.padW();
          int kx0 = ConvGeometry.firstTap(ix0, p.dilationW(), p.kW());
          int kx1 = ConvGeometry.endTap(ix0, p.dilationW(), p.kW(), p.inW());
          if (bias != null) {
            System.arraycopy(bias, 0, acc, 0, outC);
          } else {
            java.util.Arrays.fill(acc, 0, outC, 0);
          }
          for (int ky = ky0; ky < ky1; ky++) {
            int iy = iy0 + p.dilationH() * ky;
            for (int kx = kx0; kx < kx1; kx++) {
              int ix = ix0 + p.dilationW() * kx;
              int inBase = ((b * p.inH() + iy) * p.inW() + ix) * inC;
              int fBase = (ky * p.kW() + kx) * outC;
              if (dm == 1) {
                for (int c = 0; c < outC; c++) {
                  acc[c] += filter[fBase + c] * (in[inBase + c] + inOff);
                }
              } else {
                for (int ic = 0; ic < inC; ic++) {
                  int x = in[inBase + ic] + inOff;
                  int oc0 = ic * dm;
                  for (int m = 0; m < dm; m++) {
                    acc[oc0 + m] += filter[fBase + oc0 + m] * x;
                  }
                }
              }
            }
          }
          int outBase = ((b * p.outH() + oy) * p.outW() + ox) * outC;
          for (int oc = 0; oc < outC; oc++) {
            int v =
                FixedPoint.multiplyByQuantizedMultiplier(acc[oc], mult[oc], shift[oc])
                    + p.outputOffset();
            v = Math.min(Math.max(v, p.actMin()), p.actMax());
            out[outBase + oc] = (byte) v;
          }
        }
      }
    }
  }

  /**
   * Int8 eval for few input channels (TFLM's loop order makes the channel loop too short to
   * vectorize): one output row at a time, the inputs a tap sees along the row are gathered first,
   * and each output channel accumulates along the row. Taps outside the image contribute {@code f *
   * 0}, which equals skipping them in integer arithmetic, so the result is bit-exact. {@code
   * scratch} holds {@link Plan#rowScratchSize()} ints.
   */
  public static void evalInt8Rows(
      Plan p, byte[] in, byte[] filter, int[] bias, byte[] out, int[] scratch) {
    int inC = p.inC();
    int outC = p.outC();
    int outW = p.outW();
    int inW = p.inW();
    int dm = p.depthMultiplier();
    int inOff = p.inputOffset();
    int xrow = outW * outC;
    int[] mult = p.multipliers().multiplier();
    int[] shift = p.multipliers().shift();
    for (int b = 0; b < p.batches(); b++) {
      for (int oy = 0; oy < p.outH(); oy++) {
        for (int oc = 0; oc < outC; oc++) {
          java.util.Arrays.fill(scratch, oc * outW, (oc + 1) * outW, bias != null ? bias[oc] : 0);
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
            int v =
                FixedPoint.multiplyByQuantizedMultiplier(scratch[base + ox], mult[oc], shift[oc])
                    + p.outputOffset();
            v = Math.min(Math.max(v, p.actMin()), p.actMax());
            out[outBase + ox * outC + oc] = (byte) v;
          }
        }
      }
    }
  }
}
