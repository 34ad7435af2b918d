package dev.tinyml.savedmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tinyml.io.AtomicFiles;
import dev.tinyml.ops.OpRegistry;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.ModelSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;

/**
 * What a SavedModel directory holds and how far it converts: for every signature its inputs and
 * outputs (types and shapes as declared), the TensorFlow ops its graph computes once constants are
 * folded and whether each lowers to TFLite, and, when the whole signature lowers, the TFLite
 * operators, parameters and estimated MACs of the float model the importer makes (batch size 1).
 * This is what the {@code inspect} goal prints for a directory.
 *
 * @param directory the SavedModel directory
 * @param metaGraphs one entry per meta graph, in file order
 */
public record SavedModelSummary(Path directory, List<MetaGraphSummary> metaGraphs) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Keeps an immutable copy. */
  public SavedModelSummary {
    metaGraphs = List.copyOf(metaGraphs);
  }

  /**
   * One meta graph.
   *
   * @param tags its tag set, e.g. {@code [serve]}
   * @param tensorflowVersion the TensorFlow version that wrote it (may be empty)
   * @param signatures its signatures, sorted by key
   */
  public record MetaGraphSummary(
      List<String> tags, String tensorflowVersion, List<SignatureSummary> signatures) {
    /** Keeps immutable copies. */
    public MetaGraphSummary {
      tags = List.copyOf(tags);
      signatures = List.copyOf(signatures);
    }
  }

  /**
   * One signature.
   *
   * @param key e.g. {@code serving_default}
   * @param inputs inputs as declared, sorted by key
   * @param outputs outputs as declared, sorted by key
   * @param ops the TensorFlow ops the graph computes (empty when the graph could not be read)
   * @param lowered the float TFLite model's summary, or {@code null} when the signature does not
   *     lower
   * @param problem why the signature does not lower, or {@code null}
   */
  public record SignatureSummary(
      String key,
      List<SavedModelInfo.TensorSpec> inputs,
      List<SavedModelInfo.TensorSpec> outputs,
      List<OpUse> ops,
      ModelSummary lowered,
      String problem) {
    /** Keeps immutable copies. */
    public SignatureSummary {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
      ops = List.copyOf(ops);
    }

    /** Whether the signature converts to a TFLite model. */
    public boolean lowers() {
      return problem == null;
    }
  }

  /**
   * One TensorFlow op type of a signature's graph.
   *
   * @param op the op type, e.g. {@code MatMul}
   * @param count how many nodes of that type remain after constant folding
   * @param lowers whether the importer lowers it to TFLite
   */
  public record OpUse(String op, int count, boolean lowers) {}

  /**
   * Reads {@code saved_model.pb} and the variables, and tries to lower every signature.
   *
   * @param dir the SavedModel directory
   * @return its summary; signatures that do not lower say why in {@link SignatureSummary#problem}
   * @throws SavedModelException when the directory does not exist or {@code saved_model.pb} is
   *     missing or malformed
   */
  public static SavedModelSummary read(Path dir) throws SavedModelException {
    SavedModelFile.requireDirectory(dir);
    SavedModel sm = SavedModelFile.read(dir);
    SavedModelInfo info = SavedModelInfo.read(dir);
    List<MetaGraphSummary> graphs = new ArrayList<>();
    for (int g = 0; g < sm.getMetaGraphsCount(); g++) {
      MetaGraphDef mg = sm.getMetaGraphs(g);
      SavedModelInfo.MetaGraph described = info.metaGraphs().get(g);
      List<SignatureSummary> sigs = new ArrayList<>();
      for (SavedModelInfo.Signature s : described.signatures()) {
        sigs.add(signature(dir, mg, s));
      }
      graphs.add(new MetaGraphSummary(described.tags(), described.tensorflowVersion(), sigs));
    }
    return new SavedModelSummary(dir, graphs);
  }

  private static SignatureSummary signature(
      Path dir, MetaGraphDef mg, SavedModelInfo.Signature declared) throws SavedModelException {
    SignatureDef def = mg.getSignatureDefMap().get(declared.key());
    Variables variables =
        new Variables(dir, mg.hasObjectGraphDef() ? mg.getObjectGraphDef() : null);
    GraphImporter.Imported graph;
    try {
      graph =
          SavedModelImporter.onLargeStack(
              () -> GraphImporter.importSignature(mg, def, declared.key(), variables, 1));
    } catch (UnsupportedOpsException e) {
      return notLowered(declared, ops(e.opCounts(), e), e.getMessage());
    } catch (SavedModelException e) {
      return notLowered(declared, List.of(), e.getMessage());
    }
    SortedMap<String, Integer> counts = new TreeMap<>(GraphImporter.opCounts(graph.nodes()));
    try {
      Model model =
          SavedModelImporter.onLargeStack(() -> Lowering.lower(graph, declared.key(), "inspect"));
      return new SignatureSummary(
          declared.key(),
          declared.inputs(),
          declared.outputs(),
          ops(counts, null),
          ModelSummary.of(model, OpRegistry::macs),
          null);
    } catch (UnsupportedOpsException e) {
      return notLowered(declared, ops(counts, e), e.getMessage());
    } catch (SavedModelException e) {
      return notLowered(declared, ops(counts, null), e.getMessage());
    }
  }

  private static SignatureSummary notLowered(
      SavedModelInfo.Signature declared, List<OpUse> ops, String problem) {
    return new SignatureSummary(
        declared.key(), declared.inputs(), declared.outputs(), ops, null, problem);
  }

  private static List<OpUse> ops(Map<String, Integer> counts, UnsupportedOpsException failure) {
    List<OpUse> ops = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      boolean lowers = failure == null || !failure.unsupportedOps().contains(e.getKey());
      ops.add(new OpUse(e.getKey(), e.getValue(), lowers));
    }
    return ops;
  }

  /** A readable multi-line summary. */
  public String toText() {
    StringBuilder s = new StringBuilder("SavedModel ").append(directory).append('\n');
    for (MetaGraphSummary mg : metaGraphs) {
      s.append("Meta graph tagged ").append(String.join(",", mg.tags()));
      if (!mg.tensorflowVersion().isEmpty()) {
        s.append(" (TensorFlow ").append(mg.tensorflowVersion()).append(')');
      }
      s.append('\n');
      for (SignatureSummary sig : mg.signatures()) {
        appendSignature(s, sig);
      }
    }
    return s.toString();
  }

  private static void appendSignature(StringBuilder s, SignatureSummary sig) {
    s.append("Signature '")
        .append(sig.key())
        .append("': ")
        .append(sig.lowers() ? "lowers to TFLite" : "does not lower to TFLite")
        .append('\n');
    for (SavedModelInfo.TensorSpec t : sig.inputs()) {
      appendTensor(s, "input ", t);
    }
    for (SavedModelInfo.TensorSpec t : sig.outputs()) {
      appendTensor(s, "output", t);
    }
    if (!sig.ops().isEmpty()) {
      s.append("  TensorFlow ops (constants folded):\n");
      for (OpUse op : sig.ops()) {
        s.append(
            String.format(
                Locale.ROOT,
                "    %-28s x%-4d %s%n",
                op.op(),
                op.count(),
                op.lowers() ? "lowers" : "NO TFLite lowering"));
      }
    }
    if (sig.lowered() != null) {
      ModelSummary m = sig.lowered();
      List<String> ops = new ArrayList<>();
      m.opCounts().forEach((op, n) -> ops.add(op + " x" + n));
      s.append("  TFLite operators (float, batch 1): ")
          .append(String.join(", ", ops))
          .append('\n')
          .append(
              String.format(
                  Locale.ROOT,
                  "  Parameters: %,d (%,d bytes float); MACs: %,d (estimated)%n",
                  m.parameters(),
                  m.weightBytes(),
                  m.macs()));
    } else {
      s.append("  Problem: ").append(sig.problem().replace("\n", "\n    ")).append('\n');
    }
  }

  private static void appendTensor(StringBuilder s, String role, SavedModelInfo.TensorSpec t) {
    s.append(
        String.format(
            Locale.ROOT,
            "  %s  %-20s %-8s %-16s (%s)%n",
            role,
            t.key(),
            t.dtype(),
            shapeText(t.shape()),
            t.tensorName()));
  }

  private static String shapeText(int[] shape) {
    if (shape == null) {
      return "[unknown rank]";
    }
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      b.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "?" : Integer.toString(shape[i]));
    }
    return b.append(']').toString();
  }

  /** The summary as JSON: meta graphs, signatures, tensors, ops, and the lowered model's totals. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "savedmodel");
    root.put("directory", directory.toString());
    ArrayNode graphs = root.putArray("metaGraphs");
    for (MetaGraphSummary mg : metaGraphs) {
      ObjectNode g = graphs.addObject();
      ArrayNode tags = g.putArray("tags");
      mg.tags().forEach(tags::add);
      g.put("tensorflowVersion", mg.tensorflowVersion());
      ArrayNode sigs = g.putArray("signatures");
      for (SignatureSummary sig : mg.signatures()) {
        ObjectNode o = sigs.addObject().put("key", sig.key()).put("lowers", sig.lowers());
        tensors(o.putArray("inputs"), sig.inputs());
        tensors(o.putArray("outputs"), sig.outputs());
        ArrayNode ops = o.putArray("ops");
        for (OpUse op : sig.ops()) {
          ops.addObject().put("op", op.op()).put("count", op.count()).put("lowers", op.lowers());
        }
        if (sig.lowered() != null) {
          ObjectNode t = o.putObject("tflite");
          ObjectNode counts = t.putObject("opCounts");
          sig.lowered().opCounts().forEach(counts::put);
          t.put("parameters", sig.lowered().parameters());
          t.put("weightBytes", sig.lowered().weightBytes());
          t.put("macs", sig.lowered().macs());
        } else {
          o.put("problem", sig.problem());
        }
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void tensors(ArrayNode array, List<SavedModelInfo.TensorSpec> specs) {
    for (SavedModelInfo.TensorSpec t : specs) {
      ObjectNode o =
          array
              .addObject()
              .put("key", t.key())
              .put("tensor", t.tensorName())
              .put("dtype", t.dtype());
      if (t.shape() == null) {
        o.putNull("shape");
      } else {
        ArrayNode shape = o.putArray("shape");
        for (int d : t.shape()) {
          shape.add(d);
        }
      }
    }
  }

  /**
   * Writes {@link #toJson()} to {@code file} atomically, creating parent directories.
   *
   * @param file the destination
   * @throws IOException when it cannot be written
   */
  public void writeJson(Path file) throws IOException {
    AtomicFiles.write(file, toJson());
  }

  /** Whether {@code path} looks like a SavedModel directory (a directory with saved_model.pb). */
  public static boolean isSavedModel(Path path) {
    return Files.isDirectory(path) && Files.isRegularFile(path.resolve("saved_model.pb"));
  }
}
