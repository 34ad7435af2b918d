package dev.tinyml.savedmodel;

import dev.tinyml.tflite.BuiltinOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * Activations Keras writes as several element-wise ops, recognized as the TFLite converter does and
 * lowered to one builtin: hard swish {@code x * relu6(x + 3) / 6} (Keras 3's hard_silu,
 * MobileNetV3's {@code x * (relu6(x + 3) * (1/6))}) to HARD_SWISH, and PReLU {@code relu(x) +
 * -alpha * relu(-x)} to PRELU. Every op of the pattern but the first must be read only inside it.
 */
final class ActivationPatterns {
  private ActivationPatterns() {}

  /** A lowering that first tries {@code pattern} on the node. */
  interface Pattern {
    /** Emits the whole pattern starting at {@code n}; false (emitting nothing) if it is not one. */
    boolean tryLower(Node n, LoweringContext cx) throws SavedModelException;
  }

  /** {@code pattern} where it matches, {@code otherwise} where not. */
  static OpLowering orElse(Pattern pattern, OpLowering otherwise) {
    return (n, cx) -> {
      if (!pattern.tryLower(n, cx)) {
        otherwise.lower(n, cx);
      }
    };
  }

  /** Entered at the {@code x + 3}: Relu6 reads it, then a chain of products by x and constants. */
  static boolean hardSwish(Node add, LoweringContext cx) throws SavedModelException {
    if (add.inputs.size() != 2) {
      return false;
    }
    Node.Port x = add.inputs.get(0);
    Double three = scalar(add.inputs.get(1));
    if (three == null) {
      x = add.inputs.get(1);
      three = scalar(add.inputs.get(0));
    }
    Node relu6 = cx.soleReader(add.out(0));
    if (three == null
        || three != 3
        || x.isConstant()
        || relu6 == null
        || !relu6.op.equals("Relu6")) {
      return false;
    }
    List<Node> chain = new ArrayList<>(List.of(relu6));
    Node.Port cur = relu6.out(0);
    double scale = 1;
    boolean timesX = false;
    while (!timesX || Math.abs(scale - 1 / 6.0) > 1e-6) {
      Node next = cx.soleReader(cur);
      if (next == null || next.inputs.size() != 2 || !next.inputs.contains(cur)) {
        return false;
      }
      Node.Port other = next.inputs.get(0).equals(cur) ? next.inputs.get(1) : next.inputs.get(0);
      Double c = scalar(other);
      if (next.op.equals("Mul") && other.equals(x) && !timesX) {
        timesX = true;
      } else if (next.op.equals("Mul") && c != null) {
        scale *= c;
      } else if ((next.op.equals("RealDiv") || next.op.equals("Div"))
          && next.inputs.get(0).equals(cur)
          && c != null) {
        scale /= c;
      } else {
        return false;
      }
      chain.add(next);
      cur = next.out(0);
    }
    chain.forEach(cx::absorb);
    cx.op(BuiltinOperator.HARD_SWISH, null, chain.get(chain.size() - 1), cx.tensors(x));
    return true;
  }

  /** Entered at the {@code relu(x)}: Add(relu(x), Mul(c, Relu(Neg(x)))) with c = -alpha. */
  static boolean prelu(Node relu, LoweringContext cx) throws SavedModelException {
    Node.Port x = relu.inputs.get(0);
    Node add = cx.soleReader(relu.out(0));
    if (add == null || !(add.op.equals("Add") || add.op.equals("AddV2"))) {
      return false;
    }
    Node.Port negPart =
        add.inputs.get(0).equals(relu.out(0)) ? add.inputs.get(1) : add.inputs.get(0);
    Node mul = negPart.node();
    if (!mul.op.equals("Mul") || cx.soleReader(negPart) != add || mul.inputs.size() != 2) {
      return false;
    }
    boolean constFirst = mul.inputs.get(0).isConstant();
    Node.Port c = mul.inputs.get(constFirst ? 0 : 1);
    Node.Port reluNeg = mul.inputs.get(constFirst ? 1 : 0);
    Node.Port neg = reluNeg.node().inputs.isEmpty() ? null : reluNeg.node().inputs.get(0);
    if (!c.isConstant()
        || !reluNeg.node().op.equals("Relu")
        || cx.soleReader(reluNeg) != mul
        || neg == null
        || !neg.node().op.equals("Neg")
        || !neg.node().inputs.get(0).equals(x)
        || cx.soleReader(neg) != reluNeg.node()) {
      return false;
    }
    float[] alpha = c.value().asFloats().clone();
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = -alpha[i];
    }
    for (Node n : List.of(neg.node(), reluNeg.node(), mul, add)) {
      cx.absorb(n);
    }
    int alphaTensor = cx.constFloats(add.name + "/alpha", c.shape(), alpha);
    cx.op(BuiltinOperator.PRELU, null, add, new int[] {cx.tensor(x), alphaTensor});
    return true;
  }

  /** The value of a one-element constant, or null. */
  private static Double scalar(Node.Port p) {
    return p.isConstant() && p.value().elementCount() == 1 && p.value().isFloating()
        ? p.value().doubleAt(0)
        : null;
  }
}
