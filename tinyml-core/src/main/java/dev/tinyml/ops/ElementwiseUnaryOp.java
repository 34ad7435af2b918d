package dev.tinyml.ops;

import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * What the element-wise functions of one input share (ABS, SQRT, RSQRT, EXP, LOG, FLOOR, ROUND,
 * ELU, HARD_SWISH): input and output of one type and count, the float32 function, and for other
 * types the quantized kernel of the op, where TFLM has one. Without one the op is float only and
 * not quantizable.
 *
 * @param <K> the quantized kernel's parameters
 */
public abstract class ElementwiseUnaryOp<K> extends BuiltinOp<ElementwiseUnaryOp.Plan<K>>
    implements TflmFootprint, Int8Rules {

  /**
   * A prepared op.
   *
   * @param type the element type
   * @param kernel the quantized kernel's parameters, null for float32
   * @param input input tensor index
   * @param output output tensor index
   * @param <K> the quantized kernel's parameters
   */
  public record Plan<K>(TensorType type, K kernel, int input, int output) implements OpPlan {}

  private final UnaryMath.Function function;

  ElementwiseUnaryOp(
      BuiltinOperator builtin, int maxVersion, String resolverMethod, UnaryMath.Function function) {
    super(builtin, maxVersion, resolverMethod);
    this.function = function;
  }

  /** Only the functions with an int8 kernel are; they override this. */
  @Override
  public boolean quantizable() {
    return false;
  }

  @Override
  public final Plan<K> prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, in, out);
    c.requireSameCount(in, out);
    K kernel = null;
    if (in.type() != TensorType.FLOAT32) {
      try {
        kernel = prepareQuantized(c, in, out);
      } catch (IllegalArgumentException e) {
        throw c.fail(e.getMessage());
      }
    }
    return new Plan<>(in.type(), kernel, c.in(0), c.out(0));
  }

  /**
   * The kernel parameters for a tensor type other than float32; the default fails, for an op TFLM
   * runs in float only.
   */
  K prepareQuantized(OpContext c, Tensor in, Tensor out) {
    throw c.unsupportedTypes();
  }

  @Override
  public final void eval(Plan<K> p, Object[] t, Scratch s) {
    if (p.type() == TensorType.FLOAT32) {
      UnaryMath.eval(function, (float[]) t[p.input()], (float[]) t[p.output()]);
    } else {
      evalQuantized(p.kernel(), t[p.input()], t[p.output()]);
    }
  }

  /** Runs the kernel {@link #prepareQuantized} planned; never called for a float-only op. */
  void evalQuantized(K kernel, Object in, Object out) {
    throw new IllegalStateException(name() + " has no quantized kernel");
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 1;
  }
}
