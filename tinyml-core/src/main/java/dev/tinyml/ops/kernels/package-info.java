/**
 * One class per op family, each with a {@code prepare} step computing a plan record (shapes,
 * paddings, quantized multipliers, clamps) and an {@code eval} step running the loop on plain
 * arrays. {@link dev.tinyml.ops.kernels.FixedPoint} holds the shared integer arithmetic: TFLite's
 * quantized multipliers and rounding shifts and gemmlowp's fixed-point exp, logistic and tanh.
 */
package dev.tinyml.ops.kernels;
