package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activations;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.LeakyReluOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Optional;

/** LEAKY_RELU, float32 or int8. */
public final class LeakyReluOp implements Op<LeakyReluOp.Plan>, TflmFootprint, Int8Rules {

  /**
   * A prepared leaky ReLU.
   *
   * @param alpha the negative slope (float)
   * @param int8 the int8 multipliers, null for float
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements
   */
  public record Plan(float alpha, Activations.LeakyReluPlan int8, int input, int output, int count)
      implements OpPlan {}

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.LEAKY_RELU;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of("AddLeakyRelu");
  }

  @Override
  public int maxVersion() {
    return 2;
  }

  @Override
  public Plan prepare(OpContext c) {
    float alpha = c.options(LeakyReluOptions.class).alpha();
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    c.requireSameCount(in, out);
    int n = in.elementCount();
    if (in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32) {
      return new Plan(alpha, null, c.in(0), c.out(0), n);
    }
    if (in.type() == TensorType.INT8 && out.type() == TensorType.INT8) {
      Activations.LeakyReluPlan p =
          Activations.prepareLeakyReluInt8(
              c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out), alpha);
      return new Plan(alpha, p, c.in(0), c.out(0), n);
    }
    throw c.unsupportedTypes();
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.int8() == null) {
      Activations.leakyReluFloat(
          p.alpha(), (float[]) t[p.input()], (float[]) t[p.output()], p.count());
    } else {
      Activations.leakyReluInt8(p.int8(), (byte[]) t[p.input()], (byte[]) t[p.output()], p.count());
    }
  }

  /** The kernel computes element {@code i} from input element {@code i} only, in order. */
  @Override
  public InPlaceRule inPlace(OpNode node) {
    return InPlaceRule.elementwiseIfSameType(node);
  }

  @Override
  public CStruct builtinParams(OpNode node, Abi abi) {
    return new CStruct(4, 4);
  }

  @Override
  public int opData(OpNode node, Abi abi) {
    return 24;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 1;
  }
}
