package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/**
 * A custom op of TFLM's signal library ({@code signal/micro/kernels}): registered by name, version
 * 1, with FlexBuffers options.
 *
 * @param <P> the op's plan record
 */
public abstract class SignalOp<P extends OpPlan> implements Op<P> {

  private final String name;

  SignalOp(String name) {
    this.name = name;
  }

  @Override
  public final BuiltinOperator builtin() {
    return BuiltinOperator.CUSTOM;
  }

  @Override
  public final String customName() {
    return name;
  }

  /** TFLM registers every signal op in version 1. */
  @Override
  public final int maxVersion() {
    return 1;
  }

  /** The innermost dimension of {@code t} (1 for a scalar). */
  static int lastDim(Tensor t) {
    int[] s = t.shape();
    return s.length == 0 ? 1 : s[s.length - 1];
  }

  /** Custom signal ops are not counted (as for every custom operator). */
  @Override
  public long macs(OpNode node) {
    return 0;
  }
}
