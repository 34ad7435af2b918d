package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.ShapeInference.out;
import static dev.tinyml.savedmodel.ShapeInference.requireConst;
import static dev.tinyml.savedmodel.ShapeInference.set;
import static dev.tinyml.savedmodel.ShapeInference.str;

import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

/**
 * Element-wise ops: broadcasting arithmetic, one-input functions and activations, bias addition,
 * softmax and fake quantization. The output has the (broadcast) shape of the inputs.
 */
final class ElementwiseShapes {
  private ElementwiseShapes() {}

  /** The arithmetic that lowers when an operand is not constant (the rest only folds). */
  private static final Set<String> LOWERED_BINARY =
      Set.of(
          "Add",
          "AddV2",
          "Sub",
          "Mul",
          "RealDiv",
          "Div",
          "Maximum",
          "Minimum",
          "SquaredDifference");

  private static final Set<String> LOWERED_UNARY =
      Set.of("Relu", "Relu6", "Sigmoid", "Tanh", "LeakyRelu", "Elu", "Rsqrt", "Neg", "Square");

  static void register(OpTable<ShapeRule> t) {
    t.add(
            ElementwiseShapes::binary,
            Stream.concat(LOWERED_BINARY.stream(), Stream.of("FloorDiv")).toArray(String[]::new))
        .add(
            ElementwiseShapes::unary,
            "Rsqrt",
            "Sqrt",
            "Square",
            "Neg",
            "Exp",
            "Log",
            "Reciprocal",
            "Relu",
            "Relu6",
            "Sigmoid",
            "Tanh",
            "LeakyRelu",
            "Elu")
        .add(
            (n, allConst) -> {
              out(n, n.inputs.get(0).type(), n.inputs.get(0).shape());
              return true;
            },
            "Softmax")
        .add(ElementwiseShapes::biasAdd, "BiasAdd")
        .add(
            (n, allConst) -> {
              requireConst(n, 1, "min");
              requireConst(n, 2, "max");
              out(n, DType.FLOAT, n.inputs.get(0).shape());
              return true;
            },
            "FakeQuantWithMinMaxVars")
        .add(
            (n, allConst) -> {
              out(n, DType.FLOAT, n.inputs.get(0).shape());
              return true;
            },
            "FakeQuantWithMinMaxArgs");
  }

  private static boolean binary(Node n, boolean allConst) {
    List<Node.Port> in = n.inputs;
    int[] shape = ShapeInference.broadcast(in.get(0).shape(), in.get(1).shape());
    if (allConst) {
      set(n, Folding.binary(binaryOp(n.op), in.get(0).value(), in.get(1).value(), shape));
      return true;
    }
    out(n, in.get(0).type(), shape);
    return LOWERED_BINARY.contains(n.op);
  }

  private static boolean unary(Node n, boolean allConst) {
    Node.Port x = n.inputs.get(0);
    if (allConst) {
      set(n, Folding.unary(unaryOp(n), x.value()));
      return true;
    }
    out(n, x.type(), x.shape());
    return LOWERED_UNARY.contains(n.op);
  }

  private static boolean biasAdd(Node n, boolean allConst) {
    int[] s = n.inputs.get(0).shape();
    int[] b = n.inputs.get(1).shape();
    Attrs.requireNhwc(n);
    if (b.length != 1 || s.length == 0 || b[0] != s[s.length - 1]) {
      throw new IllegalArgumentException("bias " + str(b) + " does not fit input " + str(s));
    }
    if (allConst) {
      // An unrolled RNN's first recurrent product (of the zero state) plus its bias.
      set(n, Folding.binary(Double::sum, n.inputs.get(0).value(), n.inputs.get(1).value(), s));
      return true;
    }
    out(n, n.inputs.get(0).type(), s);
    return true;
  }

  private static DoubleBinaryOperator binaryOp(String op) {
    switch (op) {
      case "Add":
      case "AddV2":
        return Double::sum;
      case "Sub":
        return (a, b) -> a - b;
      case "Mul":
        return (a, b) -> a * b;
      case "RealDiv":
      case "Div":
        // Div on integers truncates toward zero, as the fold's conversion back to integers does.
        return (a, b) -> a / b;
      case "Maximum":
        return Math::max;
      case "Minimum":
        return Math::min;
      case "SquaredDifference":
        return (a, b) -> (a - b) * (a - b);
      default:
        return (a, b) -> Math.floor(a / b);
    }
  }

  private static DoubleUnaryOperator unaryOp(Node n) {
    switch (n.op) {
      case "Rsqrt":
        return x -> 1 / Math.sqrt(x);
      case "Sqrt":
        return Math::sqrt;
      case "Square":
        return x -> x * x;
      case "Neg":
        return x -> -x;
      case "Exp":
        return Math::exp;
      case "Log":
        return Math::log;
      case "Reciprocal":
        return x -> 1 / x;
      case "Relu":
        return x -> Math.max(x, 0);
      case "Relu6":
        return x -> Math.min(Math.max(x, 0), 6);
      case "Sigmoid":
        return x -> 1 / (1 + Math.exp(-x));
      case "Tanh":
        return Math::tanh;
      case "Elu":
        return x -> x < 0 ? Math.expm1(x) : x;
      default:
        {
          float alpha = Attrs.floatOr(n, "alpha", 0.2f);
          return x -> x < 0 ? alpha * x : x;
        }
    }
  }
}
