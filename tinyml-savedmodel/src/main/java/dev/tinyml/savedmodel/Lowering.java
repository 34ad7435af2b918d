package dev.tinyml.savedmodel;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.ConcatenationOptions;
import dev.tinyml.tflite.Conv2DOptions;
import dev.tinyml.tflite.DepthwiseConv2DOptions;
import dev.tinyml.tflite.FullyConnectedOptions;
import dev.tinyml.tflite.FullyConnectedOptionsWeightsFormat;
import dev.tinyml.tflite.LeakyReluOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.MulOptions;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.PadOptions;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Pool2DOptions;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.ReducerOptions;
import dev.tinyml.tflite.ReshapeOptions;
import dev.tinyml.tflite.SignatureDef;
import dev.tinyml.tflite.SoftmaxOptions;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.SubOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers the imported graph to a float TFLite model of builtin ops. MatMul, Conv2D and
 * DepthwiseConv2dNative absorb the bias, batch-norm and per-channel scale ops that follow them
 * (when nothing else reads the intermediate results) and a trailing Relu/Relu6 as fused activation,
 * as the TFLite converter does.
 */
final class Lowering {
  private static final Set<String> WEIGHTED = Set.of("MatMul", "Conv2D", "DepthwiseConv2dNative");

  /** Element-wise TensorFlow ops that become one option-less builtin of the same input. */
  private static final Map<String, BuiltinOperator> ELEMENTWISE =
      Map.of(
          "Relu", BuiltinOperator.RELU,
          "Relu6", BuiltinOperator.RELU6,
          "Sigmoid", BuiltinOperator.LOGISTIC,
          "Tanh", BuiltinOperator.TANH);

  private final GraphImporter.Imported graph;
  private final Model model = Model.empty();
  private final SubGraph sub = new SubGraph();
  private final Map<Node.Port, Integer> tensorOf = new HashMap<>();
  private final Map<Node.Port, Integer> consumers = new HashMap<>();
  private final Set<Node> absorbed = new HashSet<>();
  private final Set<Node> reachable = new LinkedHashSet<>();

  private Lowering(GraphImporter.Imported graph) {
    this.graph = graph;
  }

  static Model lower(GraphImporter.Imported graph, String signatureKey, String description)
      throws SavedModelException {
    return new Lowering(graph).run(signatureKey, description);
  }

  private Model run(String signatureKey, String description) throws SavedModelException {
    model.setDescription(description);
    model.subgraphs().add(sub);
    sub.setName(signatureKey);
    for (Node.Port out : graph.outputs()) {
      if (out.isConstant()) {
        throw new SavedModelException(
            "Output "
                + out
                + " of the signature is a constant: it does not depend on any input, "
                + "so there is nothing to run. Export a signature whose outputs depend on its inputs.");
      }
      mark(out.node());
      consumers.merge(out, 1, Integer::sum);
    }
    int[] inputs = new int[graph.inputs().size()];
    for (int i = 0; i < inputs.length; i++) {
      Node.Port p = graph.inputs().get(i);
      inputs[i] = addTensor(graph.inputNames().get(i), TensorType.FLOAT32, p.shape(), null);
      tensorOf.put(p, inputs[i]);
    }
    for (Node n : graph.nodes()) {
      if (reachable.contains(n) && !absorbed.contains(n) && !n.op.equals("Placeholder")) {
        try {
          emit(n);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
          throw new SavedModelException(
              n.describe()
                  + " cannot be lowered: its attributes or inputs are malformed ("
                  + e
                  + ").",
              e);
        }
      }
    }
    int[] outputs = new int[graph.outputs().size()];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = tensor(graph.outputs().get(i));
    }
    sub.setInputs(inputs);
    sub.setOutputs(outputs);
    SignatureDef sig = new SignatureDef(signatureKey, 0);
    for (int i = 0; i < inputs.length; i++) {
      sig.inputs().put(graph.inputNames().get(i), inputs[i]);
    }
    for (int i = 0; i < outputs.length; i++) {
      sig.outputs().put(graph.outputNames().get(i), outputs[i]);
    }
    model.signatureDefs().add(sig);
    return model;
  }

  /** Marks what the outputs need, stopping at constants, and counts readers of each output. */
  private void mark(Node n) {
    if (!reachable.add(n)) {
      return;
    }
    for (Node.Port p : n.inputs) {
      if (!p.isConstant() || n.isConstant()) {
        consumers.merge(p, 1, Integer::sum);
        mark(p.node());
      }
    }
  }

  private int readers(Node.Port p) {
    return consumers.getOrDefault(p, 0);
  }

  private Node soleReader(Node.Port p) {
    if (readers(p) != 1 || graph.outputs().contains(p)) {
      return null;
    }
    for (Node n : reachable) {
      if (n.inputs.contains(p)) {
        return n;
      }
    }
    return null;
  }

  private void emit(Node n) throws SavedModelException {
    if (n.values[0] != null) {
      return;
    }
    List<Node.Port> in = n.inputs;
    switch (n.op) {
      case "MatMul":
      case "Conv2D":
      case "DepthwiseConv2dNative":
        emitWeighted(n);
        return;
      case "BiasAdd":
      case "Add":
      case "AddV2":
        emitBinary(n, BuiltinOperator.ADD);
        return;
      case "Sub":
        emitBinary(n, BuiltinOperator.SUB);
        return;
      case "Mul":
        emitBinary(n, BuiltinOperator.MUL);
        return;
      case "Relu":
      case "Relu6":
      case "Sigmoid":
      case "Tanh":
        op(ELEMENTWISE.get(n.op), null, n, tensors(in.get(0)));
        return;
      case "LeakyRelu":
        {
          float alpha =
              n.attrs.containsKey("alpha") ? ShapeInference.attr(n, "alpha").getF() : 0.2f;
          op(BuiltinOperator.LEAKY_RELU, new LeakyReluOptions(alpha), n, tensors(in.get(0)));
          return;
        }
      case "Softmax":
        op(BuiltinOperator.SOFTMAX, new SoftmaxOptions(1f), n, tensors(in.get(0)));
        return;
      case "MaxPool":
      case "MaxPoolV2":
      case "AvgPool":
        {
          int[] k = ShapeInference.poolWindow(n);
          int[] st = ShapeInference.poolStrides(n);
          Fused fused = fuseActivation(n);
          Pool2DOptions o =
              new Pool2DOptions(padding(n), st[2], st[1], k[2], k[1], fused.activation());
          op(
              n.op.startsWith("MaxPool")
                  ? BuiltinOperator.MAX_POOL_2D
                  : BuiltinOperator.AVERAGE_POOL_2D,
              o,
              fused.last(),
              tensors(in.get(0)));
          return;
        }
      case "Mean":
        {
          int[] axes =
              ShapeInference.normalizeAxes(in.get(1).value().asInts(), in.get(0).shape().length);
          int axesTensor = constInts(n.name + "/reduction_indices", new int[] {axes.length}, axes);
          op(
              BuiltinOperator.MEAN,
              new ReducerOptions(ShapeInference.keepDims(n)),
              n,
              new int[] {tensor(in.get(0)), axesTensor});
          return;
        }
      case "Reshape":
      case "Squeeze":
      case "ExpandDims":
        emitReshape(n);
        return;
      case "Pad":
      case "PadV2":
        {
          int rank = in.get(0).shape().length;
          int t = constInts(n.name + "/paddings", new int[] {rank, 2}, in.get(1).value().asInts());
          op(BuiltinOperator.PAD, new PadOptions(), n, new int[] {tensor(in.get(0)), t});
          return;
        }
      case "ConcatV2":
        {
          int k = in.size() - 1;
          int axis = (int) in.get(k).value().longAt(0);
          if (axis < 0) {
            axis += n.shapes[0].length;
          }
          int[] ts = new int[k];
          for (int i = 0; i < k; i++) {
            ts[i] = tensor(in.get(i));
          }
          Fused fused = fuseActivation(n);
          op(
              BuiltinOperator.CONCATENATION,
              new ConcatenationOptions(axis, fused.activation()),
              fused.last(),
              ts);
          return;
        }
      case "FusedBatchNorm":
      case "FusedBatchNormV2":
      case "FusedBatchNormV3":
        {
          float[][] ss = batchNormScaleShift(n);
          int c = ss[0].length;
          int scale = constFloats(n.name + "/scale", new int[] {c}, ss[0]);
          int shift = constFloats(n.name + "/shift", new int[] {c}, ss[1]);
          int mid = addTensor(n.name + "/mul", TensorType.FLOAT32, n.shapes[0], null);
          model(
              BuiltinOperator.MUL,
              new MulOptions(ActivationFunctionType.NONE),
              new int[] {tensor(in.get(0)), scale},
              mid);
          Fused fused = fuseActivation(n);
          op(
              BuiltinOperator.ADD,
              new AddOptions(fused.activation(), false),
              fused.last(),
              new int[] {mid, shift});
          return;
        }
      case "FakeQuantWithMinMaxVars":
      case "FakeQuantWithMinMaxArgs":
        {
          int t = tensor(in.get(0));
          float min;
          float max;
          if (n.op.equals("FakeQuantWithMinMaxVars")) {
            min = in.get(1).value().asFloats()[0];
            max = in.get(2).value().asFloats()[0];
          } else {
            min = ShapeInference.attr(n, "min").getF();
            max = ShapeInference.attr(n, "max").getF();
          }
          sub.tensor(t)
              .setQuantization(
                  new QuantizationParameters(new float[] {min}, new float[] {max}, null, null, 0));
          tensorOf.put(n.out(0), t);
          return;
        }
      case "Cast":
      case "Transpose":
        // Same-type casts and identity permutations (the only ones that get here) change nothing.
        tensorOf.put(n.out(0), tensor(in.get(0)));
        return;
      default:
        throw new UnsupportedOpsException(
            n.describe() + " has no TFLite lowering. See docs/savedmodel.md for the supported ops.",
            GraphImporter.opCounts(graph.nodes()),
            Set.of(n.op));
    }
  }

  private static boolean isReshape(Node n) {
    return n.values[0] == null
        && (n.op.equals("Reshape") || n.op.equals("Squeeze") || n.op.equals("ExpandDims"));
  }

  /**
   * Chains of Reshape/Squeeze/ExpandDims become one RESHAPE, and one that changes nothing becomes
   * none: only the last of a chain is emitted, from the first one's input.
   */
  private void emitReshape(Node n) throws SavedModelException {
    Node reader = soleReader(n.out(0));
    if (reader != null && isReshape(reader) && reader.inputs.get(0).equals(n.out(0))) {
      return;
    }
    Node.Port source = n.inputs.get(0);
    while (isReshape(source.node()) && !tensorOf.containsKey(source)) {
      source = source.node().inputs.get(0);
    }
    int[] shape = n.shapes[0];
    boolean graphEdge = graph.outputs().contains(n.out(0)) && graph.inputs().contains(source);
    if (java.util.Arrays.equals(shape, source.shape()) && !graphEdge) {
      tensorOf.put(n.out(0), tensor(source));
      return;
    }
    int shapeTensor = constInts(n.name + "/shape", new int[] {shape.length}, shape);
    op(
        BuiltinOperator.RESHAPE,
        new ReshapeOptions(shape.clone()),
        n,
        new int[] {tensor(source), shapeTensor});
  }

  private void emitBinary(Node n, BuiltinOperator op) throws SavedModelException {
    Fused fused = fuseActivation(n);
    ActivationFunctionType act = fused.activation();
    BuiltinOptions options =
        op == BuiltinOperator.ADD
            ? new AddOptions(act, false)
            : op == BuiltinOperator.SUB ? new SubOptions(act, false) : new MulOptions(act);
    op(op, options, fused.last(), new int[] {tensor(n.inputs.get(0)), tensor(n.inputs.get(1))});
  }

  /** MatMul/Conv2D/DepthwiseConv2dNative with everything it absorbs. */
  private void emitWeighted(Node n) throws SavedModelException {
    Node.Port x = n.inputs.get(0);
    TensorValue filter = n.inputs.get(1).value();
    int[] fs = filter.shape();
    float[] w = filter.asFloats().clone();
    int channels = n.shapes[0][n.shapes[0].length - 1];
    float[] bias = new float[channels];
    boolean matmul = n.op.equals("MatMul");
    if (matmul && ShapeInference.attr(n, "transpose_b").getB()) {
      // Already [out, in]: bring it to TF's [in, out] so that one code path below handles both.
      w = transpose2d(w, fs[0], fs[1]);
      fs = new int[] {fs[1], fs[0]};
    }
    Node last = n;
    ActivationFunctionType act = ActivationFunctionType.NONE;
    List<String> names = new ArrayList<>();
    names.add(n.name);
    while (true) {
      Node next = soleReader(last.out(0));
      if (next == null) {
        break;
      }
      Node.Port other = otherConstOperand(next, last.out(0));
      if ((next.op.equals("BiasAdd") || next.op.equals("Add") || next.op.equals("AddV2"))
          && other != null
          && perChannel(other, channels)) {
        float[] b = channelValues(other.value(), channels);
        for (int c = 0; c < channels; c++) {
          bias[c] += b[c];
        }
      } else if (next.op.equals("Sub")
          && other != null
          && next.inputs.get(1) == other
          && perChannel(other, channels)) {
        float[] b = channelValues(other.value(), channels);
        for (int c = 0; c < channels; c++) {
          bias[c] -= b[c];
        }
      } else if (next.op.equals("Mul") && other != null && perChannel(other, channels)) {
        float[] s = channelValues(other.value(), channels);
        scaleChannels(w, s, channels);
        for (int c = 0; c < channels; c++) {
          bias[c] *= s[c];
        }
      } else if (next.op.startsWith("FusedBatchNorm") && next.inputs.get(0).equals(last.out(0))) {
        float[][] ss = batchNormScaleShift(next);
        scaleChannels(w, ss[0], channels);
        for (int c = 0; c < channels; c++) {
          bias[c] = bias[c] * ss[0][c] + ss[1][c];
        }
      } else if (next.op.equals("Relu") || next.op.equals("Relu6")) {
        act = activation(next);
        absorbed.add(next);
        last = next;
        names.add(next.name);
        break;
      } else {
        break;
      }
      absorbed.add(next);
      last = next;
      names.add(next.name);
    }
    String name = names.size() == 1 ? n.name : n.name + ";" + names.get(names.size() - 1);
    int input = tensor(x);
    int biasTensor =
        constFloats(
            n.layer.isEmpty() ? n.name + "/bias" : layerPath(n) + "/bias",
            new int[] {channels},
            bias);
    String weightsName = n.inputs.get(1).node().name;
    int output = addTensor(name, TensorType.FLOAT32, last.shapes[0], null);
    tensorOf.put(last.out(0), output);
    switch (n.op) {
      case "MatMul":
        {
          int weights =
              constFloats(weightsName, new int[] {fs[1], fs[0]}, transpose2d(w, fs[0], fs[1]));
          model(
              BuiltinOperator.FULLY_CONNECTED,
              new FullyConnectedOptions(
                  act,
                  FullyConnectedOptionsWeightsFormat.DEFAULT,
                  false,
                  false,
                  TensorType.FLOAT32),
              new int[] {input, weights, biasTensor},
              output);
          return;
        }
      case "Conv2D":
        {
          int[] st = ShapeInference.ints(n, "strides");
          int[] dil = dilations(n);
          int weights =
              constFloats(weightsName, new int[] {fs[3], fs[0], fs[1], fs[2]}, hwioToOhwi(w, fs));
          model(
              BuiltinOperator.CONV_2D,
              new Conv2DOptions(padding(n), st[2], st[1], act, dil[2], dil[1], TensorType.FLOAT32),
              new int[] {input, weights, biasTensor},
              output);
          return;
        }
      default:
        {
          int[] st = ShapeInference.ints(n, "strides");
          int[] dil = dilations(n);
          int weights = constFloats(weightsName, new int[] {1, fs[0], fs[1], fs[2] * fs[3]}, w);
          int version = dil[1] != 1 || dil[2] != 1 ? 2 : 1;
          addOp(
              new OperatorCode(BuiltinOperator.DEPTHWISE_CONV_2D, version),
              new DepthwiseConv2DOptions(padding(n), st[2], st[1], fs[3], act, dil[2], dil[1]),
              new int[] {input, weights, biasTensor},
              output);
        }
    }
  }

  private static String layerPath(Node n) {
    int slash = n.name.lastIndexOf('/');
    return slash < 0 ? n.name : n.name.substring(0, slash);
  }

  private static int[] dilations(Node n) {
    return n.attrs.containsKey("dilations")
        ? ShapeInference.ints(n, "dilations")
        : new int[] {1, 1, 1, 1};
  }

  /** The constant operand of a binary node whose other operand is {@code from}, or null. */
  private static Node.Port otherConstOperand(Node n, Node.Port from) {
    if (n.inputs.size() != 2) {
      return null;
    }
    Node.Port a = n.inputs.get(0);
    Node.Port b = n.inputs.get(1);
    if (a.equals(from) && b.isConstant() && !b.equals(from)) {
      return b;
    }
    if (b.equals(from) && a.isConstant() && !n.op.equals("Sub") && !n.op.equals("BiasAdd")) {
      return a;
    }
    return null;
  }

  /** True if the constant is a scalar or runs along the last (channel) axis only. */
  private static boolean perChannel(Node.Port p, int channels) {
    int[] s = p.shape();
    int count = TensorValue.count(s);
    if (count == 1) {
      return true;
    }
    if (s.length == 0 || s[s.length - 1] != channels || count != channels) {
      return false;
    }
    return true;
  }

  private static float[] channelValues(TensorValue v, int channels) {
    float[] f = v.asFloats();
    if (f.length == channels) {
      return f.clone();
    }
    float[] out = new float[channels];
    java.util.Arrays.fill(out, f[0]);
    return out;
  }

  /** Multiplies each output channel (the fastest-varying axis of a TF filter) by its scale. */
  private static void scaleChannels(float[] w, float[] s, int channels) {
    for (int i = 0; i < w.length; i++) {
      w[i] *= s[i % channels];
    }
  }

  /** y = x * scale + shift with scale = gamma / sqrt(var + eps), shift = beta - mean * scale. */
  private static float[][] batchNormScaleShift(Node n) {
    float[] gamma = n.inputs.get(1).value().asFloats();
    float[] beta = n.inputs.get(2).value().asFloats();
    float[] mean = n.inputs.get(3).value().asFloats();
    float[] var = n.inputs.get(4).value().asFloats();
    float eps = n.attrs.containsKey("epsilon") ? ShapeInference.attr(n, "epsilon").getF() : 1e-4f;
    int c = gamma.length;
    float[] scale = new float[c];
    float[] shift = new float[c];
    for (int i = 0; i < c; i++) {
      scale[i] = (float) (gamma[i] / Math.sqrt((double) var[i] + eps));
      shift[i] = (float) (beta[i] - (double) mean[i] * scale[i]);
    }
    return new float[][] {scale, shift};
  }

  /** An op with the activation it absorbed: {@code last} is the node whose output it produces. */
  private record Fused(Node last, ActivationFunctionType activation) {}

  /** {@code n} with the Relu or Relu6 that alone reads it absorbed, as the converter fuses it. */
  private Fused fuseActivation(Node n) {
    Node r = soleReader(n.out(0));
    if (r != null && (r.op.equals("Relu") || r.op.equals("Relu6"))) {
      absorbed.add(r);
      return new Fused(r, activation(r));
    }
    return new Fused(n, ActivationFunctionType.NONE);
  }

  private static ActivationFunctionType activation(Node r) {
    return r.op.equals("Relu6") ? ActivationFunctionType.RELU6 : ActivationFunctionType.RELU;
  }

  private static Padding padding(Node n) {
    return ShapeInference.attr(n, "padding").getS().toStringUtf8().equals("SAME")
        ? Padding.SAME
        : Padding.VALID;
  }

  private static float[] transpose2d(float[] w, int rows, int cols) {
    float[] t = new float[w.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = w[r * cols + c];
      }
    }
    return t;
  }

  /** TF filter [H, W, I, O] to TFLite [O, H, W, I]. */
  private static float[] hwioToOhwi(float[] w, int[] s) {
    int h = s[0];
    int wd = s[1];
    int ci = s[2];
    int co = s[3];
    float[] t = new float[w.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < wd; x++) {
        for (int i = 0; i < ci; i++) {
          for (int o = 0; o < co; o++) {
            t[((o * h + y) * wd + x) * ci + i] = w[((y * wd + x) * ci + i) * co + o];
          }
        }
      }
    }
    return t;
  }

  /** Emits a one-output op whose output is {@code last}'s output 0. */
  private void op(BuiltinOperator code, BuiltinOptions options, Node last, int[] inputs) {
    int out = addTensor(last.name, TensorType.FLOAT32, last.shapes[0], null);
    tensorOf.put(last.out(0), out);
    model(code, options, inputs, out);
  }

  private void model(BuiltinOperator code, BuiltinOptions options, int[] inputs, int output) {
    addOp(new OperatorCode(code, 1), options, inputs, output);
  }

  private void addOp(OperatorCode code, BuiltinOptions options, int[] inputs, int output) {
    int opcode = model.addOperatorCode(code);
    sub.operators().add(new Operator(opcode, inputs, new int[] {output}, options));
  }

  private int[] tensors(Node.Port p) throws SavedModelException {
    return new int[] {tensor(p)};
  }

  /** The tensor of a port: emitted already, or a constant made on first use. */
  private int tensor(Node.Port p) throws SavedModelException {
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

  private int constFloats(String name, int[] shape, float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return constant(name, TensorType.FLOAT32, shape, b.array());
  }

  private int constInts(String name, int[] shape, int[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(values);
    return constant(name, TensorType.INT32, shape, b.array());
  }

  /** A layer shared by several calls (or equal constants) is stored once. */
  private final Map<String, List<Integer>> constantsByContent = new HashMap<>();

  private int constant(String name, TensorType type, int[] shape, byte[] data) {
    String key = type + java.util.Arrays.toString(shape) + java.util.Arrays.hashCode(data);
    List<Integer> same = constantsByContent.computeIfAbsent(key, k -> new ArrayList<>());
    for (int t : same) {
      if (java.util.Arrays.equals(model.dataOf(sub.tensor(t)), data)) {
        return t;
      }
    }
    int t = addTensor(name, type, shape, data);
    same.add(t);
    return t;
  }

  private final Set<String> tensorNames = new HashSet<>();

  private int addTensor(String name, TensorType type, int[] shape, byte[] data) {
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
