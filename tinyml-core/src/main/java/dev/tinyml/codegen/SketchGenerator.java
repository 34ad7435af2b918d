package dev.tinyml.codegen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The TFLite Micro sketch of one model, template and board: the values of the template folder of
 * {@code arduino-sketches} (the model, the op resolver, the template parameters), filled by {@link
 * SketchFiller} together with the files of {@code common/} ({@code model_ops.h}, {@code
 * tensor_io.h}), which go with every template.
 */
public final class SketchGenerator {
  /** Where the templates live on the classpath. */
  public static final String RESOURCES = SketchFiller.RESOURCES;

  /** The files of {@code common/} that the Arduino library puts in {@code src/}. */
  static final List<String> COMMON_FILES = List.of("model_ops.h", "tensor_io.h");

  private final String generator;

  /**
   * Creates a generator.
   *
   * @param generator names the tool in file comments, e.g. {@code tinyml 0.1.0}
   */
  public SketchGenerator(String generator) {
    this.generator = Identifiers.comment(generator);
  }

  /**
   * The filled files of a sketch, by file name (no folder).
   *
   * @param model the model
   * @param template the template
   * @param board the board
   * @param sketchName the sketch name (a C identifier)
   * @param modelIncludes the {@code #include} lines that bring in the model and its op resolver
   * @param overrides template parameter values that replace the defaults
   * @return file name to text; {@code <sketchName>.ino}, the template's helpers and the common
   *     helpers
   * @throws CodegenException for a board without the template's sensor, an op without resolver
   *     method, a bad template parameter or a template error
   */
  public SortedMap<String, String> sketchFiles(
      ModelDescription model,
      SketchTemplate template,
      Board board,
      String sketchName,
      String modelIncludes,
      Map<String, String> overrides)
      throws CodegenException {
    Map<String, String> parameters = template.checkedParameters(model, board, overrides);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("sketch_name", sketchName);
    values.put("model_name", Identifiers.comment(model.name()));
    values.put("generator", generator);
    values.put("board_name", board.displayName());
    values.put("tflm_library", OpResolverGenerator.LIBRARY);
    values.put("tflm_library_version", OpResolverGenerator.LIBRARY_VERSION);
    values.put("model_includes", modelIncludes);
    values.put("op_count", Integer.toString(model.ops().size()));
    values.put("op_list", String.join(", ", model.ops()));
    values.put("op_registrations", OpResolverGenerator.registrations(model.ops(), "  "));
    values.putAll(parameters);
    return SketchFiller.fill(List.of(template.id(), "common"), sketchName, values);
  }
}
