package dev.tinyml.ops;

import dev.tinyml.tflite.Tensor;

/** Ops that only reinterpret the shape (RESHAPE, SQUEEZE): the data is copied unchanged. */
public abstract class CopyOp implements Op<CopyOp.Plan> {

  /**
   * A prepared copy.
   *
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements copied
   */
  public record Plan(int input, int output, int count) implements OpPlan {}

  CopyOp() {}

  @Override
  public Plan prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    if (in.type() != out.type()) {
      throw c.unsupportedTypes();
    }
    c.requireSameCount(in, out);
    return new Plan(c.in(0), c.out(0), in.elementCount());
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    System.arraycopy(t[p.input()], 0, t[p.output()], 0, p.count());
  }
}
