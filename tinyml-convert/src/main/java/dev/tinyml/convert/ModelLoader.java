package dev.tinyml.convert;

import dev.tinyml.savedmodel.SavedModelException;
import dev.tinyml.savedmodel.SavedModelImporter;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.SignatureDef;
import dev.tinyml.tflite.TfliteFormatException;
import dev.tinyml.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks a model source and reads it into memory. */
final class ModelLoader {
  private ModelLoader() {}

  /**
   * A model and, when it was read from a file, that file's bytes (which are kept as they are unless
   * the model changes); {@code null} bytes mean the model must be serialised.
   */
  record Loaded(Model model, byte[] bytes) {}

  /** Fails when the file or directory is not there; runs before anything is read or written. */
  static void check(ConversionRequest request) throws ConversionException {
    ModelSource source = request.source();
    if (source instanceof ModelSource.TfliteFile f && !Files.isRegularFile(f.file())) {
      throw new ConversionException(
          request.settingLabel("tfliteModel")
              + ": "
              + f.file()
              + (Files.isDirectory(f.file())
                  ? " is a directory, not a .tflite file"
                  : " does not exist"));
    }
    if (source instanceof ModelSource.SavedModelDirectory d) {
      Path p = d.directory();
      if (!Files.exists(p)) {
        throw new ConversionException(
            request.settingLabel("savedModel") + ": " + p + " does not exist");
      }
      if (!Files.isDirectory(p) || !Files.isRegularFile(p.resolve("saved_model.pb"))) {
        throw new ConversionException(
            request.settingLabel("savedModel")
                + ": "
                + p
                + " is not a SavedModel directory (it needs saved_model.pb and variables/).");
      }
    }
  }

  static Loaded load(ConversionRequest request) throws ConversionException {
    ModelSource source = request.source();
    if (source instanceof ModelSource.TfliteFile f) {
      return readTflite(f.file(), f.signature(), request);
    }
    if (source instanceof ModelSource.SavedModelDirectory d) {
      return importSavedModel(d.directory(), d.signature());
    }
    return new Loaded(((ModelSource.InMemory) source).model(), null);
  }

  private static Loaded readTflite(Path file, String signature, ConversionRequest request)
      throws ConversionException {
    try {
      byte[] bytes = Files.readAllBytes(file);
      Model model = TfliteReader.read(bytes);
      List<SignatureDef> sigs = model.signatureDefs();
      if (!sigs.isEmpty() && sigs.stream().noneMatch(s -> signature.equals(s.signatureKey()))) {
        throw new ConversionException(
            file.getFileName()
                + " has no signature '"
                + signature
                + "'; its signatures: "
                + String.join(", ", sigs.stream().map(SignatureDef::signatureKey).toList())
                + ". Set "
                + request.setting("signature")
                + ".");
      }
      return new Loaded(model, bytes);
    } catch (TfliteFormatException e) {
      throw new ConversionException(TfliteReader.notAModel(file, e), e);
    } catch (IOException e) {
      throw new ConversionException("Cannot read " + file + ": " + e, e);
    }
  }

  private static Loaded importSavedModel(Path dir, String signature) throws ConversionException {
    try {
      Model model =
          SavedModelImporter.builder().signature(signature).build().importModel(dir).model();
      return new Loaded(model, null);
    } catch (SavedModelException e) {
      throw new ConversionException("SavedModel " + dir + ": " + e.getMessage(), e);
    }
  }
}
