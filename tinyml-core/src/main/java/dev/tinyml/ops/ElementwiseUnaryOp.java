package dev.tinyml.ops;

import dev.tinyml.ops.kernels.HardSwish;
import dev.tinyml.ops.kernels.LookupTable;
import dev.tinyml.ops.kernels.QuantizedAbsRsqrt;
import dev.tinyml.ops.kernels.UnaryMath;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.Optional;

/**
 * The element-wise functions of one input: ABS, SQRT, RSQRT, EXP, LOG, FLOOR, ROUND, ELU and
 * HARD_SWISH in float32, with the quantized variants TFLM has (ABS int8/int16 and raw int16, RSQRT
 * int8/int16, ELU int8 by lookup table, HARD_SWISH int8).
 */
public final class ElementwiseUnaryOp
    implements Op<ElementwiseUnaryOp.Plan>, TflmFootprint, Int8Rules {

  /**
   * A prepared op.
   *
   * @param kind how eval runs
   * @param absRsqrt the ABS/RSQRT requantization, or null
   * @param table the ELU table, or null
   * @param hardSwish the int8 HARD_SWISH plan, or null
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(
      Kind kind,
      QuantizedAbsRsqrt.Plan absRsqrt,
      byte[] table,
      HardSwish.Plan hardSwish,
      int input,
      int output)
      implements OpPlan {}

  /** How a prepared op runs. */
  public enum Kind {
    /** Float function. */
    FLOAT,
    /** Quantized ABS, int8. */
    ABS_INT8,
    /** Quantized ABS, int16. */
    ABS_INT16,
    /** Raw (unquantized) int16 ABS. */
    ABS_RAW_INT16,
    /** Quantized RSQRT, int8. */
    RSQRT_INT8,
    /** Quantized RSQRT, int16. */
    RSQRT_INT16,
    /** Int8 lookup table. */
    TABLE_INT8,
    /** Int8 hard swish. */
    HARD_SWISH_INT8
  }

  private final BuiltinOperator builtin;
  private final UnaryMath.Function function;

  /** The op for one of the builtins listed in the class comment. */
  public ElementwiseUnaryOp(BuiltinOperator builtin) {
    this.builtin = builtin;
    this.function =
        switch (builtin) {
          case ABS -> UnaryMath.Function.ABS;
          case SQRT -> UnaryMath.Function.SQRT;
          case RSQRT -> UnaryMath.Function.RSQRT;
          case EXP -> UnaryMath.Function.EXP;
          case LOG -> UnaryMath.Function.LOG;
          case FLOOR -> UnaryMath.Function.FLOOR;
          case ROUND -> UnaryMath.Function.ROUND;
          case ELU -> UnaryMath.Function.ELU;
          case HARD_SWISH -> UnaryMath.Function.HARD_SWISH;
          default ->
              throw new IllegalArgumentException(builtin + " is not an element-wise function");
        };
  }

  @Override
  public BuiltinOperator builtin() {
    return builtin;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of(
        switch (builtin) {
          case ABS -> "AddAbs";
          case SQRT -> "AddSqrt";
          case RSQRT -> "AddRsqrt";
          case EXP -> "AddExp";
          case LOG -> "AddLog";
          case FLOOR -> "AddFloor";
          case ROUND -> "AddRound";
          case ELU -> "AddElu";
          default -> "AddHardSwish";
        });
  }

  @Override
  public int maxVersion() {
    return switch (builtin) {
      case ABS -> 4;
      case RSQRT -> 3;
      default -> 1;
    };
  }

  /** ABS, RSQRT, ELU and HARD_SWISH have int8 kernels; the other functions are float only. */
  @Override
  public boolean quantizable() {
    return switch (builtin) {
      case ABS, RSQRT, ELU, HARD_SWISH -> true;
      default -> false;
    };
  }

  /** Version 2 is ABS's and RSQRT's int8 version; ELU and HARD_SWISH have one version. */
  @Override
  public int int8Version(OpNode quantized) {
    return builtin == BuiltinOperator.ABS || builtin == BuiltinOperator.RSQRT ? 2 : 1;
  }

  @Override
  public Plan prepare(OpContext c) {
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    OpInputs.requireSameType(c, in, out);
    c.requireSameCount(in, out);
    TensorType t = in.type();
    if (t == TensorType.FLOAT32) {
      return plan(Kind.FLOAT, null, null, null, c);
    }
    boolean int8 = t == TensorType.INT8;
    boolean int16 = t == TensorType.INT16;
    try {
      switch (builtin) {
        case ABS -> {
          if (int16 && in.quantization() == null) {
            return plan(Kind.ABS_RAW_INT16, null, null, null, c);
          }
          if (int8 || int16) {
            requireInt16ZeroPoints(c, in, out, int16);
            return plan(
                int8 ? Kind.ABS_INT8 : Kind.ABS_INT16,
                QuantizedAbsRsqrt.planAbs(
                    c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out), int8 ? 8 : 16),
                null,
                null,
                c);
          }
        }
        case RSQRT -> {
          if (int8 || int16) {
            requireInt16ZeroPoints(c, in, out, int16);
            return plan(
                int8 ? Kind.RSQRT_INT8 : Kind.RSQRT_INT16,
                QuantizedAbsRsqrt.planRsqrt(
                    c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out), int8 ? 8 : 16),
                null,
                null,
                c);
          }
        }
        case ELU -> {
          if (int8) {
            byte[] table =
                LookupTable.elu(c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out));
            return plan(Kind.TABLE_INT8, null, table, null, c);
          }
        }
        case HARD_SWISH -> {
          if (int8) {
            HardSwish.Plan p =
                HardSwish.plan(c.scale(in), c.zeroPoint(in), c.scale(out), c.zeroPoint(out));
            return plan(Kind.HARD_SWISH_INT8, null, null, p, c);
          }
        }
        default -> {}
      }
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
    throw c.unsupportedTypes();
  }

  private static void requireInt16ZeroPoints(OpContext c, Tensor in, Tensor out, boolean int16) {
    if (int16 && (c.zeroPoint(in) != 0 || c.zeroPoint(out) != 0)) {
      throw c.fail("int16 input and output need zero point 0, as TFLM requires");
    }
  }

  private static Plan plan(
      Kind k, QuantizedAbsRsqrt.Plan q, byte[] table, HardSwish.Plan h, OpContext c) {
    return new Plan(k, q, table, h, c.in(0), c.out(0));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Object in = t[p.input()];
    Object out = t[p.output()];
    switch (p.kind()) {
      case FLOAT -> UnaryMath.eval(function, (float[]) in, (float[]) out);
      case ABS_INT8 -> QuantizedAbsRsqrt.eval(p.absRsqrt(), false, (byte[]) in, (byte[]) out);
      case ABS_INT16 -> QuantizedAbsRsqrt.eval(p.absRsqrt(), false, (short[]) in, (short[]) out);
      case ABS_RAW_INT16 -> {
        short[] a = (short[]) in;
        short[] b = (short[]) out;
        for (int i = 0; i < a.length; i++) {
          b[i] = (short) Math.abs(a[i]);
        }
      }
      case RSQRT_INT8 -> QuantizedAbsRsqrt.eval(p.absRsqrt(), true, (byte[]) in, (byte[]) out);
      case RSQRT_INT16 -> QuantizedAbsRsqrt.eval(p.absRsqrt(), true, (short[]) in, (short[]) out);
      case TABLE_INT8 -> LookupTable.eval(p.table(), (byte[]) in, (byte[]) out);
      case HARD_SWISH_INT8 -> HardSwish.eval(p.hardSwish(), (byte[]) in, (byte[]) out);
    }
  }

  /**
   * What the kernel's {@code Init} allocates: ABS and RSQRT keep their requantization (four ints, a
   * bool and two enums), ELU its 256-entry int8 table, HARD_SWISH its {@code HardSwishParams}.
   */
  @Override
  public int opData(OpNode node, Abi abi) {
    return switch (builtin) {
      case ABS, RSQRT -> abi.shortEnums() ? 20 : 28;
      case ELU -> 256;
      case HARD_SWISH -> 20;
      default -> 0;
    };
  }
}
