package dev.tinyml.convert;

import dev.tinyml.tflite.Model;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The model a conversion starts from: a SavedModel directory, a {@code .tflite} file, or a model.
 */
public sealed interface ModelSource {
  /** The signature used when none is given. */
  String DEFAULT_SIGNATURE = "serving_default";

  /**
   * A TensorFlow SavedModel directory, converted through its {@code serving_default} signature.
   *
   * @param directory the directory holding {@code saved_model.pb} and {@code variables/}
   * @return the source
   */
  static ModelSource savedModel(Path directory) {
    return new SavedModelDirectory(directory, DEFAULT_SIGNATURE);
  }

  /**
   * A TensorFlow SavedModel directory and the signature to convert.
   *
   * @param directory the directory holding {@code saved_model.pb} and {@code variables/}
   * @param signature the signature key
   * @return the source
   */
  static ModelSource savedModel(Path directory, String signature) {
    return new SavedModelDirectory(directory, signature);
  }

  /**
   * A {@code .tflite} file, float or quantized.
   *
   * @param file the file
   * @return the source
   */
  static ModelSource tflite(Path file) {
    return new TfliteFile(file, DEFAULT_SIGNATURE);
  }

  /**
   * A {@code .tflite} file whose signatures, if it has any, must include {@code signature}.
   *
   * @param file the file
   * @param signature the signature key
   * @return the source
   */
  static ModelSource tflite(Path file, String signature) {
    return new TfliteFile(file, signature);
  }

  /**
   * A model already in memory, float or quantized. The conversion may change it (an embedded
   * offline plan); pass a copy to keep it.
   *
   * @param model the model
   * @param name its name, for the sketch and the report
   * @return the source
   */
  static ModelSource of(Model model, String name) {
    return new InMemory(model, name);
  }

  /**
   * What the report names as the model's origin: a file or directory name, no path.
   *
   * @return the name
   */
  String displayName();

  /**
   * The sketch and library name when none is set: the file or directory name without {@code
   * .tflite}.
   *
   * @return the unsanitised name
   */
  default String defaultName() {
    String n = displayName();
    return n.endsWith(".tflite") ? n.substring(0, n.length() - ".tflite".length()) : n;
  }

  /**
   * A SavedModel directory.
   *
   * @param directory the directory
   * @param signature the signature key
   */
  record SavedModelDirectory(Path directory, String signature) implements ModelSource {
    /** Checks for nulls. */
    public SavedModelDirectory {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(signature, "signature");
    }

    @Override
    public String displayName() {
      return directory.getFileName().toString();
    }
  }

  /**
   * A {@code .tflite} file.
   *
   * @param file the file
   * @param signature the signature key it must have, if it has signatures
   */
  record TfliteFile(Path file, String signature) implements ModelSource {
    /** Checks for nulls. */
    public TfliteFile {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(signature, "signature");
    }

    @Override
    public String displayName() {
      return file.getFileName().toString();
    }
  }

  /**
   * A model in memory.
   *
   * @param model the model
   * @param name its name
   */
  record InMemory(Model model, String name) implements ModelSource {
    /** Checks for nulls. */
    public InMemory {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String displayName() {
      return name;
    }
  }
}
