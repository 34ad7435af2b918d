package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.ElementwiseUnaryOp;
import dev.tinyml.ops.L2NormalizationOp;
import dev.tinyml.ops.kernels.HardSwish;
import dev.tinyml.ops.kernels.QuantizedAbsRsqrt;
import dev.tinyml.tflite.TensorType;
import java.util.Locale;

/**
 * The element-wise functions (ABS, SQRT, RSQRT, EXP, LOG, FLOOR, ROUND, ELU, HARD_SWISH) and
 * L2_NORMALIZATION, from the plan records: float32 through {@code unary_f32.c}, ABS and RSQRT in
 * int8/int16 by the integer requantization, ELU and HARD_SWISH in int8 through a 256-entry table
 * the Java kernel fills at generation time.
 */
final class UnaryMathEmitters {
  private UnaryMathEmitters() {}

  /** SQRT, EXP, LOG, FLOOR, ROUND: their op classes run float32 only. */
  static void floatOnly(COp op, ElementwiseUnaryOp.Plan<Void> plan, CModuleWriter m)
      throws CodegenException {
    floatFunction(op, plan, m);
  }

  /** ABS and RSQRT: float32, int8 and int16 requantized, and (ABS) raw int16. */
  static void absRsqrt(
      COp op, ElementwiseUnaryOp.Plan<QuantizedAbsRsqrt.Plan> plan, CModuleWriter m)
      throws CodegenException {
    if (plan.type() == TensorType.FLOAT32) {
      floatFunction(op, plan, m);
      return;
    }
    boolean rsqrt = op.code() == dev.tinyml.tflite.BuiltinOperator.RSQRT;
    QuantizedAbsRsqrt.Plan k = plan.kernel();
    String params = "0";
    if (k != null) {
      // C shifts by at most 31 bits; Java would reduce a larger shift modulo 32.
      int shift = rsqrt ? k.shift() - 20 : k.shift();
      if (k.rescale() && (shift < -31 || shift > 31)) {
        throw op.unsupported("a requantization shift of " + shift + " bits (at most 31)");
      }
      params =
          m.params(
              op,
              "tml_abs_rsqrt_params",
              28,
              CModuleWriter.ints(
                  k.inputOffset(),
                  k.outputOffset(),
                  k.rescale() ? 1 : 0,
                  k.multiplier(),
                  k.shift(),
                  k.min(),
                  k.max()));
    }
    m.useKernel("abs_rsqrt.c");
    Object[] args = {
      params,
      rsqrt ? 1 : 0,
      CModuleWriter.elementBytes(plan.type()),
      m.tensor(plan.input(), op),
      m.tensor(plan.output(), op),
      op.input(0).elementCount()
    };
    if (rsqrt) {
      m.checkedCall(op, "tml_abs_rsqrt", args);
    } else {
      m.call(op, "tml_abs_rsqrt", args);
    }
  }

  /** ELU: float32, or int8 through the table its plan holds. */
  static void elu(COp op, ElementwiseUnaryOp.Plan<byte[]> plan, CModuleWriter m)
      throws CodegenException {
    if (plan.type() == TensorType.FLOAT32) {
      floatFunction(op, plan, m);
      return;
    }
    int[] table = new int[256];
    for (int i = 0; i < table.length; i++) {
      table[i] = plan.kernel()[i];
    }
    lookup(op, plan, table, m);
  }

  /** HARD_SWISH: float32, or int8 through the table of the Java kernel's 256 values. */
  static void hardSwish(COp op, ElementwiseUnaryOp.Plan<HardSwish.Plan> plan, CModuleWriter m)
      throws CodegenException {
    if (plan.type() == TensorType.FLOAT32) {
      floatFunction(op, plan, m);
      return;
    }
    int[] table = new int[256];
    for (int v = -128; v <= 127; v++) {
      table[v + 128] = HardSwish.apply(plan.kernel(), v);
    }
    lookup(op, plan, table, m);
  }

  static void l2Normalization(COp op, L2NormalizationOp.Plan plan, CModuleWriter m)
      throws CodegenException {
    int count = op.input(0).elementCount();
    if (plan.type() == TensorType.FLOAT32) {
      ElementwiseEmitters.unary(
          op, m, "l2_norm_f32", Integer.toString(plan.depth()), plan.input(), plan.output(), count);
    } else {
      String leading = CModuleWriter.ints(plan.depth(), plan.inputZeroPoint());
      ElementwiseEmitters.unary(op, m, "l2_norm_s8", leading, plan.input(), plan.output(), count);
    }
  }

  private static void lookup(COp op, ElementwiseUnaryOp.Plan<?> plan, int[] table, CModuleWriter m)
      throws CodegenException {
    String name = m.int8Array(CModuleWriter.opName(op, "table"), table);
    ElementwiseEmitters.unary(
        op, m, "lut_s8", name, plan.input(), plan.output(), op.input(0).elementCount());
  }

  private static void floatFunction(COp op, ElementwiseUnaryOp.Plan<?> plan, CModuleWriter m)
      throws CodegenException {
    String function =
        switch (op.code()) {
          case ABS, SQRT, RSQRT, EXP, LOG, FLOOR, ROUND, ELU, HARD_SWISH ->
              "tml_" + op.code().name().toLowerCase(Locale.ROOT) + "_f32";
          default -> throw op.unsupported("float32 " + op.code());
        };
    ElementwiseEmitters.unary(
        op, m, "unary_f32", function, plan.input(), plan.output(), op.input(0).elementCount());
  }
}
