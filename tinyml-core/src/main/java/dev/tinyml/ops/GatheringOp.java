package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.function.Function;

/**
 * What GATHER and GATHER_ND share: values of any stored type picked by INT32 indices read at run
 * time (an index outside the values fails the invoke), keeping the values' quantization.
 *
 * @param <K> the kernel's plan
 */
public abstract class GatheringOp<K> extends BuiltinOp<GatheringOp.Plan<K>>
    implements TflmFootprint, Int8Rules {

  /**
   * A prepared gather.
   *
   * @param kernel the kernel plan
   * @param input params tensor index
   * @param indices indices tensor index
   * @param output output tensor index
   * @param <K> the kernel's plan
   */
  public record Plan<K>(K kernel, int input, int indices, int output) implements OpPlan {}

  /** Plans the kernel for values and indices of the shapes given. */
  interface Planner<K> {
    K plan(OpContext c, int[] values, int[] indices);
  }

  /** Runs the kernel. */
  interface Kernel<K> {
    void eval(K plan, Object values, int[] indices, Object out);
  }

  private final int int8Version;
  private final Planner<K> planner;
  private final Function<K, int[]> outputShape;
  private final Kernel<K> kernel;

  /**
   * The op for {@code builtin}, whose int8 operator has version {@code int8Version}, planned by
   * {@code planner} into a plan with {@code outputShape} and run by {@code kernel}.
   */
  GatheringOp(
      BuiltinOperator builtin,
      int maxVersion,
      String resolverMethod,
      int int8Version,
      Planner<K> planner,
      Function<K, int[]> outputShape,
      Kernel<K> kernel) {
    super(builtin, maxVersion, resolverMethod);
    this.int8Version = int8Version;
    this.planner = planner;
    this.outputShape = outputShape;
    this.kernel = kernel;
  }

  @Override
  public final Plan<K> prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor idx = c.input(1);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, in, out);
    c.requireType(idx, TensorType.INT32, "indices");
    K p = KernelPlans.planned(c, () -> planner.plan(c, in.shape(), idx.shape()));
    OpInputs.requireOutput(c, out, outputShape.apply(p));
    return new Plan<>(p, c.in(0), c.in(1), c.out(0));
  }

  @Override
  public final void eval(Plan<K> p, Object[] t, Scratch s) {
    kernel.eval(p.kernel(), t[p.input()], (int[]) t[p.indices()], t[p.output()]);
  }

  /** Gathered values keep the parameters of the values (a constant table included). */
  @Override
  public OutputParams outputParams() {
    return OutputParams.SHARED_WITH_INPUT;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return int8Version;
  }

  /** Data movement: no arithmetic. */
  @Override
  public long macs(OpNode node) {
    return 0;
  }
}
