package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Activations;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Optional;

/** RELU6, float32 or int8 (clamping in the input's quantization). */
public final class Relu6Op implements Op<Relu6Op.Plan>, TflmFootprint, Int8Rules {

  /**
   * A prepared ReLU6.
   *
   * @param isFloat true for the float kernel, false for int8
   * @param zero the quantized 0 (int8)
   * @param six the quantized 6 (int8)
   * @param input input tensor index
   * @param output output tensor index
   * @param count elements
   */
  public record Plan(boolean isFloat, int zero, int six, int input, int output, int count)
      implements OpPlan {}

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.RELU6;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of("AddRelu6");
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
      return new Plan(true, 0, 0, c.in(0), c.out(0), n);
    }
    if (in.type() == TensorType.INT8 && out.type() == TensorType.INT8) {
      int[] b = Activations.relu6Int8Bounds(c.scale(in), c.zeroPoint(in));
      return new Plan(false, b[0], b[1], c.in(0), c.out(0), n);
    }
    throw c.unsupportedTypes();
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (p.isFloat()) {
      Activations.relu6Float((float[]) t[p.input()], (float[]) t[p.output()], p.count());
    } else {
      Activations.relu6Int8(
          p.zero(), p.six(), (byte[]) t[p.input()], (byte[]) t[p.output()], p.count());
    }
  }

  /** The kernel computes element {@code i} from input element {@code i} only, in order. */
  @Override
  public InPlaceRule inPlace(OpNode node) {
    return InPlaceRule.elementwiseIfSameType(node);
  }

  @Override
  public int opData(OpNode node, Abi abi) {
    return 8;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }
}
