package dev.tinyml.ops;

/**
 * The facets of an op that moves or selects values rather than computing new ones (copies, index
 * maps, padding, concatenation, pooling windows): by default it counts no multiply-accumulates, its
 * int8 output shares input 0's scale and zero point, and its int8 form is version 2
 * (op_version.cc); an op overrides what differs.
 *
 * @param <P> the op's plan record
 */
public interface DataMovementOp<P extends OpPlan> extends Op<P>, Int8Rules {

  /** Data movement: no arithmetic. */
  @Override
  default long macs(OpNode node) {
    return 0;
  }

  /** The values only move, so the int8 output shares the input's scale and zero point. */
  @Override
  default OutputParams outputParams() {
    return OutputParams.SHARED_WITH_INPUT;
  }

  @Override
  default int int8Version(OpNode quantized) {
    return 2;
  }
}
