package dev.tinyml.tflite;

/**
 * A named metadata entry of the model, pointing at a buffer (e.g. {@code min_runtime_version}).
 *
 * @param name the entry's name
 * @param buffer index into {@link Model#buffers()}
 * @param unknownFields fields the library does not model, or {@code null}
 */
public record Metadata(String name, int buffer, RawTable unknownFields) {

  /** Normalises an empty {@code unknownFields} to {@code null}. */
  public Metadata {
    if (unknownFields != null && unknownFields.isEmpty()) {
      unknownFields = null;
    }
  }

  /** An entry without unknown fields. */
  public Metadata(String name, int buffer) {
    this(name, buffer, null);
  }
}
