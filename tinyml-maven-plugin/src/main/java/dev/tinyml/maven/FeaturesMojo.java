package dev.tinyml.maven;

import dev.tinyml.preprocess.AudioFeatures;
import dev.tinyml.preprocess.FeatureForm;
import dev.tinyml.preprocess.FeatureKind;
import dev.tinyml.preprocess.Npy;
import dev.tinyml.preprocess.NpyArray;
import dev.tinyml.preprocess.PreprocessException;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Computes the audio features of one WAV file, as the device would, and prints a summary or writes
 * them as JSON and/or NPY. Needs no project:
 *
 * <pre>
 * mvn dev.tinyml:tinyml-maven-plugin:0.1.0-SNAPSHOT:features -Dtinyml.input=clip.wav \
 *     -Dtinyml.features=micro-frontend -Dtinyml.json=clip.json -Dtinyml.npy=clip.npy -Dtinyml.npyForm=int8
 * </pre>
 */
@Mojo(name = "features", requiresProject = false, threadSafe = true)
public class FeaturesMojo extends AbstractMojo {

  /** The WAV file to analyse (any PCM or float encoding and rate; resampled to 16 kHz). */
  @Parameter(property = "tinyml.input", required = true)
  File input;

  /**
   * Which features: {@code micro-frontend}, {@code mfcc}, {@code log-mel} or {@code spectrogram}.
   */
  @Parameter(property = "tinyml.features", defaultValue = "micro-frontend")
  String features;

  /** Where to write the features as JSON; not written when unset. */
  @Parameter(property = "tinyml.json")
  File json;

  /** Where to write the frames as a NumPy {@code .npy} array; not written when unset. */
  @Parameter(property = "tinyml.npy")
  File npy;

  /**
   * What the NPY holds: {@code frames} (as computed: uint16 for the micro frontend, float32
   * otherwise), {@code int8} (micro_speech's int8 model input, bit-exact with the device) or {@code
   * float} (float32 model input: micro-frontend outputs / 25.6). {@code int8} and {@code float} go
   * straight into {@code predict}.
   */
  @Parameter(property = "tinyml.npyForm", defaultValue = "frames")
  String npyForm = "frames";

  @Override
  public void execute() throws MojoFailureException {
    if (input == null) {
      throw new MojoFailureException(
          "Set the WAV file to analyse with -Dtinyml.input=FILE (or <input> in the plugin"
              + " configuration)");
    }
    AudioFeatures result;
    NpyArray array = null;
    FeatureForm form;
    try {
      form = FeatureForm.fromId(npyForm);
      result = AudioFeatures.compute(input.toPath(), FeatureKind.fromId(features));
      if (npy != null) {
        array = result.toNpy(form);
      }
    } catch (PreprocessException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    try {
      if (json != null) {
        result.writeJson(json.toPath());
        getLog().info("Wrote " + result.kind().id() + " features to " + json);
      }
      if (array != null) {
        Npy.write(npy.toPath(), array);
        getLog()
            .info(
                "Wrote "
                    + result.kind().id()
                    + " features as "
                    + describe(form, array)
                    + " to "
                    + npy);
      }
    } catch (IOException e) {
      throw new MojoFailureException("Cannot write features: " + e.getMessage(), e);
    }
    for (String line : result.summary().split("\n")) {
      getLog().info(line);
    }
  }

  private static String describe(FeatureForm form, NpyArray array) {
    String shape = java.util.Arrays.toString(array.shape());
    return switch (form) {
      case FRAMES ->
          "frames "
              + array.dtype().descr()
              + shape
              + " (as computed; -Dtinyml.npyForm=int8 or float gives a model input)";
      case INT8 -> "int8 model input " + shape;
      case FLOAT -> "float32 model input " + shape;
    };
  }
}
