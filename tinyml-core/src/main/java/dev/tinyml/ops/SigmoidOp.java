package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Logistic;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** What LOGISTIC and TANH share: float32 or int8 element-wise, one input multiplier. */
public abstract class SigmoidOp implements Op<SigmoidOp.Plan>, TflmFootprint {

  /**
   * A prepared logistic or tanh.
   *
   * @param int8 the int8 input multiplier and range, null for float
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements
   */
  public record Plan(Logistic.Plan int8, int input, int output, int count) implements OpPlan {}

  SigmoidOp() {}

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
      checkInt8Output(c, out);
      return new Plan(Logistic.prepareInt8(c.scale(in), c.zeroPoint(in)), c.in(0), c.out(0), n);
    }
    throw c.unsupportedTypes();
  }

  /** Fails when the int8 output's quantization does not fit the op. */
  abstract void checkInt8Output(OpContext c, Tensor out);

  /** The kernel computes element {@code i} from input element {@code i} only, in order. */
  @Override
  public InPlaceRule inPlace(OpNode node) {
    return InPlaceRule.elementwiseIfSameType(node);
  }

  @Override
  public int opData(OpNode node, Abi abi) {
    return 16;
  }
}
