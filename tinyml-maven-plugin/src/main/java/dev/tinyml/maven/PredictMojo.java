package dev.tinyml.maven;

import dev.tinyml.interp.InterpreterException;
import dev.tinyml.predict.Prediction;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs a {@code .tflite} model once on input files with the Java reference interpreter (bit-exact
 * with TFLite Micro) and prints or writes the outputs and the arena sizes. Needs no project:
 *
 * <pre>
 * mvn dev.tinyml:tinyml-maven-plugin:0.1.0-SNAPSHOT:predict -Dtinyml.model=model.tflite \
 *     -Dtinyml.input=a.bin,b.npy -Dtinyml.json=out.json
 * </pre>
 */
@Mojo(name = "predict", requiresProject = false, threadSafe = true)
public class PredictMojo extends AbstractMojo {

  /** The {@code .tflite} model. */
  @Parameter(property = "tinyml.model", required = true)
  File model;

  /**
   * One file per model input, comma-separated: {@code .bin} (raw little-endian tensor bytes),
   * {@code .npy}, or {@code .json} (an array of real values, quantized with the tensor's
   * parameters).
   */
  @Parameter(property = "tinyml.input", required = true)
  String input;

  /** Where to write the outputs as JSON; only printed when unset. */
  @Parameter(property = "tinyml.json")
  File json;

  @Override
  public void execute() throws MojoFailureException {
    if (model == null) {
      throw new MojoFailureException(
          "Set the model with -Dtinyml.model=FILE.tflite (or <model> in the plugin configuration)");
    }
    if (input == null || input.isBlank()) {
      throw new MojoFailureException(
          "Set the input file(s) with -Dtinyml.input=A.bin[,B.npy] (or <input> in the plugin"
              + " configuration), one per model input");
    }
    List<Path> inputs = new ArrayList<>();
    for (String s : input.split(",")) {
      if (!s.isBlank()) {
        inputs.add(Path.of(s.trim()));
      }
    }
    Prediction result;
    try {
      result = Prediction.run(model.toPath(), inputs);
    } catch (InterpreterException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    if (json != null) {
      try {
        result.writeJson(json.toPath());
      } catch (IOException e) {
        throw new MojoFailureException("Cannot write " + json + ": " + e.getMessage(), e);
      }
      getLog().info("Wrote the outputs to " + json);
    }
    for (String line : result.summary().split("\n")) {
      getLog().info(line);
    }
  }
}
