package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

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

  /**
   * The op's typed input 0 and output 0, the head every signal op's prepare starts with.
   *
   * @param in input 0
   * @param out output 0
   */
  record Io(Tensor in, Tensor out) {
    /** Whether input and output hold as many values. */
    boolean sameCount() {
      return in.elementCount() == out.elementCount();
    }

    /** The start of a mismatch error: "input ... must match output ...". */
    String mustMatch() {
      return "input " + OpContext.describe(in) + " must match output " + OpContext.describe(out);
    }
  }

  /** Checks and returns input 0 (of {@code inType}) and output 0 (of {@code outType}). */
  static Io io(OpContext c, TensorType inType, TensorType outType) {
    return new Io(c.input(0, inType, "input"), c.output(0, outType, "output"));
  }

  /** Whether {@code shift} is a shift count in {@code 0..max}. */
  static boolean isShift(int shift, int max) {
    return shift >= 0 && shift <= max;
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
