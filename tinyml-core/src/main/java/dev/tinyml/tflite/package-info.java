/**
 * The TFLite FlatBuffer format in pure Java: a mutable object model of schema version 3 ({@link
 * dev.tinyml.tflite.Model} and friends), a bounds-checked reader ({@link
 * dev.tinyml.tflite.TfliteReader}), a validating, deterministic writer ({@link
 * dev.tinyml.tflite.TfliteWriter}) and a model summary ({@link dev.tinyml.tflite.ModelSummary}).
 * Fields and options the object model does not cover are kept and written back unchanged. All
 * malformed input is reported as {@link dev.tinyml.tflite.TfliteFormatException}.
 */
package dev.tinyml.tflite;
