package dev.tinyml.maven;

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
 * Prints a summary of a {@code .tflite} model: inputs, outputs, operators with versions and
 * estimated MACs, tensors with types, shapes and quantization, parameter count and weight bytes.
 * Runs without a project:
 *
 * <pre>
 * mvn dev.tinyml:tinyml-maven-plugin:0.1.0-SNAPSHOT:inspect -Dtinyml.model=model.tflite [-Dtinyml.json=summary.json]
 * </pre>
 */
@Mojo(name = "inspect", requiresProject = false, threadSafe = true)
public class InspectMojo extends AbstractMojo {

  /** The {@code .tflite} file to inspect. */
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
          "No model to inspect: set -Dtinyml.model=path/to/model.tflite");
    }
    Path path = model.toPath().toAbsolutePath();
    if (!Files.isRegularFile(path)) {
      throw new MojoFailureException(
          "Model file not found: " + path + " (set -Dtinyml.model=path/to/model.tflite)");
    }
    ModelSummary summary;
    try {
      summary = ModelSummary.of(path);
    } catch (TfliteFormatException e) {
      throw new MojoFailureException("Not a TFLite model: " + e.getMessage(), e);
    }
    for (String line : summary.toText().split("\n", -1)) {
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
}
