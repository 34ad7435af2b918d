package dev.tinyml.ops;

import dev.tinyml.ops.kernels.TensorCreation;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Optional;

/**
 * ZEROS_LIKE (raw zeros of the input's type), FILL (a scalar over the shape the model gives the
 * output) and SHAPE (the input's static shape as INT32 or INT64).
 */
public final class TensorCreationOp implements Op<TensorCreationOp.Plan>, TflmFootprint {

  /**
   * A prepared op.
   *
   * @param shape SHAPE's value, null for the others
   * @param input input tensor index (FILL: the value)
   * @param output output tensor index
   */
  public record Plan(int[] shape, int input, int output) implements OpPlan {}

  private final BuiltinOperator builtin;

  /** One of ZEROS_LIKE, FILL and SHAPE. */
  public TensorCreationOp(BuiltinOperator builtin) {
    if (builtin != BuiltinOperator.ZEROS_LIKE
        && builtin != BuiltinOperator.FILL
        && builtin != BuiltinOperator.SHAPE) {
      throw new IllegalArgumentException(builtin + " is not a tensor-creation op");
    }
    this.builtin = builtin;
  }

  @Override
  public BuiltinOperator builtin() {
    return builtin;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of(
        switch (builtin) {
          case ZEROS_LIKE -> "AddZerosLike";
          case FILL -> "AddFill";
          default -> "AddShape";
        });
  }

  @Override
  public int maxVersion() {
    return builtin == BuiltinOperator.FILL ? 3 : 1;
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor out = c.output(0);
    switch (builtin) {
      case ZEROS_LIKE -> {
        OpInputs.requireSameType(c, c.input(0), out);
        c.requireSameCount(c.input(0), out);
        return new Plan(null, c.in(0), c.out(0));
      }
      case FILL -> {
        Tensor value = c.input(1);
        OpInputs.requireSameType(c, value, out);
        c.requireCount(value, 1, "value");
        if (c.constant(0) != null) {
          int[] dims = OpInputs.constantInts(c, 0, "dims");
          long[] wide = new long[dims.length];
          for (int i = 0; i < dims.length; i++) {
            wide[i] = dims[i];
          }
          try {
            OpInputs.requireOutput(c, out, TensorCreation.fillShape(wide));
          } catch (IllegalArgumentException e) {
            throw c.fail(e.getMessage());
          }
        }
        return new Plan(null, c.in(1), c.out(0));
      }
      default -> {
        if (out.type() != TensorType.INT32 && out.type() != TensorType.INT64) {
          throw c.unsupportedTypes();
        }
        int[] shape = c.input(0).shape();
        OpInputs.requireOutput(c, out, new int[] {shape.length});
        return new Plan(shape, c.in(0), c.out(0));
      }
    }
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    switch (builtin) {
      case ZEROS_LIKE -> TensorCreation.zerosLike(t[p.output()]);
      case FILL -> TensorCreation.fill(t[p.input()], t[p.output()]);
      default -> {
        if (t[p.output()] instanceof int[] i) {
          TensorCreation.shape(p.shape(), i);
        } else {
          TensorCreation.shape(p.shape(), (long[]) t[p.output()]);
        }
      }
    }
  }

  /** Data movement: no arithmetic. */
  @Override
  public long macs(OpNode node) {
    return 0;
  }

  /** {@code TfLiteShapeParams} (one TfLiteType enum) for SHAPE; ZEROS_LIKE and FILL parse none. */
  @Override
  public CStruct builtinParams(OpNode node, Abi abi) {
    if (builtin != BuiltinOperator.SHAPE) {
      return null;
    }
    return abi.shortEnums() ? new CStruct(1, 1) : new CStruct(4, 4);
  }
}
