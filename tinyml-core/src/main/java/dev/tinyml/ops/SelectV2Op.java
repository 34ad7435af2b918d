package dev.tinyml.ops;

import dev.tinyml.ops.kernels.SelectV2;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** SELECT_V2: a BOOL condition picks from x or y, all three broadcast; any stored value type. */
public final class SelectV2Op extends BuiltinOp<SelectV2Op.Plan>
    implements TflmFootprint, Int8Rules {

  /**
   * A prepared select.
   *
   * @param kernel the kernel plan
   * @param condition condition tensor index
   * @param x x tensor index
   * @param y y tensor index
   * @param output output tensor index
   */
  public record Plan(SelectV2.Plan kernel, int condition, int x, int y, int output)
      implements OpPlan {}

  /** The op. */
  public SelectV2Op() {
    super(BuiltinOperator.SELECT_V2, 1, "AddSelectV2");
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor cond = c.input(0, TensorType.BOOL, "condition");
    Tensor x = c.input(1);
    Tensor y = c.input(2);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, x, y);
    OpInputs.requireSameType(c, x, out);
    SelectV2.Plan p = c.kernelPlan(() -> SelectV2.plan(cond.shape(), x.shape(), y.shape()));
    OpInputs.requireOutput(c, out, p.outputShape());
    return new Plan(p, c.in(0), c.in(1), c.in(2), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    SelectV2.eval(p.kernel(), (byte[]) t[p.condition()], t[p.x()], t[p.y()], t[p.output()]);
  }

  /** The kernel's {@code OpData}: one broadcast flag. */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.opData(1);
  }

  /** Both value inputs and the output share one set of parameters; the bool condition has none. */
  @Override
  public OutputParams outputParams() {
    return OutputParams.SHARED_WITH_ALL_INPUTS;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 1;
  }
}
