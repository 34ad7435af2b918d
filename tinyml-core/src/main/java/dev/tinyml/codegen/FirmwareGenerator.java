package dev.tinyml.codegen;

import dev.tinyml.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a model into everything an Arduino project needs, in one output directory:
 *
 * <ul>
 *   <li>{@code model.tflite}, {@code model.cc}, {@code model.h};
 *   <li>the sketch folder {@code <name>/<name>.ino} with {@code model.h}, {@code model.cpp} (the
 *       Arduino build compiles {@code .cpp}, not {@code .cc}), {@code model_ops.h}, {@code
 *       tensor_io.h} and the template's helpers;
 *   <li>the Arduino library {@code <name>-arduino.zip};
 *   <li>{@code report.md}, {@code report.json} and {@code histograms/*.png}.
 * </ul>
 *
 * <p>The budget is checked and every file is rendered in memory before the first write, so a
 * failure leaves no partial output; each file is written atomically and byte-identically from run
 * to run.
 */
public final class FirmwareGenerator {
  /** The model file name in the output directory. */
  public static final String MODEL_FILE = "model.tflite";

  private FirmwareGenerator() {}

  /**
   * Generates the firmware files.
   *
   * @param request the model and how to package it
   * @param outputDirectory where to write
   * @return what was written
   * @throws BudgetExceededException when the firmware does not fit the board
   * @throws CodegenException for an op without resolver method, a board without the template's
   *     sensor, a bad template parameter or labels that do not match the output
   * @throws IOException when writing fails
   */
  public static FirmwareResult generate(FirmwareRequest request, Path outputDirectory)
      throws CodegenException, IOException {
    ModelDescription model = request.model();
    Board board = request.board();
    SketchTemplate template = request.template();
    String name = request.name();
    String generator = request.generator();

    Footprint footprint = Footprint.estimate(model, template, board);
    footprint.check(board, request.quantization().startsWith("int8"));

    ModelSourceGenerator sources = new ModelSourceGenerator(generator);
    SketchGenerator sketches = new SketchGenerator(generator);
    String header = sources.header(model);
    String ccSource = sources.source(model, "model.h");

    SortedMap<String, byte[]> out = new TreeMap<>();
    out.put(MODEL_FILE, model.flatbufferView());
    out.put("model.h", utf8(header));
    out.put("model.cc", utf8(ccSource));

    Map<String, String> params = request.templateParameters();
    SortedMap<String, String> sketch =
        sketches.sketchFiles(
            model, template, board, name, "#include \"model.h\"\n#include \"model_ops.h\"", params);
    sketch.put("model.h", header);
    sketch.put("model.cpp", ccSource);
    sketch.forEach((file, text) -> out.put(name + "/" + file, utf8(text)));

    SortedMap<String, String> example =
        sketches.sketchFiles(model, template, board, name, "#include <" + name + ".h>", params);
    SortedMap<String, byte[]> lib = new TreeMap<>();
    String root = name + "/";
    lib.put(
        root + "library.properties",
        utf8(
            ArduinoLibraryZip.properties(
                name, request.libraryVersion(), model.name(), board, template, generator)));
    lib.put(root + "src/" + name + ".h", utf8(ArduinoLibraryZip.umbrellaHeader(name, generator)));
    lib.put(root + "src/model.h", utf8(header));
    lib.put(root + "src/model.cpp", utf8(ccSource));
    for (Map.Entry<String, String> e : example.entrySet()) {
      String file = e.getKey();
      String target =
          SketchGenerator.COMMON_FILES.contains(file)
              ? root + "src/" + file
              : root + "examples/" + name + "/" + file;
      lib.put(target, utf8(e.getValue()));
    }
    String zipName = name + "-arduino.zip";
    out.put(zipName, ArduinoLibraryZip.zip(lib));

    List<ConversionReport.Histogram> histograms = new ArrayList<>();
    for (Map.Entry<String, byte[]> h : request.histogramPngs().entrySet()) {
      String png = "histograms/" + Identifiers.sketchName(h.getKey()) + ".png";
      if (out.containsKey(png)) {
        png = "histograms/" + Identifiers.sketchName(h.getKey()) + "_" + histograms.size() + ".png";
      }
      out.put(png, h.getValue());
      histograms.add(new ConversionReport.Histogram(h.getKey(), png));
    }
    ConversionReport report =
        new ConversionReport(
            model.name(),
            request.source(),
            request.quantization(),
            board.id(),
            template.id(),
            model.inputs(),
            model.outputs(),
            request.opUses(),
            footprint,
            request.macs(),
            request.agreement(),
            request.worstTensors(),
            histograms,
            request.notes());
    out.put("report.md", utf8(ReportWriter.markdown(report)));
    out.put("report.json", utf8(ReportWriter.json(report)));

    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : out.entrySet()) {
      Path target = outputDirectory.resolve(e.getKey());
      AtomicFiles.write(target, e.getValue());
      written.add(target);
    }
    return new FirmwareResult(
        outputDirectory,
        written,
        outputDirectory.resolve(zipName),
        outputDirectory.resolve(name),
        report);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
