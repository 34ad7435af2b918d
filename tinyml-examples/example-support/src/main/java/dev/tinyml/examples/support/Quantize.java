package dev.tinyml.examples.support;

import dev.tinyml.quant.ModelQuantizer;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.savedmodel.ImportResult;
import dev.tinyml.savedmodel.SavedModelException;
import dev.tinyml.savedmodel.SavedModelImporter;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteFormatException;
import dev.tinyml.tflite.TfliteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Imports a SavedModel (pure Java, {@code tinyml-savedmodel}) and quantizes it to full int8 with
 * {@code dev.tinyml.quant.ModelQuantizer}, calibrated on the representative samples the trainer
 * wrote. The result is the already-quantized {@code .tflite} the plugin's {@code convert} goal
 * turns into firmware.
 *
 * <p>This step exists because the {@code convert} goal of this version quantizes only models that
 * arrive quantized; once it calibrates SavedModels itself (its {@code savedModel} and {@code
 * representativeData} parameters), the examples hand it the SavedModel directly and this step goes.
 */
public final class Quantize {

  private Quantize() {}

  /**
   * Entry point.
   *
   * @param args the SavedModel directory, the directory of representative {@code .npy} samples, and
   *     the int8 {@code .tflite} file to write
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: Quantize <saved model dir> <representative dir> <int8 model.tflite>");
    }
    Path savedModel = Path.of(args[0]);
    Path representative = Path.of(args[1]);
    Path out = Path.of(args[2]).toAbsolutePath();
    ImportResult imported;
    try {
      imported = SavedModelImporter.builder().build().importModel(savedModel);
    } catch (SavedModelException e) {
      throw new IllegalStateException("cannot import " + savedModel + ": " + e.getMessage(), e);
    }
    List<float[]> samples = RepresentativeSamples.read(representative);
    Model int8 =
        ModelQuantizer.quantize(imported.model(), RepresentativeDataset.ofSingleInput(samples));
    Files.createDirectories(out.getParent());
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try {
      TfliteWriter.write(int8, tmp);
    } catch (TfliteFormatException e) {
      throw new IllegalStateException("cannot write the int8 model: " + e.getMessage(), e);
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.printf(
        "quantized %s to int8 with %d representative samples: %s (%,d bytes)%n",
        savedModel, samples.size(), out, Files.size(out));
  }
}
