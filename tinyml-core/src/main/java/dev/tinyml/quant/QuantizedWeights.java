package dev.tinyml.quant;

/**
 * Symmetric int8 weights with their scales (zero points are all 0).
 *
 * @param values the int8 values in the tensor's layout, each in [-127, 127]
 * @param scales one scale per channel along {@code axis}, or a single scale for per-tensor
 * @param axis the quantized dimension (0 for per-tensor)
 * @param perChannel whether {@code scales} holds one scale per channel
 */
public record QuantizedWeights(byte[] values, float[] scales, int axis, boolean perChannel) {}
