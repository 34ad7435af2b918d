package dev.tinyml.tflite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a model holds: per subgraph its tensors (name, type, shape, quantization, bytes) and
 * operators (opcode, version, tensors, estimated MACs), plus operator counts and versions,
 * parameter count, weight bytes and total MACs. Op and type names are those of the TFLite schema.
 *
 * @param version the schema version
 * @param description the model's description, or {@code null}
 * @param subgraphs one entry per subgraph, the main one first
 * @param opCounts operator name to number of uses, by name
 * @param opVersions operator name to the versions the model uses it at, by name
 * @param parameters elements of the constant tensors (each buffer counted once)
 * @param weightBytes bytes of the constant tensors' buffers (each buffer counted once)
 * @param macs estimated multiply-accumulates of one invocation of all subgraphs
 */
public record ModelSummary(
    int version,
    String description,
    List<SubgraphSummary> subgraphs,
    Map<String, Integer> opCounts,
    Map<String, List<Integer>> opVersions,
    long parameters,
    long weightBytes,
    long macs) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One subgraph.
   *
   * @param index the subgraph's index
   * @param name its name, or {@code null}
   * @param inputs input tensor indices
   * @param outputs output tensor indices
   * @param tensors every tensor
   * @param operators every operator, in execution order
   */
  public record SubgraphSummary(
      int index,
      String name,
      int[] inputs,
      int[] outputs,
      List<TensorSummary> tensors,
      List<OperatorSummary> operators) {}

  /**
   * One tensor.
   *
   * @param index the tensor's index in its subgraph
   * @param name its name, or {@code null}
   * @param type the schema type name, e.g. {@code INT8}
   * @param shape the shape
   * @param scale quantization scales (empty if none)
   * @param zeroPoint quantization zero points (empty if none)
   * @param quantizedDimension the dimension per-channel parameters run along
   * @param bytes the dense size in bytes (-1 if the shape is dynamic)
   * @param constant whether the tensor has data in a buffer
   */
  public record TensorSummary(
      int index,
      String name,
      String type,
      int[] shape,
      float[] scale,
      long[] zeroPoint,
      int quantizedDimension,
      long bytes,
      boolean constant) {}

  /**
   * One operator.
   *
   * @param index the operator's position in execution order
   * @param opcode the builtin name (e.g. {@code CONV_2D}), {@code CUSTOM}, or {@code BUILTIN_<n>}
   *     for codes newer than the library
   * @param customCode the custom operator's name, or {@code null}
   * @param version the operator version
   * @param inputs input tensor indices (-1 for absent optional inputs)
   * @param outputs output tensor indices
   * @param macs estimated multiply-accumulates (the op classes' estimate, see docs/tflite.md)
   */
  public record OperatorSummary(
      int index,
      String opcode,
      String customCode,
      int version,
      int[] inputs,
      int[] outputs,
      long macs) {}

  /**
   * Summarises a model. Works on any model the reader returns, including ones with dangling
   * references (they show as {@code ?}). MACs are the op classes' estimates ({@link
   * OperatorMacs#installed()}).
   */
  public static ModelSummary of(Model model) {
    return of(model, OperatorMacs.installed());
  }

  /**
   * Summarises a model, estimating each operator's MACs with {@code estimate}.
   *
   * @see #of(Model)
   */
  public static ModelSummary of(Model model, OperatorMacs estimate) {
    List<SubgraphSummary> graphs = new ArrayList<>();
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, List<Integer>> versions = new TreeMap<>();
    BitSet counted = new BitSet();
    long parameters = 0;
    long weightBytes = 0;
    long macs = 0;
    for (int gi = 0; gi < model.subgraphs().size(); gi++) {
      SubGraph g = model.subgraphs().get(gi);
      List<TensorSummary> tensors = new ArrayList<>();
      for (int i = 0; i < g.tensors().size(); i++) {
        Tensor t = g.tensors().get(i);
        QuantizationParameters q = t.quantization();
        int buffer = t.buffer();
        byte[] data =
            buffer > 0 && buffer < model.buffers().size()
                ? model.buffers().get(buffer).data()
                : new byte[0];
        boolean constant = data.length > 0;
        if (constant && !counted.get(buffer)) {
          counted.set(buffer);
          parameters += Math.max(t.elementCount(), 0);
          weightBytes += data.length;
        }
        tensors.add(
            new TensorSummary(
                i,
                t.name(),
                t.type().name(),
                t.shape().clone(),
                q == null ? new float[0] : q.scale(),
                q == null ? new long[0] : q.zeroPoint(),
                q == null ? 0 : q.quantizedDimension(),
                t.byteSize(),
                constant));
      }
      List<OperatorSummary> ops = new ArrayList<>();
      for (int i = 0; i < g.operators().size(); i++) {
        Operator op = g.operators().get(i);
        int oi = op.opcodeIndex();
        OperatorCode code =
            oi >= 0 && oi < model.operatorCodes().size() ? model.operatorCodes().get(oi) : null;
        String name = code == null ? "?" : opcodeName(code);
        long m = oi >= 0 && oi < model.operatorCodes().size() ? estimate.macs(model, g, op) : 0;
        macs = m > Long.MAX_VALUE - macs ? Long.MAX_VALUE : macs + m;
        ops.add(
            new OperatorSummary(
                i,
                name,
                code == null ? null : code.customCode(),
                code == null ? 0 : code.version(),
                op.inputs().clone(),
                op.outputs().clone(),
                m));
        String key = code != null && code.customCode() != null ? code.displayName() : name;
        counts.merge(key, 1, Integer::sum);
        List<Integer> vs = versions.computeIfAbsent(key, k -> new ArrayList<>());
        if (code != null && !vs.contains(code.version())) {
          vs.add(code.version());
          vs.sort(null);
        }
      }
      graphs.add(
          new SubgraphSummary(gi, g.name(), g.inputs().clone(), g.outputs().clone(), tensors, ops));
    }
    return new ModelSummary(
        model.version(),
        model.description(),
        graphs,
        counts,
        versions,
        parameters,
        weightBytes,
        macs);
  }

  private static String opcodeName(OperatorCode code) {
    BuiltinOperator op = code.builtinCode();
    return op == null ? "BUILTIN_" + code.builtinCodeValue() : op.name();
  }

  /**
   * The summary as JSON: {@code {"version", "description", "subgraphs":[{"index", "name", "inputs",
   * "outputs", "tensors":[{"index", "name", "type", "shape", "scale", "zeroPoint",
   * "quantizedDimension", "bytes", "constant"}], "operators":[{"index", "opcode", "customCode",
   * "version", "inputs", "outputs", "macs"}]}], "opCounts", "opVersions", "parameters",
   * "weightBytes", "macs"}}, pretty-printed, keys in this order.
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", version);
    root.put("description", description);
    ArrayNode gs = root.putArray("subgraphs");
    for (SubgraphSummary g : subgraphs) {
      ObjectNode gn = gs.addObject();
      gn.put("index", g.index());
      gn.put("name", g.name());
      ints(gn.putArray("inputs"), g.inputs());
      ints(gn.putArray("outputs"), g.outputs());
      ArrayNode ts = gn.putArray("tensors");
      for (TensorSummary t : g.tensors()) {
        ObjectNode tn = ts.addObject();
        tn.put("index", t.index());
        tn.put("name", t.name());
        tn.put("type", t.type());
        ints(tn.putArray("shape"), t.shape());
        ArrayNode scale = tn.putArray("scale");
        for (float s : t.scale()) {
          scale.add(s);
        }
        ArrayNode zp = tn.putArray("zeroPoint");
        for (long z : t.zeroPoint()) {
          zp.add(z);
        }
        tn.put("quantizedDimension", t.quantizedDimension());
        tn.put("bytes", t.bytes());
        tn.put("constant", t.constant());
      }
      ArrayNode os = gn.putArray("operators");
      for (OperatorSummary o : g.operators()) {
        ObjectNode on = os.addObject();
        on.put("index", o.index());
        on.put("opcode", o.opcode());
        if (o.customCode() != null) {
          on.put("customCode", o.customCode());
        }
        on.put("version", o.version());
        ints(on.putArray("inputs"), o.inputs());
        ints(on.putArray("outputs"), o.outputs());
        on.put("macs", o.macs());
      }
    }
    ObjectNode counts = root.putObject("opCounts");
    opCounts.forEach(counts::put);
    ObjectNode vs = root.putObject("opVersions");
    opVersions.forEach((k, v) -> v.forEach(vs.putArray(k)::add));
    root.put("parameters", parameters);
    root.put("weightBytes", weightBytes);
    root.put("macs", macs);
    try {
      return JSON.writeValueAsString(root) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@link #toJson()} to {@code file} atomically (a temporary file beside it, then moved in
   * place), creating parent directories.
   */
  public void writeJson(java.nio.file.Path file) throws java.io.IOException {
    dev.tinyml.io.AtomicFiles.write(file, toJson());
  }

  private static void ints(ArrayNode node, int[] values) {
    for (int v : values) {
      node.add(v);
    }
  }

  /** A readable multi-line summary: inputs, outputs, operators, op counts and totals. */
  public String toText() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "TFLite model, schema version %d", version));
    if (description != null) {
      s.append(", \"").append(description).append('"');
    }
    s.append('\n');
    for (SubgraphSummary g : subgraphs) {
      s.append(
          String.format(
              Locale.ROOT,
              "%nSubgraph %d%s: %d tensors, %d operators%n",
              g.index(),
              g.name() == null ? "" : " \"" + g.name() + "\"",
              g.tensors().size(),
              g.operators().size()));
      for (int i : g.inputs()) {
        s.append("  input   ").append(tensorLine(g, i)).append('\n');
      }
      for (int i : g.outputs()) {
        s.append("  output  ").append(tensorLine(g, i)).append('\n');
      }
      s.append(
          String.format(
              Locale.ROOT,
              "%n  %4s  %-28s %3s  %-32s %15s%n",
              "#",
              "op",
              "v",
              "inputs -> outputs",
              "MACs"));
      for (OperatorSummary o : g.operators()) {
        String name = o.customCode() == null ? o.opcode() : o.opcode() + ":" + o.customCode();
        s.append(
            String.format(
                Locale.ROOT,
                "  %4d  %-28s %3d  %-32s %,15d%n",
                o.index(),
                name,
                o.version(),
                Arrays.toString(o.inputs()) + " -> " + Arrays.toString(o.outputs()),
                o.macs()));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "%n  %4s  %-8s %-18s %10s  %-24s %s%n",
              "#",
              "type",
              "shape",
              "bytes",
              "quantization",
              "tensor"));
      for (TensorSummary t : g.tensors()) {
        s.append(
            String.format(
                Locale.ROOT,
                "  %4d  %-8s %-18s %,10d  %-24s %s%s%n",
                t.index(),
                t.type(),
                Arrays.toString(t.shape()),
                t.bytes(),
                quantText(t),
                t.name() == null ? "" : t.name(),
                t.constant() ? " (constant)" : ""));
      }
    }
    s.append("\nOperators:");
    opCounts.forEach(
        (k, v) ->
            s.append(' ')
                .append(k)
                .append(" x")
                .append(v)
                .append(" v")
                .append(join(opVersions.get(k))));
    s.append('\n');
    s.append(String.format(Locale.ROOT, "Parameters:   %,d%n", parameters));
    s.append(String.format(Locale.ROOT, "Weight bytes: %,d%n", weightBytes));
    s.append(String.format(Locale.ROOT, "MACs:         %,d (estimated)%n", macs));
    return s.toString();
  }

  private static String join(List<Integer> versions) {
    StringBuilder s = new StringBuilder();
    for (int v : versions) {
      s.append(s.length() == 0 ? "" : ",").append(v);
    }
    return s.toString();
  }

  private static String tensorLine(SubgraphSummary g, int index) {
    if (index < 0 || index >= g.tensors().size()) {
      return "? (tensor " + index + ")";
    }
    TensorSummary t = g.tensors().get(index);
    return String.format(
        Locale.ROOT,
        "%d %s %s%s %s",
        index,
        t.name() == null ? "<unnamed>" : t.name(),
        t.type(),
        Arrays.toString(t.shape()),
        quantText(t));
  }

  private static String quantText(TensorSummary t) {
    if (t.scale().length == 0) {
      return "";
    }
    if (t.scale().length == 1) {
      return String.format(
          Locale.ROOT,
          "s=%s zp=%s",
          t.scale()[0],
          t.zeroPoint().length > 0 ? String.valueOf(t.zeroPoint()[0]) : "-");
    }
    return "per-channel(" + t.scale().length + ", dim " + t.quantizedDimension() + ")";
  }

  /** Summarises the model in this file. */
  public static ModelSummary of(java.nio.file.Path file) throws TfliteFormatException {
    return of(TfliteReader.read(file));
  }

  /** Summarises the model in this file, estimating each operator's MACs with {@code estimate}. */
  public static ModelSummary of(java.nio.file.Path file, OperatorMacs estimate)
      throws TfliteFormatException {
    return of(TfliteReader.read(file), estimate);
  }

  @Override
  public String toString() {
    return toText();
  }
}
