package dev.tinyml.maven;

import dev.tinyml.ops.OpRegistry;
import dev.tinyml.savedmodel.SavedModelException;
import dev.tinyml.savedmodel.SavedModelSummary;
import dev.tinyml.tflite.ModelSummary;
import dev.tinyml.tflite.TfliteFormatException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints a summary of a model. For a {@code .tflite} file: inputs, outputs, operators with versions
 * and estimated MACs, tensors with types, shapes and quantization, parameter count and weight
 * bytes. For a SavedModel directory: each signature's inputs and outputs with types and shapes, the
 * TensorFlow ops of its graph and whether each lowers to TFLite, and the TFLite operators the
 * conversion makes. Runs without a project:
 *
 * <pre>
 * mvn dev.tinyml:tinyml-maven-plugin:0.1.0-SNAPSHOT:inspect -Dtinyml.model=model.tflite [-Dtinyml.json=summary.json]
 * mvn dev.tinyml:tinyml-maven-plugin:0.1.0-SNAPSHOT:inspect -Dtinyml.model=saved_model_dir
 * </pre>
 */
@Mojo(name = "inspect", requiresProject = false, threadSafe = true)
public class InspectMojo extends AbstractMojo {

  /** The {@code .tflite} file or SavedModel directory to inspect. */
  @Parameter(property = "tinyml.model", required = true)
  private File model;

  /** If set, the summary is also written to this file as JSON. */
  @Parameter(property = "tinyml.json")
  private File json;

  void setModel(File model) {
    this.model = model;
  }

  void setJson(File json) {
    this.json = json;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (model == null) {
      throw new MojoFailureException(
          "No model to inspect: set -Dtinyml.model=PATH (a .tflite file or a SavedModel"
              + " directory), or <model> in the plugin configuration.");
    }
    Path path = model.toPath().toAbsolutePath().normalize();
    Summary summary = Files.isDirectory(path) ? savedModel(path) : tflite(path);
    for (String line : summary.text().split("\n", -1)) {
      getLog().info(line);
    }
    if (json != null) {
      try {
        summary.writeJson(json.toPath());
      } catch (IOException e) {
        throw new MojoExecutionException("Cannot write the JSON summary to " + json + ": " + e, e);
      }
      getLog().info("Wrote the summary as JSON to " + json.getAbsolutePath());
    }
  }

  /**
   * Text and JSON of either kind of summary.
   *
   * @param text the printed summary
   * @param json writes it as JSON to a file
   */
  private record Summary(String text, JsonWriter json) {
    void writeJson(Path file) throws IOException {
      json.write(file);
    }
  }

  /** Writes a summary as JSON. */
  @FunctionalInterface
  private interface JsonWriter {
    void write(Path file) throws IOException;
  }

  private static Summary tflite(Path path) throws MojoFailureException {
    try {
      ModelSummary s = ModelSummary.of(path, OpRegistry::macs);
      return new Summary(s.toText(), s::writeJson);
    } catch (TfliteFormatException e) {
      throw new MojoFailureException(e.getMessage() + hint(path), e);
    }
  }

  private static Summary savedModel(Path path) throws MojoFailureException {
    try {
      SavedModelSummary s = SavedModelSummary.read(path);
      return new Summary(s.toText(), s::writeJson);
    } catch (SavedModelException e) {
      throw new MojoFailureException(e.getMessage() + hint(path), e);
    }
  }

  /** For a path that does not exist, what the parameter takes. */
  private static String hint(Path path) {
    return Files.exists(path)
        ? ""
        : " (set -Dtinyml.model, or <model> in the plugin configuration, to a .tflite file or a"
            + " SavedModel directory)";
  }
}
