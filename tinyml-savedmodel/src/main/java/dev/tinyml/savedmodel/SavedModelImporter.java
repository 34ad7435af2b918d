package dev.tinyml.savedmodel;

import dev.tinyml.tflite.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;

/**
 * Imports a TensorFlow SavedModel directory into a float TFLite {@link Model} of builtin ops, in
 * pure Java: no native TensorFlow is loaded.
 *
 * <pre>{@code
 * ImportResult r = SavedModelImporter.builder()
 *     .tags("serve")
 *     .signature("serving_default")
 *     .batchSize(1)
 *     .build()
 *     .importModel(Path.of("my_saved_model"));
 * TfliteWriter.write(r.model(), Path.of("model.tflite"));
 * }</pre>
 */
public final class SavedModelImporter {
  private final List<String> tags;
  private final String signature;
  private final int batchSize;

  private SavedModelImporter(Builder b) {
    this.tags = List.copyOf(b.tags);
    this.signature = b.signature;
    this.batchSize = b.batchSize;
  }

  /** A builder with the defaults: tag {@code serve}, signature {@code serving_default}, batch 1. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the SavedModel in {@code dir} and lowers the chosen signature.
   *
   * @param dir the SavedModel directory (holding {@code saved_model.pb} and {@code variables/})
   * @return the float TFLite model and the signature's input and output names
   * @throws SavedModelException when the directory cannot be read, the tags or signature do not
   *     exist, variables are missing or corrupted, a shape cannot be made static, or ops are not
   *     supported (all of them are listed in one message)
   */
  public ImportResult importModel(Path dir) throws SavedModelException {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      throw new SavedModelException(
          dir + " is not a directory. Pass the SavedModel directory (holding saved_model.pb).");
    }
    SavedModel sm = SavedModelFile.read(dir);
    MetaGraphDef mg = SavedModelFile.metaGraph(sm, tags, dir);
    SignatureDef sig = SavedModelFile.signature(mg, signature, dir);
    GraphImporter.Imported graph =
        GraphImporter.importSignature(mg, sig, signature, new Variables(dir), batchSize);
    String tfVersion = mg.getMetaInfoDef().getTensorflowVersion();
    Model model =
        Lowering.lower(
            graph,
            signature,
            "tinyml SavedModel importer"
                + (tfVersion.isEmpty() ? "" : " (TensorFlow " + tfVersion + ")"));
    int folded = 0;
    for (Node n : graph.nodes()) {
      if (!n.isConstant() && n.values[0] != null) {
        folded++;
      }
    }
    return new ImportResult(model, graph.inputNames(), graph.outputNames(), signature, folded);
  }

  /** Configures a {@link SavedModelImporter}. */
  public static final class Builder {
    private List<String> tags = List.of("serve");
    private String signature = "serving_default";
    private int batchSize = 1;

    private Builder() {}

    /**
     * @param tags the meta graph's tag set (default {@code serve})
     * @return this builder
     */
    public Builder tags(String... tags) {
      if (tags.length == 0) {
        throw new IllegalArgumentException("give at least one tag, e.g. \"serve\"");
      }
      this.tags = List.of(tags);
      return this;
    }

    /**
     * @param key the signature key (default {@code serving_default})
     * @return this builder
     */
    public Builder signature(String key) {
      this.signature = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * @param batchSize what an unknown leading (batch) dimension becomes (default 1)
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** The importer. */
    public SavedModelImporter build() {
      return new SavedModelImporter(this);
    }
  }
}
