package dev.tinyml.maven;

import dev.tinyml.convert.ConversionException;
import dev.tinyml.convert.ConversionResult;
import dev.tinyml.convert.ConversionSettings;
import dev.tinyml.convert.Converter;
import java.io.File;
import java.io.IOException;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Converts a SavedModel or a {@code .tflite} file into the files an Arduino project needs: {@code
 * model.tflite}, {@code model.cc}/{@code model.h}, a sketch folder, an Arduino library zip
 * (attached to the build with classifier {@code arduino}) and a conversion report, checked against
 * the board's flash and RAM. Runs without a project too, every parameter given as a {@code
 * tinyml.*} property. The conversion itself is {@link Converter#convert}; this goal reads the
 * parameters into {@link ConversionSettings} and maps the library's errors to build failures.
 */
@Mojo(
    name = "convert",
    defaultPhase = LifecyclePhase.PACKAGE,
    threadSafe = true,
    requiresProject = false,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ConvertMojo extends AbstractMojo {
  /** A TensorFlow SavedModel directory (with {@code saved_model.pb}); or use tfliteModel. */
  @Parameter(property = "tinyml.savedModel")
  File savedModel;

  /** A {@code .tflite} file, already quantized or float; or use savedModel. */
  @Parameter(property = "tinyml.tfliteModel")
  File tfliteModel;

  /** The SavedModel signature to convert; for a {@code .tflite}, checked against its signatures. */
  @Parameter(property = "tinyml.signature", defaultValue = "serving_default")
  String signature = "serving_default";

  /**
   * A directory of representative samples for int8 calibration (read recursively, in path order),
   * turned into model inputs by {@link #preprocessing}.
   */
  @Parameter(property = "tinyml.representativeData")
  File representativeData;

  /**
   * A directory of held-out samples (not used for calibration), read with the same {@link
   * #preprocessing}, on which the report measures the float-vs-int8 agreement; default: the
   * representative samples, which flatter the int8 model.
   */
  @Parameter(property = "tinyml.heldOutData")
  File heldOutData;

  /**
   * How the files of {@code representativeData} become model inputs: {@code none} ({@code .npy} and
   * {@code .csv} already shaped like the input), {@code micro-frontend}, {@code mfcc}, {@code
   * log-mel} (WAV clips), {@code image} (PNG, JPEG, BMP, GIF) or {@code time-series} (CSV tables
   * cut into windows).
   */
  @Parameter(property = "tinyml.preprocessing", defaultValue = "none")
  String preprocessing = "none";

  /** For {@code preprocessing=image}: {@code zero-one}, {@code minus-one-one} or {@code none}. */
  @Parameter(property = "tinyml.imageNormalization", defaultValue = "zero-one")
  String imageNormalization = "zero-one";

  /**
   * For {@code preprocessing=time-series}: rows per window; default: the model input's values
   * divided by the CSV's columns.
   */
  @Parameter(property = "tinyml.windowSize")
  Integer windowSize;

  /** For {@code preprocessing=time-series}: rows between window starts; default: windowSize. */
  @Parameter(property = "tinyml.windowStride")
  Integer windowStride;

  /**
   * Instead of {@code representativeData}: the name of a class on the project's runtime classpath
   * (for example in {@code src/main/java}) that implements {@code
   * dev.tinyml.quant.RepresentativeDataset} and has a public no-argument constructor.
   */
  @Parameter(property = "tinyml.representativeDatasetClass")
  String representativeDatasetClass;

  /**
   * {@code int8} (full-integer quantization), {@code int16x8} (int16 activations, int8 weights,
   * int64 biases; the ops TFLite Micro has 16x8 kernels for) or {@code none}.
   */
  @Parameter(property = "tinyml.quantization", defaultValue = "int8")
  String quantization = "int8";

  /**
   * How int8 calibration picks each tensor's range from the representative samples: {@code minmax}
   * (default, as TensorFlow's converter), {@code percentile:P} (clip at the P-th percentile, e.g.
   * {@code percentile:99.99}), {@code mse} (least expected quantization error), {@code entropy}
   * (least KL divergence) or {@code moving-average:C} (moving averages of batch min and max).
   */
  @Parameter(property = "tinyml.calibration", defaultValue = "minmax")
  String calibration = "minmax";

  /**
   * Subtract each layer's expected weight-quantization error from its int8 bias, {@code (Wq - W)
   * E[x]} over the representative samples (not done by TensorFlow's converter).
   */
  @Parameter(property = "tinyml.biasCorrection", defaultValue = "false")
  boolean biasCorrection;

  /** The model input type after conversion: int8, uint8, int16 or float32; default: as is. */
  @Parameter(property = "tinyml.inputType")
  String inputType;

  /** The model output type after conversion: int8, uint8, int16 or float32; default: as is. */
  @Parameter(property = "tinyml.outputType")
  String outputType;

  /** Class names in output order: a text file with one per line, or a comma-separated list. */
  @Parameter(property = "tinyml.labels")
  String labels;

  /** nano33ble (default), nano33ble-rev2, nicla-vision, portenta-h7, rp2040, esp32 or custom. */
  @Parameter(property = "tinyml.board", defaultValue = "nano33ble")
  String board = "nano33ble";

  /** Program flash of a {@code custom} board in bytes; with a named board, replaces its own. */
  @Parameter(property = "tinyml.flashBytes")
  Long flashBytes;

  /** RAM of a {@code custom} board in bytes; with a named board, replaces its own. */
  @Parameter(property = "tinyml.ramBytes")
  Long ramBytes;

  /** The sketch template: kws, vww, anomaly or generic. */
  @Parameter(property = "tinyml.template", defaultValue = "generic")
  String template = "generic";

  /** Template parameters replacing the defaults (see docs/codegen.md). */
  @Parameter Map<String, String> templateParameters;

  /**
   * The sketch and library name; default: the project's artifactId, or without a project the model
   * file or directory name.
   */
  @Parameter(property = "tinyml.name")
  String name;

  /** Embed this project's tighter memory plan in the model (OfflineMemoryAllocation metadata). */
  @Parameter(property = "tinyml.offlinePlan", defaultValue = "false")
  boolean offlinePlan;

  /**
   * What runs the model on the board: {@code tflm} (TensorFlow Lite Micro: {@code model.tflite} as
   * a C array, op resolver, sketch) or {@code c} (the model compiled to dependency-free C99: {@code
   * <name>_model.h/.c}, a sketch and a library that need no TFLite Micro; the report's RAM and
   * flash are the module's). A model with an op the c backend lacks fails naming the op.
   */
  @Parameter(property = "tinyml.backend", defaultValue = "tflm")
  String backend;

  /** Where the outputs go. */
  @Parameter(
      property = "tinyml.outputDirectory",
      defaultValue = "${project.build.directory}/tinyml")
  File outputDirectory;

  /** Skips the goal. */
  @Parameter(property = "tinyml.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true)
  PluginDescriptor plugin;

  /**
   * Attaches the Arduino library zip to the project with classifier {@code arduino}, so that {@code
   * install} and {@code deploy} publish it. Set it false on an extra execution whose outputs are
   * not the project's artifact: two zips attached with one classifier replace each other.
   */
  @Parameter(property = "tinyml.attach", defaultValue = "true")
  boolean attach = true;

  @Inject MavenProjectHelper projectHelper;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("tinyml:convert skipped (tinyml.skip=true)");
      return;
    }
    ConversionResult result;
    try {
      result = Converter.convert(settings().toRequest());
    } catch (ConversionException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    if (attach) {
      new ArduinoZip(project, projectHelper, getLog()).attach(result.libraryZip());
    }
  }

  /** The parameters as the library reads them. */
  private ConversionSettings settings() throws MojoExecutionException {
    ProjectFiles files = new ProjectFiles(project);
    String version = files.inProject() ? project.getVersion() : null;
    return new ConversionSettings()
        .names("tinyml.", "in the plugin configuration or with -D")
        .savedModel(files.path(savedModel))
        .tfliteModel(files.path(tfliteModel))
        .signature(signature)
        .representativeData(files.path(representativeData))
        .heldOutData(files.path(heldOutData))
        .preprocessing(preprocessing)
        .imageNormalization(imageNormalization)
        .windows(windowSize, windowStride)
        .representativeDatasetClass(
            representativeDatasetClass, files.runtimeClasspathFor(representativeDatasetClass))
        .quantization(quantization)
        .calibration(calibration)
        .biasCorrection(biasCorrection)
        .ioTypes(inputType, outputType)
        .labels(labels)
        .board(board, flashBytes, ramBytes)
        .template(template, templateParameters)
        .name(name)
        .defaultName(files.inProject() ? project.getArtifactId() : null)
        .offlinePlan(offlinePlan)
        .backend(backend)
        .outputDirectory(files.outputDirectory(outputDirectory))
        .baseDirectory(files.path(new File("")))
        .generator(
            "tinyml-maven-plugin " + (plugin == null ? "dev" : plugin.getVersion()),
            version == null ? "0.1.0" : version)
        .skipWhenUnchanged(true)
        .log(new BuildLog(getLog(), "tinyml:convert"));
  }
}
