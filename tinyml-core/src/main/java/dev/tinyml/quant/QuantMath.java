package dev.tinyml.quant;

import dev.tinyml.ops.kernels.FixedPoint;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The quantization arithmetic of TFLite's int8 scheme, reproduced rule for rule.
 *
 * <ul>
 *   <li>Activations: asymmetric per-tensor int8 in [-128, 127]. The range is widened to hold 0 and,
 *       if narrower than 1e-6, widened to at least that; the scale is computed in float as {@code
 *       (max - min) / 255} and the zero point {@code -128 - min / scale} is rounded half away from
 *       zero and clamped (the converter's "legacy float scale" rule, which TensorFlow's Python
 *       converter uses).
 *   <li>Weights: symmetric int8 in [-127, 127] with zero point 0, per channel or per tensor, scale
 *       {@code max|w| / 127}; values are {@code round(w * (1 / scale))}.
 *   <li>Bias: int32 with scale {@code inputScale * weightScale} and zero point 0, clamped to
 *       [-(2^31 - 1), 2^31 - 1].
 * </ul>
 */
public final class QuantMath {

  /** Smallest int8 value. */
  public static final int INT8_MIN = -128;

  /** Largest int8 value. */
  public static final int INT8_MAX = 127;

  /** Bound of symmetric ("narrow range") int8 weights: values lie in [-127, 127]. */
  public static final int WEIGHT_MAX = 127;

  /** Ranges narrower than this are widened, so that scales stay far from zero. */
  static final double NEAR_ZERO_RANGE = 1.0e-6;

  private QuantMath() {}

  /**
   * Rounds half away from zero ({@code std::round}), unlike {@link Math#round(double)}, which
   * rounds half up.
   *
   * @param x the value
   * @return the nearest integer, ties away from zero
   */
  public static long roundHalfAwayFromZero(double x) {
    return (long) FixedPoint.roundHalfAway(x);
  }

  /**
   * The int8 parameters of an activation tensor observed in [{@code min}, {@code max}].
   *
   * @param min the smallest observed real value
   * @param max the largest observed real value
   * @return scale and zero point; the range always holds 0 exactly
   * @throws IllegalArgumentException if a bound is not finite or {@code min > max}
   */
  public static QuantParams activationParams(double min, double max) {
    checkActivationRange(min, max);
    double lo = Math.min(min, 0.0);
    double hi = Math.max(max, 0.0);
    if (hi - lo <= NEAR_ZERO_RANGE) {
      lo = Math.min(lo, -NEAR_ZERO_RANGE / 2);
      hi = Math.max(hi, NEAR_ZERO_RANGE / 2);
    }
    float scale = ((float) hi - (float) lo) / (float) (INT8_MAX - INT8_MIN);
    float zeroPointFromMin = (float) (INT8_MIN - lo / scale);
    int zeroPoint;
    if (zeroPointFromMin < INT8_MIN) {
      zeroPoint = INT8_MIN;
    } else if (zeroPointFromMin > INT8_MAX) {
      zeroPoint = INT8_MAX;
    } else {
      zeroPoint = (int) roundHalfAwayFromZero(zeroPointFromMin);
    }
    return new QuantParams(scale, zeroPoint);
  }

  private static void checkActivationRange(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException(
          "activation range must be finite, got [" + min + ", " + max + "]");
    }
    if (min > max) {
      throw new IllegalArgumentException(
          "activation range has min > max: [" + min + ", " + max + "]");
    }
  }

  /** The largest int16 value; symmetric int16 activations use [-32767, 32767]. */
  public static final int INT16_MAX = 32767;

  /**
   * The int16 parameters of an activation tensor observed in [{@code min}, {@code max}] under the
   * 16x8 scheme: symmetric, zero point 0, scale {@code max(|min|, |max|) / 32767} in float, as
   * TFLite's {@code GetSymmetricQuantizationParams}; a range narrower than 1e-6 is widened to ±5e-7
   * as for int8.
   *
   * @param min the smallest observed real value
   * @param max the largest observed real value
   * @return scale and zero point 0
   * @throws IllegalArgumentException if a bound is not finite or {@code min > max}
   */
  public static QuantParams int16ActivationParams(double min, double max) {
    checkActivationRange(min, max);
    float absMax = Math.max(Math.abs((float) min), Math.abs((float) max));
    absMax = Math.max(absMax, (float) (NEAR_ZERO_RANGE / 2));
    return new QuantParams(absMax / INT16_MAX, 0);
  }

  /**
   * Quantizes values to little-endian int16 with zero point 0: {@code round(x / scale)}, half away
   * from zero, clamped to [-32768, 32767], as TFLM's {@code AffineQuantize}.
   *
   * @param src real values
   * @param scale the tensor's scale
   * @return two bytes per value
   */
  public static byte[] quantizeInt16(float[] src, float scale) {
    ByteBuffer out = ByteBuffer.allocate(src.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : src) {
      long q = roundHalfAwayFromZero(v / scale);
      out.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, q)));
    }
    return out.array();
  }

  /**
   * The scale of symmetric int8 weights whose largest magnitude is {@code absMax}: {@code absMax /
   * 127}, with the same widening of tiny ranges as activations (an all-zero channel gets scale 1e-6
   * / 254).
   *
   * @param absMax the largest absolute value, finite and non-negative
   * @return the scale, positive
   */
  public static float symmetricScale(double absMax) {
    if (!Double.isFinite(absMax) || absMax < 0) {
      throw new IllegalArgumentException("weight magnitude must be finite and >= 0: " + absMax);
    }
    double half = Math.max(absMax, NEAR_ZERO_RANGE / 2);
    return ((float) half - (float) -half) / (float) (2 * WEIGHT_MAX);
  }

  /**
   * Quantizes weights symmetrically with one scale per channel along {@code axis} (axis 0 for
   * conv's OHWI filters, 3 for depthwise's 1HWC filters, 0 for fully connected's [out, in]).
   *
   * @param weights the float weights in row-major order of {@code shape}
   * @param shape the tensor shape
   * @param axis the channel dimension
   * @return int8 values and one scale per channel
   * @throws IllegalArgumentException for NaN or infinite weights, naming the flat index
   */
  public static QuantizedWeights quantizeWeightsPerChannel(float[] weights, int[] shape, int axis) {
    return quantizeWeightsPerChannel(weights, shape, axis, null);
  }

  /**
   * Quantizes weights per channel with a lower bound on each channel's range, as the converter's
   * {@code AdjustWeightsForBiasScale} widens a weight range whose scale would make the bias
   * overflow int32 (see {@link #minWeightRangeForBias}).
   *
   * @param weights the float weights in row-major order of {@code shape}
   * @param shape the tensor shape
   * @param axis the channel dimension
   * @param minAbsMax per channel, the least half-range to use; null for none
   * @return int8 values and one scale per channel
   */
  public static QuantizedWeights quantizeWeightsPerChannel(
      float[] weights, int[] shape, int axis, double[] minAbsMax) {
    checkShape(weights, shape);
    if (axis < 0 || axis >= shape.length) {
      throw new IllegalArgumentException(
          "channel axis " + axis + " outside a tensor of rank " + shape.length);
    }
    int channels = shape[axis];
    int inner = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    double[] absMax = new double[channels];
    for (int i = 0; i < weights.length; i++) {
      float w = checkFinite(weights[i], i);
      int c = (i / inner) % channels;
      absMax[c] = Math.max(absMax[c], Math.abs(w));
    }
    float[] scales = new float[channels];
    float[] inverse = new float[channels];
    for (int c = 0; c < channels; c++) {
      if (minAbsMax != null) {
        absMax[c] = Math.max(absMax[c], minAbsMax[c]);
      }
      scales[c] = symmetricScale(absMax[c]);
      inverse[c] = (float) (1.0 / scales[c]);
    }
    byte[] values = new byte[weights.length];
    for (int i = 0; i < weights.length; i++) {
      values[i] =
          (byte) clampWeight(roundHalfAwayFromZero(weights[i] * inverse[(i / inner) % channels]));
    }
    return new QuantizedWeights(values, scales, axis, true);
  }

  /**
   * Quantizes weights symmetrically with a single scale.
   *
   * @param weights the float weights
   * @return int8 values and their one scale
   * @throws IllegalArgumentException for NaN or infinite weights, naming the flat index
   */
  public static QuantizedWeights quantizeWeightsPerTensor(float[] weights) {
    return quantizeWeightsPerTensor(weights, 0);
  }

  /**
   * Quantizes weights with a single scale and a lower bound on the range (see {@link
   * #minWeightRangeForBias}).
   *
   * @param weights the float weights
   * @param minAbsMax the least half-range to use
   * @return int8 values and their one scale
   */
  public static QuantizedWeights quantizeWeightsPerTensor(float[] weights, double minAbsMax) {
    double absMax = minAbsMax;
    for (int i = 0; i < weights.length; i++) {
      absMax = Math.max(absMax, Math.abs(checkFinite(weights[i], i)));
    }
    float scale = symmetricScale(absMax);
    float inverse = (float) (1.0 / scale);
    byte[] values = new byte[weights.length];
    for (int i = 0; i < weights.length; i++) {
      values[i] = (byte) clampWeight(roundHalfAwayFromZero(weights[i] * inverse));
    }
    return new QuantizedWeights(values, new float[] {scale}, 0, false);
  }

  /**
   * The least weight half-range for which a bias value {@code bias} still fits int32 with room to
   * spare: the converter widens the weight range to {@code 2 |b| / (2^31 - 1) * 127 / inputScale}
   * when {@code |b| >= 0.5 * inputScale * weightScale * (2^31 - 1)}, which puts the quantized bias
   * at about half the int32 range. Below that threshold the weights' own range is kept.
   *
   * @param bias the float bias value (or the largest magnitude, per tensor)
   * @param inputScale the scale of the op's input
   * @param absMax the weights' own half-range
   * @return {@code absMax}, or the widened half-range
   */
  public static double minWeightRangeForBias(double bias, double inputScale, double absMax) {
    double weightScale = symmetricScale(absMax);
    if (Math.abs(bias) >= 0.5 * inputScale * weightScale * Integer.MAX_VALUE) {
      return Math.max(absMax, 2.0 * Math.abs(bias) / Integer.MAX_VALUE * (WEIGHT_MAX / inputScale));
    }
    return absMax;
  }

  /**
   * The scales of an int32 bias: {@code inputScale * weightScale[c]} per output channel (a single
   * weight scale serves all channels).
   *
   * @param inputScale the scale of the layer's input activation
   * @param weightScales the weight scales, one or one per channel
   * @param channels the number of bias values
   * @return one scale per bias value
   */
  public static float[] biasScales(float inputScale, float[] weightScales, int channels) {
    if (weightScales.length != 1 && weightScales.length != channels) {
      throw new IllegalArgumentException(
          "bias has "
              + channels
              + " values but the weights have "
              + weightScales.length
              + " scales");
    }
    float[] scales = new float[channels];
    for (int c = 0; c < channels; c++) {
      scales[c] = inputScale * weightScales[weightScales.length == 1 ? 0 : c];
    }
    return scales;
  }

  /**
   * Quantizes a bias to int32: {@code round(b * (1 / scale))}, clamped to ±(2^31 - 1).
   *
   * @param bias the float bias
   * @param scales one scale per value (see {@link #biasScales})
   * @return the int32 values
   */
  public static int[] quantizeBias(float[] bias, float[] scales) {
    long[] wide = quantizeBias64(bias, scales);
    int[] out = new int[wide.length];
    for (int i = 0; i < wide.length; i++) {
      out[i] = (int) Math.max(-Integer.MAX_VALUE, Math.min(Integer.MAX_VALUE, wide[i]));
    }
    return out;
  }

  /**
   * Quantizes a bias to int64 (16x8 convolutions and dense layers): {@code round(b * (1 / scale))},
   * as {@link #quantizeBias} but without its int32 clamp.
   *
   * @param bias the float bias
   * @param scales one scale per value (see {@link #biasScales})
   * @return the int64 values
   */
  public static long[] quantizeBias64(float[] bias, float[] scales) {
    if (bias.length != scales.length) {
      throw new IllegalArgumentException(
          "bias has " + bias.length + " values but " + scales.length + " scales");
    }
    long[] out = new long[bias.length];
    for (int i = 0; i < bias.length; i++) {
      float b = checkFinite(bias[i], i);
      float inverse = scales[i] == 0 ? 0f : (float) (1.0 / scales[i]);
      out[i] = roundHalfAwayFromZero(b * inverse);
    }
    return out;
  }

  /**
   * Quantizes {@code length} values of {@code src} from {@code srcOffset} into {@code dst} from
   * {@code dstOffset}, as {@link QuantParams#quantize(float)} does.
   *
   * @param src real values
   * @param srcOffset first index read
   * @param dst int8 output
   * @param dstOffset first index written
   * @param length number of values
   * @param params the tensor's parameters
   */
  public static void quantize(
      float[] src, int srcOffset, byte[] dst, int dstOffset, int length, QuantParams params) {
    for (int i = 0; i < length; i++) {
      dst[dstOffset + i] = (byte) params.quantize(src[srcOffset + i]);
    }
  }

  /**
   * Quantizes a whole array.
   *
   * @param src real values
   * @param params the tensor's parameters
   * @return the int8 values
   */
  public static byte[] quantize(float[] src, QuantParams params) {
    byte[] out = new byte[src.length];
    quantize(src, 0, out, 0, src.length, params);
    return out;
  }

  /**
   * Dequantizes {@code length} values, each as {@link QuantParams#dequantize(int)} does.
   *
   * @param src int8 values
   * @param srcOffset first index read
   * @param dst real output
   * @param dstOffset first index written
   * @param length number of values
   * @param params the tensor's parameters
   */
  public static void dequantize(
      byte[] src, int srcOffset, float[] dst, int dstOffset, int length, QuantParams params) {
    for (int i = 0; i < length; i++) {
      dst[dstOffset + i] = params.dequantize(src[srcOffset + i]);
    }
  }

  /**
   * Dequantizes a whole array.
   *
   * @param src int8 values
   * @param params the tensor's parameters
   * @return the real values
   */
  public static float[] dequantize(byte[] src, QuantParams params) {
    float[] out = new float[src.length];
    dequantize(src, 0, out, 0, src.length, params);
    return out;
  }

  /**
   * Dequantizes symmetric weights (zero point 0) per channel.
   *
   * @param weights the quantized weights
   * @param shape the tensor shape
   * @return the real values
   */
  public static float[] dequantize(QuantizedWeights weights, int[] shape) {
    byte[] values = weights.values();
    float[] out = new float[values.length];
    if (!weights.perChannel()) {
      for (int i = 0; i < values.length; i++) {
        out[i] = weights.scales()[0] * values[i];
      }
      return out;
    }
    int channels = shape[weights.axis()];
    int inner = 1;
    for (int d = weights.axis() + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    for (int i = 0; i < values.length; i++) {
      out[i] = weights.scales()[(i / inner) % channels] * values[i];
    }
    return out;
  }

  private static int clampWeight(long q) {
    return (int) Math.max(-WEIGHT_MAX, Math.min(WEIGHT_MAX, q));
  }

  private static float checkFinite(float value, int index) {
    if (!Float.isFinite(value)) {
      throw new IllegalArgumentException(
          "value at flat index " + index + " is " + value + "; quantization needs finite values");
    }
    return value;
  }

  private static void checkShape(float[] values, int[] shape) {
    long count = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "negative dimension in shape " + java.util.Arrays.toString(shape));
      }
      count *= d;
    }
    if (count != values.length) {
      throw new IllegalArgumentException(
          "shape "
              + java.util.Arrays.toString(shape)
              + " holds "
              + count
              + " values but the array has "
              + values.length);
    }
  }
}
