package dev.tinyml.savedmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Builds the internal graph of one signature: starts at the signature's output tensors, walks back
 * through the main graph, inlines {@code StatefulPartitionedCall}/{@code PartitionedCall} and
 * direct function calls recursively, looks through Identity-like ops and variable reads, binds
 * variables to their saved values, and folds constants and infers static shapes as it creates each
 * node. Only what the outputs need is visited, so training-only branches, savers and initialisers
 * never appear.
 */
final class GraphImporter {
  private static final Pattern CALL_NAME = Pattern.compile("(Stateful)?PartitionedCall(_\\d+)?");
  private static final Set<String> PASS_THROUGH =
      Set.of(
          "Identity",
          "Snapshot",
          "StopGradient",
          "PreventGradient",
          "CheckNumerics",
          "EnsureShape",
          "ReadVariableOp");
  private static final Set<String> VARIABLE_OPS = Set.of("VarHandleOp", "VariableV2", "Variable");

  private final Map<String, FunctionDef> functions = new HashMap<>();
  private final Map<String, Node.Port> signatureInputs = new HashMap<>();
  private final Variables variables;
  private final List<Node> nodes = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private final Set<String> unsupported = new LinkedHashSet<>();
  private final Set<String> unsupportedOps = new HashSet<>();
  private final Map<String, Node> variableNodes = new HashMap<>();
  private final Scope main;

  /** The imported graph of one signature. */
  record Imported(
      List<Node> nodes,
      List<String> inputNames,
      List<Node.Port> inputs,
      List<String> outputNames,
      List<Node.Port> outputs) {}

  private GraphImporter(MetaGraphDef metaGraph, Variables variables) {
    this.variables = variables;
    GraphDef g = metaGraph.getGraphDef();
    for (FunctionDef f : g.getLibrary().getFunctionList()) {
      functions.put(f.getSignature().getName(), f);
    }
    Map<String, NodeDef> defs = new HashMap<>();
    for (NodeDef n : g.getNodeList()) {
      defs.put(n.getName(), n);
    }
    main = new Scope(null, "", defs, Map.of());
  }

  /**
   * @param metaGraph the chosen meta graph
   * @param signature the chosen signature
   * @param signatureKey its key, for messages
   * @param variables where variable values come from
   * @param batchSize what an unknown leading dimension becomes
   */
  static Imported importSignature(
      MetaGraphDef metaGraph,
      SignatureDef signature,
      String signatureKey,
      Variables variables,
      int batchSize)
      throws SavedModelException {
    return new GraphImporter(metaGraph, variables).run(signature, signatureKey, batchSize);
  }

  private Imported run(SignatureDef signature, String key, int batchSize)
      throws SavedModelException {
    List<String> inputNames = new ArrayList<>();
    List<Node.Port> inputs = new ArrayList<>();
    for (Map.Entry<String, TensorInfo> e : new TreeMap<>(signature.getInputsMap()).entrySet()) {
      TensorInfo info = e.getValue();
      if (info.getDtype() != DataType.DT_FLOAT) {
        throw new SavedModelException(
            "Signature '"
                + key
                + "' input '"
                + e.getKey()
                + "' ("
                + info.getName()
                + ") is of type "
                + DType.tfName(info.getDtype())
                + "; the importer takes float32 inputs only. "
                + "Serialized tf.Example (string) signatures are out of scope: export a signature "
                + "that takes the float features directly (e.g. model.export or a tf.function with a "
                + "float TensorSpec).");
      }
      int[] shape = staticShape(info.getTensorShape(), batchSize, key, e.getKey());
      Node placeholder = new Node(unique(e.getKey()), "Placeholder", "", List.of(), Map.of(), 1);
      placeholder.types[0] = DType.FLOAT;
      placeholder.shapes[0] = shape;
      nodes.add(placeholder);
      inputNames.add(e.getKey());
      inputs.add(placeholder.out(0));
      String tensor = info.getName().contains(":") ? info.getName() : info.getName() + ":0";
      signatureInputs.put(tensor, placeholder.out(0));
    }
    List<String> outputNames = new ArrayList<>();
    List<Node.Port> outputs = new ArrayList<>();
    for (Map.Entry<String, TensorInfo> e : new TreeMap<>(signature.getOutputsMap()).entrySet()) {
      outputNames.add(e.getKey());
      outputs.add(resolve(main, e.getValue().getName()));
    }
    if (!unsupported.isEmpty()) {
      throw new UnsupportedOpsException(
          "Signature '"
              + key
              + "' uses "
              + unsupported.size()
              + " operation(s) the importer cannot "
              + "lower to TFLite builtins:\n  "
              + String.join("\n  ", unsupported)
              + "\nReplace these layers with supported ones (see docs/savedmodel.md for the list), "
              + "or export a signature that stops before them.",
          opCounts(nodes),
          unsupportedOps);
    }
    for (int i = 0; i < outputs.size(); i++) {
      if (outputs.get(i).shape() == null) {
        throw new SavedModelException(
            "Signature '"
                + key
                + "' output '"
                + outputNames.get(i)
                + "' has no static shape. "
                + "Give every input a fully defined shape (only the batch dimension may be -1).");
      }
    }
    return new Imported(nodes, inputNames, inputs, outputNames, outputs);
  }

  private static int[] staticShape(TensorShapeProto s, int batchSize, String key, String input)
      throws SavedModelException {
    if (s.getUnknownRank()) {
      throw new SavedModelException(
          "Signature '"
              + key
              + "' input '"
              + input
              + "' has an unknown rank, so its shape cannot be "
              + "made static. Export the function with a TensorSpec of fixed rank, e.g. "
              + "tf.TensorSpec([None, 5], tf.float32).");
    }
    int[] shape = new int[s.getDimCount()];
    for (int i = 0; i < shape.length; i++) {
      long d = s.getDim(i).getSize();
      if (d < 0) {
        if (i != 0) {
          throw new SavedModelException(
              "Signature '"
                  + key
                  + "' input '"
                  + input
                  + "' has unknown dimension "
                  + i
                  + " in "
                  + ShapeInference.str(TensorBundle.shapeOf(s))
                  + "; only the leading (batch) "
                  + "dimension may be unknown. Export with a fully defined input shape.");
        }
        d = batchSize;
      }
      shape[i] = (int) d;
    }
    return shape;
  }

  /** A main graph or one inlined function call. */
  private final class Scope {
    final FunctionDef function;
    final String prefix;
    final Map<String, NodeDef> defs;
    final Map<String, Node.Port> args;
    final Map<String, Node> built = new HashMap<>();
    final Map<String, Scope> calls = new HashMap<>();

    Scope(
        FunctionDef function,
        String prefix,
        Map<String, NodeDef> defs,
        Map<String, Node.Port> args) {
      this.function = function;
      this.prefix = prefix;
      this.defs = defs;
      this.args = args;
    }

    String where() {
      return function == null ? "the main graph" : "function " + function.getSignature().getName();
    }
  }

  private Node.Port resolve(Scope s, String ref) throws SavedModelException {
    if (s.function == null) {
      int colon = ref.lastIndexOf(':');
      String name = colon < 0 ? ref : ref.substring(0, colon);
      int index = colon < 0 ? 0 : parseIndex(ref, ref.substring(colon + 1));
      Node.Port fed = signatureInputs.get(name + ":" + index);
      if (fed != null) {
        return fed;
      }
      NodeDef def = s.defs.get(name);
      if (def == null) {
        throw new SavedModelException("Tensor '" + ref + "' names no node of the main graph.");
      }
      return output(s, def, null, index);
    }
    String[] parts = ref.split(":");
    if (parts.length == 1) {
      Node.Port arg = s.args.get(ref);
      if (arg == null) {
        throw new SavedModelException(
            "Input '" + ref + "' names no argument of " + s.where() + ".");
      }
      return arg;
    }
    NodeDef def = s.defs.get(parts[0]);
    if (def == null || parts.length != 3) {
      throw new SavedModelException("Input '" + ref + "' names no node of " + s.where() + ".");
    }
    return output(s, def, parts[1], parseIndex(ref, parts[2]));
  }

  private Node.Port output(Scope s, NodeDef def, String outArg, int k) throws SavedModelException {
    String op = def.getOp();
    FunctionDef callee = callee(def);
    if (callee != null) {
      int index = k;
      if (outArg != null && functions.containsKey(op)) {
        index = argIndex(callee.getSignature().getOutputArgList(), outArg) + k;
      }
      Scope child = s.calls.get(def.getName());
      if (child == null) {
        child = inline(s, def, callee);
        s.calls.put(def.getName(), child);
      }
      List<OpDef.ArgDef> outs = callee.getSignature().getOutputArgList();
      if (index < 0 || index >= outs.size()) {
        throw new SavedModelException(
            "Node '"
                + def.getName()
                + "' in "
                + s.where()
                + " reads output "
                + index
                + " of function "
                + callee.getSignature().getName()
                + ", which has "
                + outs.size()
                + " outputs.");
      }
      String ret = callee.getRetMap().get(outs.get(index).getName());
      return resolve(child, ret);
    }
    if (PASS_THROUGH.contains(op)) {
      return resolve(s, firstData(def));
    }
    if (op.equals("IdentityN")) {
      return resolve(s, dataInputs(def).get(k));
    }
    if (op.equals("PlaceholderWithDefault")) {
      return resolve(s, firstData(def));
    }
    if (VARIABLE_OPS.contains(op)) {
      return variable(def).out(0);
    }
    if (op.equals("Placeholder")) {
      throw new SavedModelException(
          "The signature's outputs depend on placeholder '"
              + def.getName()
              + "' of "
              + s.where()
              + ", which the signature does not feed. Choose a signature whose inputs cover it.");
    }
    Node n = s.built.get(def.getName());
    if (n == null) {
      n = build(s, def);
      s.built.put(def.getName(), n);
    }
    int index = outArg == null ? k : ShapeInference.outputIndex(op, outArg) + k;
    if (index >= n.types.length) {
      throw new SavedModelException(n.describe() + " has no output " + index + ".");
    }
    return n.out(index);
  }

  private FunctionDef callee(NodeDef def) throws SavedModelException {
    String op = def.getOp();
    if (op.equals("StatefulPartitionedCall") || op.equals("PartitionedCall")) {
      String f = def.getAttrOrDefault("f", AttrValue.getDefaultInstance()).getFunc().getName();
      FunctionDef fn = functions.get(f);
      if (fn == null) {
        throw new SavedModelException(
            "Node '"
                + def.getName()
                + "' calls function '"
                + f
                + "', which is not in the graph's "
                + "function library. The saved_model.pb is incomplete: re-export the model.");
      }
      return fn;
    }
    return functions.get(op);
  }

  private Scope inline(Scope s, NodeDef call, FunctionDef fn) throws SavedModelException {
    List<String> inputs = dataInputs(call);
    List<OpDef.ArgDef> params = fn.getSignature().getInputArgList();
    if (inputs.size() != params.size()) {
      throw new SavedModelException(
          "Node '"
              + call.getName()
              + "' passes "
              + inputs.size()
              + " inputs to function "
              + fn.getSignature().getName()
              + ", which takes "
              + params.size()
              + ".");
    }
    Map<String, Node.Port> args = new HashMap<>();
    for (int i = 0; i < params.size(); i++) {
      args.put(params.get(i).getName(), resolve(s, inputs.get(i)));
    }
    Map<String, NodeDef> defs = new HashMap<>();
    for (NodeDef n : fn.getNodeDefList()) {
      defs.put(n.getName(), n);
    }
    String last = call.getName().substring(call.getName().lastIndexOf('/') + 1);
    String own = call.getName().substring(0, call.getName().length() - last.length());
    String prefix = s.prefix + (CALL_NAME.matcher(last).matches() ? own : call.getName() + "/");
    return new Scope(fn, prefix, defs, args);
  }

  private Node variable(NodeDef def) throws SavedModelException {
    Node n = variableNodes.get(def.getName());
    if (n == null) {
      String shared =
          def.getAttrOrDefault("shared_name", AttrValue.getDefaultInstance()).getS().toStringUtf8();
      String graphName = shared.isEmpty() ? def.getName() : shared;
      TensorValue value = variables.value(graphName, def.getName());
      AttrValue declared = def.getAttrMap().get("shape");
      if (declared != null && !declared.getShape().getUnknownRank()) {
        int[] shape = TensorBundle.shapeOf(declared.getShape());
        boolean known = java.util.Arrays.stream(shape).allMatch(d -> d >= 0);
        if (known && !java.util.Arrays.equals(shape, value.shape())) {
          throw new SavedModelException(
              "Variable node '"
                  + def.getName()
                  + "' is declared "
                  + ShapeInference.str(shape)
                  + " but its saved value is "
                  + ShapeInference.str(value.shape())
                  + ". The checkpoint does not belong to this graph: re-export the SavedModel.");
        }
      }
      n = Node.constant(unique(def.getName()), layerOf(def.getName()), value);
      nodes.add(n);
      variableNodes.put(def.getName(), n);
    }
    return n;
  }

  /**
   * The op types the graph computes at run time and how often: constants, nodes folded into
   * constants and the input placeholders are left out.
   */
  static Map<String, Integer> opCounts(List<Node> nodes) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Node n : nodes) {
      if (!n.isConstant() && n.values[0] == null && !n.op.equals("Placeholder")) {
        counts.merge(n.op, 1, Integer::sum);
      }
    }
    return counts;
  }

  private Node build(Scope s, NodeDef def) throws SavedModelException {
    List<Node.Port> inputs = new ArrayList<>();
    for (String in : dataInputs(def)) {
      inputs.add(resolve(s, in));
    }
    String name = unique(s.prefix + def.getName());
    Node n =
        new Node(
            name,
            def.getOp(),
            layerOf(name),
            inputs,
            def.getAttrMap(),
            ShapeInference.outputCount(def));
    try {
      if (!ShapeInference.infer(n)) {
        unsupported.add(n.describe() + UnsupportedOpHints.hint(n.op));
        unsupportedOps.add(n.op);
      }
    } catch (IllegalArgumentException e) {
      throw new SavedModelException(n.describe() + ": " + e.getMessage(), e);
    } catch (IndexOutOfBoundsException | NullPointerException e) {
      // Attributes or inputs of the wrong arity: the node does not match its op's definition.
      throw new SavedModelException(
          n.describe()
              + " has malformed attributes or inputs for its op ("
              + e
              + "). The "
              + "saved_model.pb is corrupted or was written by an incompatible tool.",
          e);
    }
    nodes.add(n);
    return n;
  }

  private static int parseIndex(String ref, String index) throws SavedModelException {
    try {
      return Integer.parseInt(index);
    } catch (NumberFormatException e) {
      throw new SavedModelException(
          "Tensor reference '" + ref + "' has a malformed output index.", e);
    }
  }

  private static int argIndex(List<OpDef.ArgDef> args, String name) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).getName().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> dataInputs(NodeDef def) {
    List<String> out = new ArrayList<>();
    for (String in : def.getInputList()) {
      if (!in.startsWith("^")) {
        out.add(in);
      }
    }
    return out;
  }

  private static String firstData(NodeDef def) throws SavedModelException {
    List<String> in = dataInputs(def);
    if (in.isEmpty()) {
      throw new SavedModelException(
          "Node '" + def.getName() + "' (" + def.getOp() + ") has no input.");
    }
    return in.get(0);
  }

  /** The Keras layer a node belongs to: the name scope just above the op, e.g. {@code conv2d}. */
  static String layerOf(String name) {
    String[] parts = name.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] : "";
  }

  private String unique(String name) {
    String n = name;
    for (int i = 1; !names.add(n); i++) {
      n = name + "_" + i;
    }
    return n;
  }
}
