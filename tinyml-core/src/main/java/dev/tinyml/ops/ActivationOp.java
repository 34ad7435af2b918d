package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * The base of an activation op (RELU, RELU6, LEAKY_RELU, LOGISTIC, TANH): input 0 maps element by
 * element to output 0 of as many elements, float32 to float32 or int8 to int8 (and int16 to int16
 * where the op has an int16 kernel). The base checks the tensors, picks the plan and loop of the
 * type, and holds the TFLM and quantizer constants; an op states how it plans and runs each type.
 *
 * @param <P> the op's plan record
 */
public abstract class ActivationOp<P extends ElementMapOp.ElementwisePlan> extends ElementMapOp<P>
    implements TflmFootprint, Int8Rules {

  /**
   * The op's loop over arrays of type {@code A}.
   *
   * @param <P> the op's plan record
   * @param <A> the array type
   */
  @FunctionalInterface
  interface Loop<P, A> {
    void run(P plan, A in, A out);
  }

  private final int opData;
  private final int int8Version;
  private final Loop<P, float[]> floatLoop;
  private final Loop<P, byte[]> int8Loop;

  /**
   * An activation op.
   *
   * @param builtin the builtin code
   * @param maxVersion the newest operator version the op implements
   * @param resolverMethod the {@code MicroMutableOpResolver} method registering it
   * @param opData the size of the TFLM kernel's {@code OpData}
   * @param int8Version the op version of its int8 form
   * @param floatLoop the kernel's float32 loop
   * @param int8Loop the kernel's int8 loop
   */
  ActivationOp(
      BuiltinOperator builtin,
      int maxVersion,
      String resolverMethod,
      int opData,
      int int8Version,
      Loop<P, float[]> floatLoop,
      Loop<P, byte[]> int8Loop) {
    super(builtin, maxVersion, resolverMethod);
    this.opData = opData;
    this.int8Version = int8Version;
    this.floatLoop = floatLoop;
    this.int8Loop = int8Loop;
  }

  /** The float32 plan over {@code count} elements. */
  abstract P floatPlan(OpContext c, int count);

  /** The int8 plan over {@code count} elements, from the tensors' quantization. */
  abstract P int8Plan(OpContext c, Tensor in, Tensor out, int count);

  /**
   * The int16 plan over {@code count} elements, for ops with an int16 kernel; the others refuse
   * int16 tensors.
   */
  P int16Plan(OpContext c, Tensor in, Tensor out, int count) {
    throw c.unsupportedTypes();
  }

  /** The int16 loop of an op whose {@link #int16Plan} plans one. */
  void evalInt16(P p, short[] in, short[] out, Scratch s) {
    throw new IllegalStateException(name() + " has no int16 kernel");
  }

  @Override
  final P plan(OpContext c, Tensor in, Tensor out) {
    int n = in.elementCount();
    if (in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32) {
      return floatPlan(c, n);
    }
    if (in.type() == TensorType.INT8 && out.type() == TensorType.INT8) {
      return int8Plan(c, in, out, n);
    }
    if (in.type() == TensorType.INT16 && out.type() == TensorType.INT16) {
      return int16Plan(c, in, out, n);
    }
    throw c.unsupportedTypes();
  }

  @Override
  public final void eval(P p, Object[] t, Scratch s) {
    if (t[p.input()] instanceof float[] in) {
      floatLoop.run(p, in, (float[]) t[p.output()]);
    } else if (t[p.input()] instanceof short[] in) {
      evalInt16(p, in, (short[]) t[p.output()], s);
    } else {
      int8Loop.run(p, (byte[]) t[p.input()], (byte[]) t[p.output()]);
    }
  }

  /** The kernel computes element {@code i} from input element {@code i} only, in order. */
  @Override
  public final InPlaceRule inPlace(OpNode node) {
    return InPlaceRule.elementwiseIfSameType(node);
  }

  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.opData(opData);
  }

  @Override
  public int int8Version(OpNode quantized) {
    return int8Version;
  }
}
