/**
 * Post-training int8 quantization as TensorFlow Lite defines it: the arithmetic ({@link
 * dev.tinyml.quant.QuantMath}; multipliers come from the interpreter's {@code FixedPoint}), error
 * statistics ({@link dev.tinyml.quant.ErrorStats}), histograms and the calibration observers that
 * turn observed activations into ranges ({@link dev.tinyml.quant.CalibrationMethod}).
 */
package dev.tinyml.quant;
