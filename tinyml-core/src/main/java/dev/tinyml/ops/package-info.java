/**
 * The op registry: one class per TFLite builtin operator (and per TFLM signal-library custom op)
 * that owns everything about that op — its newest supported version, its prepare step computing a
 * typed, inspectable plan record, and its eval step running the kernel on the plan.
 *
 * <p>{@link dev.tinyml.ops.OpRegistry} finds an {@link dev.tinyml.ops.Op} by builtin code or custom
 * name. {@link dev.tinyml.ops.Op#prepare} reads the operator through an {@link
 * dev.tinyml.ops.OpContext} and fails with an {@link dev.tinyml.ops.OpException} naming the op;
 * {@link dev.tinyml.ops.Op#eval} runs over plain arrays with a {@link dev.tinyml.ops.Scratch}. The
 * loops themselves are pure functions in {@link dev.tinyml.ops.kernels}. To add an op, write one
 * class implementing {@code Op} and register it in {@code OpRegistry}.
 */
package dev.tinyml.ops;
