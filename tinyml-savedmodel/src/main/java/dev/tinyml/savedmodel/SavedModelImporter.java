package dev.tinyml.savedmodel;

import dev.tinyml.tflite.Model;
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
    SavedModelFile.requireDirectory(dir);
    SavedModel sm = SavedModelFile.read(dir);
    MetaGraphDef mg = SavedModelFile.metaGraph(sm, tags, dir);
    SignatureDef sig = SavedModelFile.signature(mg, signature, dir);
    Variables variables =
        new Variables(dir, mg.hasObjectGraphDef() ? mg.getObjectGraphDef() : null);
    GraphImporter.Imported graph =
        onLargeStack(() -> GraphImporter.importSignature(mg, sig, signature, variables, batchSize));
    String tfVersion = mg.getMetaInfoDef().getTensorflowVersion();
    String description =
        "tinyml SavedModel importer"
            + (tfVersion.isEmpty() ? "" : " (TensorFlow " + tfVersion + ")");
    // Lowering marks reachable nodes recursively too, as deep as the graph.
    Model model = onLargeStack(() -> Lowering.lower(graph, signature, description));
    int folded = 0;
    for (Node n : graph.nodes()) {
      if (!n.isConstant() && n.values[0] != null) {
        folded++;
      }
    }
    return new ImportResult(model, graph.inputNames(), graph.outputNames(), signature, folded);
  }

  interface Step<T> {
    T run() throws SavedModelException;
  }

  /**
   * Graph import and lowering walk the graph recursively (depth grows with the longest path), so
   * they run on a thread with a large stack rather than the caller's.
   */
  static <T> T onLargeStack(Step<T> step) throws SavedModelException {
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result[0] = step.run();
              } catch (SavedModelException | RuntimeException | Error e) {
                failure[0] = e;
              }
            },
            "savedmodel-import",
            STACK_BYTES);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SavedModelException("Interrupted while importing the SavedModel.", e);
    }
    if (failure[0] instanceof SavedModelException e) {
      throw e;
    }
    if (failure[0] instanceof StackOverflowError) {
      throw new SavedModelException(
          "The graph is too deep to import (longest path exceeds what a "
              + STACK_BYTES / (1024 * 1024)
              + " MiB stack holds).",
          failure[0]);
    }
    if (failure[0] instanceof RuntimeException e) {
      throw e;
    }
    if (failure[0] instanceof Error e) {
      throw e;
    }
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }

  private static final long STACK_BYTES = 256L * 1024 * 1024;

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
