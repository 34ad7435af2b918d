package dev.tinyml.tflite;

import java.util.Arrays;
import java.util.Objects;

/**
 * Affine quantization of a tensor: {@code real = scale * (q - zeroPoint)}, per tensor (one scale)
 * or per channel along {@link #quantizedDimension()}. Immutable; accessors return copies. Absent
 * vectors are empty arrays.
 */
public final class QuantizationParameters {
  private static final float[] NO_FLOATS = new float[0];
  private static final long[] NO_LONGS = new long[0];

  private final float[] min;
  private final float[] max;
  private final float[] scale;
  private final long[] zeroPoint;
  private final int quantizedDimension;
  private final RawTable unknownFields;

  /**
   * @param min per-channel minimum real values (for importing back into TensorFlow), or null
   * @param max per-channel maximum real values, or null
   * @param scale scales, or null
   * @param zeroPoint zero points, or null
   * @param quantizedDimension the dimension {@code scale} and {@code zeroPoint} run along
   */
  public QuantizationParameters(
      float[] min, float[] max, float[] scale, long[] zeroPoint, int quantizedDimension) {
    this(min, max, scale, zeroPoint, quantizedDimension, null);
  }

  QuantizationParameters(
      float[] min,
      float[] max,
      float[] scale,
      long[] zeroPoint,
      int quantizedDimension,
      RawTable unknownFields) {
    this.min = min == null ? NO_FLOATS : min.clone();
    this.max = max == null ? NO_FLOATS : max.clone();
    this.scale = scale == null ? NO_FLOATS : scale.clone();
    this.zeroPoint = zeroPoint == null ? NO_LONGS : zeroPoint.clone();
    this.quantizedDimension = quantizedDimension;
    this.unknownFields = unknownFields == null || unknownFields.isEmpty() ? null : unknownFields;
  }

  /** One scale and zero point for the whole tensor. */
  public static QuantizationParameters perTensor(float scale, long zeroPoint) {
    return new QuantizationParameters(null, null, new float[] {scale}, new long[] {zeroPoint}, 0);
  }

  /** One scale and zero point per slice along dimension {@code dim}. */
  public static QuantizationParameters perChannel(float[] scales, long[] zeroPoints, int dim) {
    return new QuantizationParameters(null, null, scales, zeroPoints, dim);
  }

  /** Minimum real values (empty if absent). */
  public float[] min() {
    return min.clone();
  }

  /** Maximum real values (empty if absent). */
  public float[] max() {
    return max.clone();
  }

  /** Scales (empty if absent). */
  public float[] scale() {
    return scale.clone();
  }

  /** Zero points (empty if absent). */
  public long[] zeroPoint() {
    return zeroPoint.clone();
  }

  /** The dimension the per-channel parameters run along. */
  public int quantizedDimension() {
    return quantizedDimension;
  }

  /** Whether there is more than one scale. */
  public boolean isPerChannel() {
    return scale.length > 1;
  }

  /** Whether at least one scale is present. */
  public boolean hasScale() {
    return scale.length > 0;
  }

  /**
   * Fields the library does not model ({@code details}, i.e. custom quantization, and fields of
   * newer schemas), or {@code null}.
   */
  public RawTable unknownFields() {
    return unknownFields;
  }

  boolean isEmpty() {
    return min.length == 0
        && max.length == 0
        && scale.length == 0
        && zeroPoint.length == 0
        && quantizedDimension == 0
        && unknownFields == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantizationParameters q
        && Arrays.equals(min, q.min)
        && Arrays.equals(max, q.max)
        && Arrays.equals(scale, q.scale)
        && Arrays.equals(zeroPoint, q.zeroPoint)
        && quantizedDimension == q.quantizedDimension
        && Objects.equals(unknownFields, q.unknownFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(min),
        Arrays.hashCode(max),
        Arrays.hashCode(scale),
        Arrays.hashCode(zeroPoint),
        quantizedDimension,
        unknownFields);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("scale=").append(Arrays.toString(scale));
    s.append(" zeroPoint=").append(Arrays.toString(zeroPoint));
    if (isPerChannel()) {
      s.append(" dim=").append(quantizedDimension);
    }
    return s.toString();
  }
}
