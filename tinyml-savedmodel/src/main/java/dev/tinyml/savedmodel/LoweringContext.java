package dev.tinyml.savedmodel;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TFLite model being built and what every op lowering shares: which tensor each TensorFlow
 * output became, who reads each output (so a lowering may absorb a sole reader, as the TFLite
 * converter fuses it), and the tensor and operator factories.
 */
final class LoweringContext {
  private final GraphImporter.Imported graph;
  private final Model model = Model.empty();
  private final SubGraph sub = new SubGraph();
  private final Map<Node.Port, Integer> tensorOf = new HashMap<>();
  private final Map<Node.Port, Integer> consumers = new HashMap<>();
  private final Set<Node> absorbed = new HashSet<>();
  private final Set<Node> reachable = new LinkedHashSet<>();

  /** A layer shared by several calls (or equal constants) is stored once. */
  private final Map<String, List<Integer>> constantsByContent = new HashMap<>();

  private final Set<String> tensorNames = new HashSet<>();

  LoweringContext(GraphImporter.Imported graph) {
    this.graph = graph;
  }

  GraphImporter.Imported graph() {
    return graph;
  }

  Model model() {
    return model;
  }

  SubGraph subgraph() {
    return sub;
  }

  /** Marks what the outputs need, stopping at constants, and counts readers of each output. */
  void markNeeded(Node n) {
    if (!reachable.add(n)) {
      return;
    }
    for (Node.Port p : n.inputs) {
      if (!p.isConstant() || n.isConstant()) {
        consumers.merge(p, 1, Integer::sum);
        markNeeded(p.node());
      }
    }
  }

  /** Counts a signature output as one more reader of its port. */
  void markRead(Node.Port p) {
    consumers.merge(p, 1, Integer::sum);
  }

  /** Whether {@code n} must be lowered on its own: needed, and not absorbed by another op. */
  boolean needsLowering(Node n) {
    return reachable.contains(n) && !absorbed.contains(n);
  }

  /** The one node reading {@code p}, or null when several do or it is a signature output. */
  Node soleReader(Node.Port p) {
    if (consumers.getOrDefault(p, 0) != 1 || graph.outputs().contains(p)) {
      return null;
    }
    for (Node n : reachable) {
      if (n.inputs.contains(p)) {
        return n;
      }
    }
    return null;
  }

  /** Records that {@code n} is computed by another node's operator. */
  void absorb(Node n) {
    absorbed.add(n);
  }

  /** An op with the activation it absorbed: {@code last} is the node whose output it produces. */
  record Fused(Node last, ActivationFunctionType activation) {}

  /** {@code n} with the Relu or Relu6 that alone reads it absorbed, as the converter fuses it. */
  Fused fuseActivation(Node n) {
    Node r = soleReader(n.out(0));
    if (r != null && isFusableActivation(r)) {
      absorbed.add(r);
      return new Fused(r, activation(r));
    }
    return new Fused(n, ActivationFunctionType.NONE);
  }

  static boolean isFusableActivation(Node n) {
    return n.op.equals("Relu") || n.op.equals("Relu6");
  }

  static ActivationFunctionType activation(Node r) {
    return r.op.equals("Relu6") ? ActivationFunctionType.RELU6 : ActivationFunctionType.RELU;
  }

  static Padding padding(Node n) {
    return Attrs.string(n, "padding").equals("SAME") ? Padding.SAME : Padding.VALID;
  }

  /** Emits a one-output op whose output is {@code last}'s output 0. */
  void op(BuiltinOperator code, BuiltinOptions options, Node last, int[] inputs) {
    int out = addTensor(last.name, TensorType.FLOAT32, last.shapes[0], null);
    tensorOf.put(last.out(0), out);
    builtin(code, options, inputs, out);
  }

  /** Emits a one-operator op with one tensor for each of {@code n}'s outputs, bound to them. */
  void multiOutputOp(BuiltinOperator code, BuiltinOptions options, Node n, int[] inputs) {
    int[] outs = new int[n.shapes.length];
    for (int i = 0; i < outs.length; i++) {
      outs[i] =
          addTensor(i == 0 ? n.name : n.name + ":" + i, TensorType.FLOAT32, n.shapes[i], null);
      tensorOf.put(n.out(i), outs[i]);
    }
    int opcode = model.addOperatorCode(new OperatorCode(code, 1));
    sub.operators().add(new Operator(opcode, inputs, outs, options));
  }

  /** Emits a version-1 builtin operator. */
  void builtin(BuiltinOperator code, BuiltinOptions options, int[] inputs, int output) {
    addOp(new OperatorCode(code, 1), options, inputs, output);
  }

  void addOp(OperatorCode code, BuiltinOptions options, int[] inputs, int output) {
    int opcode = model.addOperatorCode(code);
    sub.operators().add(new Operator(opcode, inputs, new int[] {output}, options));
  }

  /** Makes {@code p} stand for tensor {@code t}. */
  void bind(Node.Port p, int t) {
    tensorOf.put(p, t);
  }

  /** Whether {@code p} has its tensor already. */
  boolean isBound(Node.Port p) {
    return tensorOf.containsKey(p);
  }

  int[] tensors(Node.Port p) throws SavedModelException {
    return new int[] {tensor(p)};
  }

  /** The tensor of a port: emitted already, or a constant made on first use. */
  int tensor(Node.Port p) throws SavedModelException {
    Integer t = tensorOf.get(p);
    if (t != null) {
      return t;
    }
    TensorValue v = p.value();
    if (v == null) {
      throw new SavedModelException(
          "Internal ordering error: " + p.node().describe() + " was used before it was lowered.");
    }
    int index;
    if (v.isFloating()) {
      index = constFloats(p.node().name, v.shape(), v.floats());
    } else if (v.ints() != null) {
      index = constInts(p.node().name, v.shape(), v.asInts());
    } else {
      throw new SavedModelException(
          p.node().describe()
              + " is a string constant used by a lowered op; strings have no TFLite lowering.");
    }
    tensorOf.put(p, index);
    return index;
  }

  int constFloats(String name, int[] shape, float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return constant(name, TensorType.FLOAT32, shape, b.array());
  }

  int constInts(String name, int[] shape, int[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(values);
    return constant(name, TensorType.INT32, shape, b.array());
  }

  private int constant(String name, TensorType type, int[] shape, byte[] data) {
    String key = type + Arrays.toString(shape) + Arrays.hashCode(data);
    List<Integer> same = constantsByContent.computeIfAbsent(key, k -> new ArrayList<>());
    for (int t : same) {
      if (Arrays.equals(model.dataOf(sub.tensor(t)), data)) {
        return t;
      }
    }
    int t = addTensor(name, type, shape, data);
    same.add(t);
    return t;
  }

  /** Adds a tensor named {@code name} (made unique), with data when it is a constant. */
  int addTensor(String name, TensorType type, int[] shape, byte[] data) {
    String unique = name;
    for (int i = 1; !tensorNames.add(unique); i++) {
      unique = name + "_" + i;
    }
    Tensor t = new Tensor(unique, type, shape.clone());
    if (data != null) {
      t.setBuffer(model.addBuffer(new Buffer(data)));
    }
    return sub.addTensor(t);
  }
}
