package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/**
 * What ZEROS_LIKE, FILL and SHAPE share: an output made without reading the input's values, so no
 * arithmetic, and one plan record.
 */
public abstract class TensorCreationOp extends BuiltinOp<TensorCreationOp.Plan>
    implements TflmFootprint {

  /**
   * A prepared op.
   *
   * @param shape SHAPE's value, null for the others
   * @param input input tensor index (FILL: the value)
   * @param output output tensor index
   */
  public record Plan(int[] shape, int input, int output) implements OpPlan {}

  TensorCreationOp(BuiltinOperator builtin, int maxVersion, String resolverMethod) {
    super(builtin, maxVersion, resolverMethod);
  }

  @Override
  public final Plan prepare(OpContext c) {
    return prepare(c, c.output(0));
  }

  /** Checks the op's tensors and plans it, for the op's output {@code out}. */
  abstract Plan prepare(OpContext c, Tensor out);

  /** No arithmetic. */
  @Override
  public long macs(OpNode node) {
    return 0;
  }
}
