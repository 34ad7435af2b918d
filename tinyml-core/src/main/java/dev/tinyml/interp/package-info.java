/**
 * The reference interpreter engine: runs float32 and int8 TFLite models and computes exactly what
 * TensorFlow Lite Micro's reference kernels compute.
 *
 * <p>{@link dev.tinyml.interp.PreparedModel#prepare} validates a {@link dev.tinyml.tflite.Model},
 * looks every operator up in {@link dev.tinyml.ops.OpRegistry} and keeps the plan its op computed;
 * the prepared model is immutable and shared between threads. Each thread runs it through its own
 * {@link dev.tinyml.interp.Interpreter}, filling inputs and reading outputs through {@link
 * dev.tinyml.interp.TensorBuffer}. {@link dev.tinyml.interp.Prediction} is the one-call form used
 * by the {@code predict} goal. Errors are {@link dev.tinyml.interp.InterpreterException}s naming
 * the op index, op name and tensors.
 */
package dev.tinyml.interp;
