package dev.tinyml.savedmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * What a SavedModel directory offers: its meta graphs (by tag set) and their signatures with input
 * and output names, types and shapes. Reads only {@code saved_model.pb}.
 *
 * @param metaGraphs every meta graph in file order
 */
public record SavedModelInfo(List<MetaGraph> metaGraphs) {
  /** Keeps an immutable copy. */
  public SavedModelInfo {
    metaGraphs = List.copyOf(metaGraphs);
  }

  /**
   * @param dir the SavedModel directory
   * @return its meta graphs and signatures
   * @throws SavedModelException when {@code saved_model.pb} is missing or malformed
   */
  public static SavedModelInfo read(Path dir) throws SavedModelException {
    SavedModel sm = SavedModelFile.read(dir);
    List<MetaGraph> graphs = new ArrayList<>();
    for (MetaGraphDef mg : sm.getMetaGraphsList()) {
      List<Signature> sigs = new ArrayList<>();
      for (Map.Entry<String, SignatureDef> e : new TreeMap<>(mg.getSignatureDefMap()).entrySet()) {
        if (e.getKey().equals("__saved_model_init_op")) {
          continue;
        }
        sigs.add(
            new Signature(
                e.getKey(),
                e.getValue().getMethodName(),
                tensors(e.getValue().getInputsMap()),
                tensors(e.getValue().getOutputsMap())));
      }
      graphs.add(
          new MetaGraph(
              mg.getMetaInfoDef().getTagsList(), mg.getMetaInfoDef().getTensorflowVersion(), sigs));
    }
    return new SavedModelInfo(graphs);
  }

  private static List<TensorSpec> tensors(Map<String, TensorInfo> map) {
    List<TensorSpec> out = new ArrayList<>();
    for (Map.Entry<String, TensorInfo> e : new TreeMap<>(map).entrySet()) {
      TensorShapeProto s = e.getValue().getTensorShape();
      int[] shape = s.getUnknownRank() ? null : TensorBundle.shapeOf(s);
      out.add(
          new TensorSpec(
              e.getKey(), e.getValue().getName(), DType.tfName(e.getValue().getDtype()), shape));
    }
    return out;
  }

  /**
   * One meta graph.
   *
   * @param tags its tag set, e.g. {@code [serve]}
   * @param tensorflowVersion the TensorFlow version that wrote it (may be empty)
   * @param signatures its signatures, sorted by key (without the init op)
   */
  public record MetaGraph(List<String> tags, String tensorflowVersion, List<Signature> signatures) {
    /** Keeps immutable copies. */
    public MetaGraph {
      tags = List.copyOf(tags);
      signatures = List.copyOf(signatures);
    }
  }

  /**
   * One signature.
   *
   * @param key e.g. {@code serving_default}
   * @param methodName e.g. {@code tensorflow/serving/predict}
   * @param inputs inputs sorted by key
   * @param outputs outputs sorted by key
   */
  public record Signature(
      String key, String methodName, List<TensorSpec> inputs, List<TensorSpec> outputs) {
    /** Keeps immutable copies. */
    public Signature {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
    }
  }

  /**
   * One signature input or output.
   *
   * @param key the signature key, e.g. {@code input_1}
   * @param tensorName the graph tensor, e.g. {@code serving_default_input_1:0}
   * @param dtype TensorFlow's type name, e.g. {@code float}
   * @param shape dimensions with -1 for unknown ones; null when even the rank is unknown
   */
  public record TensorSpec(String key, String tensorName, String dtype, int[] shape) {
    @Override
    public boolean equals(Object o) {
      return o instanceof TensorSpec t
          && key.equals(t.key)
          && tensorName.equals(t.tensorName)
          && dtype.equals(t.dtype)
          && java.util.Arrays.equals(shape, t.shape);
    }

    @Override
    public int hashCode() {
      return key.hashCode() * 31 + java.util.Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
      return key
          + " ("
          + tensorName
          + ") "
          + dtype
          + (shape == null ? "[unknown rank]" : java.util.Arrays.toString(shape));
    }
  }
}
