package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/**
 * The base of an op whose output 0 holds as many elements as its input 0 (activations, casts,
 * quantization, copies, normalizations over the last axis): the base fetches both tensors and
 * checks the counts; the op plans from them.
 *
 * @param <P> the op's plan record
 */
public abstract class ElementMapOp<P extends OpPlan> extends BuiltinOp<P> {

  /** A plan of an element-wise op: which tensors, and how many elements. */
  public interface ElementwisePlan extends OpPlan {
    /** Input tensor index. */
    int input();

    /** Output tensor index. */
    int output();

    /** Elements. */
    int count();
  }

  ElementMapOp(BuiltinOperator builtin, int maxVersion, String resolverMethod) {
    super(builtin, maxVersion, resolverMethod);
  }

  @Override
  public final P prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    c.requireSameCount(in, out);
    return plan(c, in, out);
  }

  /**
   * The plan for input {@code in} and output {@code out} of as many elements.
   *
   * @throws OpException (through {@link OpContext#fail}) when a type mix, shape or option is not
   *     supported
   */
  abstract P plan(OpContext c, Tensor in, Tensor out);
}
