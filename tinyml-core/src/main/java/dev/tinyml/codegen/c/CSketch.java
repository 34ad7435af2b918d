package dev.tinyml.codegen.c;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.CodegenException;
import dev.tinyml.codegen.ModelDescription;
import dev.tinyml.codegen.SketchFiller;
import dev.tinyml.codegen.SketchTemplate;
import dev.tinyml.codegen.TfliteModels;
import dev.tinyml.io.AtomicFiles;
import dev.tinyml.tflite.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * The Arduino sketch of a c-backend module: the {@code c_<template>} folder of {@code
 * arduino-sketches} ({@code c_generic}, {@code c_kws}, {@code c_vww}, {@code c_anomaly}), filled by
 * the {@link SketchFiller} the TFLite Micro sketches use, with their shared fragments and template
 * parameters. The sketches call {@code <name>_invoke()} and read and write the module's input and
 * output pointers with its scale and zero-point macros; none includes a TFLite Micro header. The
 * {@code kws} sketch comes with the C micro frontend ({@link CFrontend}) generated from the
 * template's frontend parameters (window, stride, channels, band, sample rate).
 */
public final class CSketch {
  private CSketch() {}

  /**
   * What a sketch is made for, besides the module.
   *
   * @param template the sketch template
   * @param board the board (the template's sensor must be on it)
   * @param modelName the model's name for the comments
   * @param labels the output labels (empty when the model is not a classifier)
   * @param parameters template parameters replacing the defaults (as for the tflm backend)
   * @param generator the generator's name and version for the comments
   */
  public record Options(
      SketchTemplate template,
      Board board,
      String modelName,
      List<String> labels,
      Map<String, String> parameters,
      String generator) {
    /** Checks for nulls and copies the collections. */
    public Options {
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(board, "board");
      Objects.requireNonNull(modelName, "modelName");
      Objects.requireNonNull(generator, "generator");
      labels = List.copyOf(labels);
      parameters = Map.copyOf(parameters);
    }
  }

  /**
   * Renders the sketch folder's own files, without the model module: {@code <name>.ino}, and for
   * {@code kws} {@code recognize_commands.h} and the C frontend's files. Rendering them all before
   * writing any lets a caller refuse without leaving half a folder.
   *
   * @param module the generated module
   * @param model the model it was generated from (its input and output shapes)
   * @param options template, board, names and parameters
   * @return file name to text
   * @throws CodegenException for a board without the template's sensor, a model of the wrong shape,
   *     a bad template parameter (among them {@code kws} frontend parameters that make no frontend)
   *     or a template error
   */
  public static SortedMap<String, String> render(CModule module, Model model, Options options)
      throws CodegenException {
    SketchTemplate template = options.template();
    ModelDescription description = describe(module, model, options);
    Map<String, String> parameters =
        new LinkedHashMap<>(
            template.checkedParameters(description, options.board(), options.parameters()));
    // The C frontend is generated from the kws frontend parameters; the sketch reads its macros.
    CFrontendSources frontend =
        template == SketchTemplate.KWS ? CKwsFrontend.render(parameters) : null;
    if (frontend != null) {
      parameters.keySet().removeAll(CKwsFrontend.PARAMETERS);
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("module_name", module.name());
    values.put("module_macro", CNames.macro(module.name()));
    values.put("model_name", CNames.comment(options.modelName()));
    values.put("generator", CNames.comment(options.generator()));
    values.put("board_name", options.board().displayName());
    values.put("labels", labelList(options.labels()));
    values.put("label_count", Integer.toString(options.labels().size()));
    if (template == SketchTemplate.VWW) {
      // The C header gives input 0's length only; the camera sketch needs its shape.
      int[] shape = description.inputs().get(0).shape();
      values.put("input_rank", Integer.toString(shape.length));
      values.put(
          "input_dims",
          Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ")));
    }
    values.putAll(parameters);
    SortedMap<String, String> files =
        SketchFiller.fill(List.of("c_" + template.id()), module.name(), values);
    if (frontend != null) {
      files.putAll(frontend.files());
    }
    return files;
  }

  /**
   * Writes the sketch folder {@code <dir>/<name>/}: the files of {@link #render} and the module
   * ({@code <name>_model.h}, {@code <name>_model.c}).
   *
   * @param module the generated module
   * @param model the model it was generated from
   * @param options template, board, names and parameters
   * @param dir the output directory
   * @return the sketch folder
   * @throws CodegenException as {@link #render}
   * @throws IOException when writing fails
   */
  public static Path write(CModule module, Model model, Options options, Path dir)
      throws CodegenException, IOException {
    SortedMap<String, String> files = render(module, model, options);
    Path folder = dir.resolve(module.name());
    for (Map.Entry<String, String> f : files.entrySet()) {
      AtomicFiles.write(folder.resolve(f.getKey()), f.getValue());
    }
    AtomicFiles.write(folder.resolve(module.headerFile()), module.header());
    AtomicFiles.write(folder.resolve(module.sourceFile()), module.source());
    return folder;
  }

  /**
   * The model as the template checks read it (input and output shapes, labels). The c backend
   * embeds no flatbuffer, so the description carries none; the arena is the module's.
   */
  private static ModelDescription describe(CModule module, Model model, Options options)
      throws CodegenException {
    return TfliteModels.describe(
        model,
        new byte[0],
        options.modelName(),
        options.labels(),
        Math.max(1, module.arenaBytes()));
  }

  /** The labels as the initializer of a C string array; one empty string when there are none. */
  private static String labelList(List<String> labels) {
    if (labels.isEmpty()) {
      return "\"\"";
    }
    return labels.stream().map(CSketch::cString).collect(Collectors.joining(", "));
  }

  private static String cString(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (byte by : text.getBytes(StandardCharsets.UTF_8)) {
      int c = by & 0xff;
      if (c == '"' || c == '\\') {
        b.append('\\').append((char) c);
      } else if (c < 0x20 || c >= 0x7f || c == '?') {
        b.append(String.format("\\%03o", c));
      } else {
        b.append((char) c);
      }
    }
    return b.append('"').toString();
  }
}
