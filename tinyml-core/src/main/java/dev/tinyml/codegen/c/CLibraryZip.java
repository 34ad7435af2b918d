package dev.tinyml.codegen.c;

import dev.tinyml.codegen.ArduinoLibraryZip;
import dev.tinyml.codegen.LibraryProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Arduino library zip of a c-backend module: {@code <name>/library.properties}, the module in
 * {@code src/} and the sketch's files ({@link CSketch#render}) in {@code examples/<name>/}. It
 * depends on no TensorFlow Lite Micro library (the module is plain C99), only on the sensor library
 * of the template ({@code Arduino_OV767X} for {@code vww}, the board's IMU library for {@code
 * anomaly}).
 */
public final class CLibraryZip {
  private CLibraryZip() {}

  /**
   * The zip's bytes (deterministic, see {@link ArduinoLibraryZip#zip}).
   *
   * @param module the module
   * @param sketchFiles the example folder's files by name, the {@code .ino} among them ({@link
   *     CSketch#render})
   * @param options what the sketch was rendered for: the template's sensor library goes in {@code
   *     depends}, the board's architectures in {@code architectures}, the model name and the
   *     generator in the descriptions
   * @param version the library version, {@code MAJOR.MINOR.PATCH}
   * @return the zip
   */
  public static byte[] zip(
      CModule module, Map<String, String> sketchFiles, CSketch.Options options, String version) {
    String lib = module.name();
    SortedMap<String, byte[]> files = new TreeMap<>();
    files.put(lib + "/library.properties", utf8(properties(module, options, version)));
    files.put(lib + "/src/" + module.headerFile(), utf8(module.header()));
    files.put(lib + "/src/" + module.sourceFile(), utf8(module.source()));
    for (Map.Entry<String, String> f : sketchFiles.entrySet()) {
      files.put(lib + "/examples/" + lib + "/" + f.getKey(), utf8(f.getValue()));
    }
    return ArduinoLibraryZip.zip(files);
  }

  private static String properties(CModule module, CSketch.Options options, String version) {
    String sensor = options.template().sensorLibrary(options.board());
    return new LibraryProperties(
            module.name(),
            version,
            options.generator(),
            CNames.comment(options.modelName()),
            " compiled to C99: no interpreter, no TensorFlow Lite Micro.",
            options.board(),
            module.headerFile(),
            "write the inputs, call " + module.name() + "_invoke(), read the outputs.",
            sensor.isEmpty() ? List.of() : List.of(sensor))
        .text();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
