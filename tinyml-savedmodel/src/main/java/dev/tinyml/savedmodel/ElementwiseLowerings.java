package dev.tinyml.savedmodel;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.DivOptions;
import dev.tinyml.tflite.LeakyReluOptions;
import dev.tinyml.tflite.MaximumMinimumOptions;
import dev.tinyml.tflite.MulOptions;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SoftmaxOptions;
import dev.tinyml.tflite.SubOptions;
import java.util.function.Function;

/**
 * Element-wise ops: broadcasting ADD/SUB/MUL/DIV (with a fused Relu/Relu6), MAXIMUM, MINIMUM,
 * SQUARED_DIFFERENCE, RSQRT, negation and squaring as MUL, activations and softmax; fake
 * quantization and same-type casts lower to no operator.
 */
final class ElementwiseLowerings {
  private ElementwiseLowerings() {}

  static void register(OpTable<OpLowering> t) {
    OpLowering add = binary(BuiltinOperator.ADD, a -> new AddOptions(a, false));
    t.add(add, "BiasAdd")
        .add(ActivationPatterns.orElse(ActivationPatterns::hardSwish, add), "Add", "AddV2")
        .add(binary(BuiltinOperator.SUB, a -> new SubOptions(a, false)), "Sub")
        .add(binary(BuiltinOperator.MUL, MulOptions::new), "Mul")
        .add(binary(BuiltinOperator.DIV, DivOptions::new), "RealDiv", "Div")
        .add(plain(BuiltinOperator.MAXIMUM, new MaximumMinimumOptions()), "Maximum")
        .add(plain(BuiltinOperator.MINIMUM, new MaximumMinimumOptions()), "Minimum")
        .add(plain(BuiltinOperator.SQUARED_DIFFERENCE, null), "SquaredDifference")
        .add(unary(BuiltinOperator.RSQRT), "Rsqrt")
        .add(ElementwiseLowerings::negate, "Neg")
        .add(
            (n, cx) -> {
              int x = cx.tensor(n.inputs.get(0));
              cx.op(
                  BuiltinOperator.MUL,
                  new MulOptions(ActivationFunctionType.NONE),
                  n,
                  new int[] {x, x});
            },
            "Square")
        .add(
            ActivationPatterns.orElse(ActivationPatterns::prelu, unary(BuiltinOperator.RELU)),
            "Relu")
        .add(unary(BuiltinOperator.RELU6), "Relu6")
        .add(unary(BuiltinOperator.LOGISTIC), "Sigmoid")
        .add(unary(BuiltinOperator.TANH), "Tanh")
        .add(unary(BuiltinOperator.ELU), "Elu")
        .add(
            (n, cx) -> {
              float alpha = Attrs.floatOr(n, "alpha", 0.2f);
              cx.op(
                  BuiltinOperator.LEAKY_RELU,
                  new LeakyReluOptions(alpha),
                  n,
                  cx.tensors(n.inputs.get(0)));
            },
            "LeakyRelu")
        .add(
            (n, cx) ->
                cx.op(
                    BuiltinOperator.SOFTMAX,
                    new SoftmaxOptions(1f),
                    n,
                    cx.tensors(n.inputs.get(0))),
            "Softmax")
        .add(ElementwiseLowerings::fakeQuant, "FakeQuantWithMinMaxVars", "FakeQuantWithMinMaxArgs")
        // Same-type casts (the only ones that get here) change nothing.
        .add((n, cx) -> cx.bind(n.out(0), cx.tensor(n.inputs.get(0))), "Cast");
  }

  /** An option-less builtin of the node's one input. */
  static OpLowering unary(BuiltinOperator code) {
    return (n, cx) -> cx.op(code, null, n, cx.tensors(n.inputs.get(0)));
  }

  /** A two-input builtin with the Relu/Relu6 that alone reads it fused. */
  static OpLowering binary(
      BuiltinOperator code, Function<ActivationFunctionType, BuiltinOptions> options) {
    return (n, cx) -> {
      LoweringContext.Fused fused = cx.fuseActivation(n);
      cx.op(
          code,
          options.apply(fused.activation()),
          fused.last(),
          new int[] {cx.tensor(n.inputs.get(0)), cx.tensor(n.inputs.get(1))});
    };
  }

  /** A two-input builtin without a fused activation. */
  static OpLowering plain(BuiltinOperator code, BuiltinOptions options) {
    return (n, cx) ->
        cx.op(code, options, n, new int[] {cx.tensor(n.inputs.get(0)), cx.tensor(n.inputs.get(1))});
  }

  /** TFLite Micro has no NEG kernel here: MUL by -1, which is exact. */
  private static void negate(Node n, LoweringContext cx) throws SavedModelException {
    int minusOne = cx.constFloats(n.name + "/minus_one", new int[0], new float[] {-1f});
    cx.op(
        BuiltinOperator.MUL,
        new MulOptions(ActivationFunctionType.NONE),
        n,
        new int[] {cx.tensor(n.inputs.get(0)), minusOne});
  }

  /** Removed; its range is kept on the tensor for the quantizer. */
  private static void fakeQuant(Node n, LoweringContext cx) throws SavedModelException {
    int t = cx.tensor(n.inputs.get(0));
    float min;
    float max;
    if (n.op.equals("FakeQuantWithMinMaxVars")) {
      min = n.inputs.get(1).value().asFloats()[0];
      max = n.inputs.get(2).value().asFloats()[0];
    } else {
      min = Attrs.attr(n, "min").getF();
      max = Attrs.attr(n, "max").getF();
    }
    cx.subgraph()
        .tensor(t)
        .setQuantization(
            new QuantizationParameters(new float[] {min}, new float[] {max}, null, null, 0));
    cx.bind(n.out(0), t);
  }
}
