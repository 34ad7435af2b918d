package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activations;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Optional;

/** RELU, float32 or int8 (requantizing to the output's scale). */
public final class ReluOp implements Op<ReluOp.Plan>, TflmFootprint, Int8Rules {

  /**
   * A prepared ReLU.
   *
   * @param int8 the int8 requantization, null for float
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements
   */
  public record Plan(Activations.ReluPlan int8, int input, int output, int count)
      implements OpPlan {}

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.RELU;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of("AddRelu");
  }

  @Override
  public int maxVersion() {
    return 3;
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    c.requireSameCount(in, out);
    int n = in.elementCount();
    if (in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32) {
      return new Plan(null, c.in(0), c.out(0), n);
    }
    if (in.type() == TensorType.INT8 && out.type() == TensorType.INT8) {
      Activations.ReluPlan p =
          Activations.prepareReluInt8(c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out));
      return new Plan(p, c.in(0), c.out(0), n);
    }
    throw c.unsupportedTypes();
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.int8() == null) {
      Activations.reluFloat((float[]) t[p.input()], (float[]) t[p.output()], p.count());
    } else {
      Activations.reluInt8(p.int8(), (byte[]) t[p.input()], (byte[]) t[p.output()], p.count());
    }
  }

  /** The kernel computes element {@code i} from input element {@code i} only, in order. */
  @Override
  public InPlaceRule inPlace(OpNode node) {
    return InPlaceRule.elementwiseIfSameType(node);
  }

  @Override
  public int opData(OpNode node, Abi abi) {
    return 36;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }
}
