package dev.tinyml.ops;

import dev.tinyml.ops.kernels.ElementCopy;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;

/**
 * Ops whose output element {@code i} is a fixed input element (or padding), decided by static
 * shapes and constant operands: the source index of every output element is planned once and eval
 * is a gather over any element type. Subclasses compute the mapping.
 */
public abstract class IndexMapOp extends BuiltinOp<IndexMapOp.Plan>
    implements TflmFootprint, DataMovementOp<IndexMapOp.Plan> {

  /**
   * A prepared mapping.
   *
   * @param source flat input index per flat output element, -1 for padding
   * @param padded whether any element is padding
   * @param padValue the raw value of padding (the output zero point, 0 for float)
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(int[] source, boolean padded, int padValue, int input, int output)
      implements OpPlan {}

  /** The mapping an op computes: the output shape and each output element's source. */
  protected record Mapping(int[] outputShape, int[] source) {}

  IndexMapOp(BuiltinOperator builtin, int maxVersion, String resolverMethod) {
    super(builtin, maxVersion, resolverMethod);
  }

  /**
   * Computes the mapping for input {@code in}.
   *
   * @throws IllegalArgumentException for shapes or operands the kernel refuses (reported naming the
   *     op)
   */
  protected abstract Mapping map(OpContext c, Tensor in);

  @Override
  public Plan prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, in, out);
    Mapping m;
    try {
      m = map(c, in);
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage() + " (input " + OpContext.describe(in) + ")");
    }
    OpInputs.requireOutput(c, out, m.outputShape());
    boolean padded = false;
    for (int s : m.source()) {
      if (s < 0) {
        padded = true;
        break;
      }
    }
    int pad = OpInputs.quantized(out.type()) ? c.zeroPoint(out) : 0;
    return new Plan(m.source(), padded, pad, c.in(0), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.padded()) {
      ElementCopy.fill(t[p.output()], p.padValue());
    }
    ElementCopy.gather(p.source(), t[p.input()], t[p.output()]);
  }
}
