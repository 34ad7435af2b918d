package dev.tinyml.maven;

import dev.tinyml.preprocess.AudioFeatures;
import dev.tinyml.preprocess.FeatureKind;
import dev.tinyml.preprocess.Npy;
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
 *     -Dtinyml.features=micro-frontend -Dtinyml.json=clip.json
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

  @Override
  public void execute() throws MojoFailureException {
    if (input == null) {
      throw new MojoFailureException("Set the WAV file to analyse with -Dtinyml.input=FILE");
    }
    AudioFeatures result;
    try {
      result = AudioFeatures.compute(input.toPath(), FeatureKind.fromId(features));
    } catch (PreprocessException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    try {
      if (json != null) {
        result.writeJson(json.toPath());
        getLog().info("Wrote " + result.kind().id() + " features to " + json);
      }
      if (npy != null) {
        Npy.write(npy.toPath(), result.toNpy());
        getLog().info("Wrote " + result.kind().id() + " frames to " + npy);
      }
    } catch (IOException e) {
      throw new MojoFailureException("Cannot write features: " + e.getMessage(), e);
    }
    for (String line : result.summary().split("\n")) {
      getLog().info(line);
    }
  }
}
