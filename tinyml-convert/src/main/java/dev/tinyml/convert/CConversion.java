package dev.tinyml.convert;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.CodegenException;
import dev.tinyml.codegen.ConversionReport;
import dev.tinyml.codegen.c.CBackend;
import dev.tinyml.codegen.c.CFootprint;
import dev.tinyml.codegen.c.CLibraryZip;
import dev.tinyml.codegen.c.CModule;
import dev.tinyml.codegen.c.CSketch;
import dev.tinyml.io.AtomicFiles;
import dev.tinyml.tflite.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code backend=c} outputs of a conversion: {@code <name>_model.h/.c}, the sketch folder, the
 * Arduino library zip and the report, written only after the module rendered and fits the board.
 */
final class CConversion {
  private CConversion() {}

  /** What the conversion had decided before the backend ran. */
  record Inputs(
      ConversionRequest request,
      Model model,
      String name,
      String sourceName,
      String quantization,
      ConversionReport.Agreement agreement) {}

  static ConversionResult write(Inputs in, String hash) throws ConversionException, IOException {
    ConversionRequest request = in.request();
    CModule module;
    try {
      module = CBackend.render(in.model(), in.name());
    } catch (CodegenException e) {
      throw new ConversionException(
          "Cannot compile " + in.sourceName() + " to C: " + e.getMessage(), e);
    }
    CSketch.Options sketchOptions = sketchOptions(in);
    Map<String, String> sketch;
    try {
      // The c_<template> sketch; for kws also the recognizer and the C frontend.
      sketch = CSketch.render(module, in.model(), sketchOptions);
    } catch (CodegenException e) {
      throw new ConversionException(e.getMessage(), e);
    }
    int calls = in.model().primarySubgraph().operators().size();
    CFootprint footprint = CFootprint.of(module, calls);
    checkBudget(request, footprint);

    Path out = request.outputDirectory();
    List<Path> files = new ArrayList<>();
    try {
      files.add(write(out.resolve(module.headerFile()), module.header()));
      files.add(write(out.resolve(module.sourceFile()), module.source()));
      Path folder = out.resolve(module.name());
      for (Map.Entry<String, String> f : sketch.entrySet()) {
        files.add(write(folder.resolve(f.getKey()), f.getValue()));
      }
      files.add(write(folder.resolve(module.headerFile()), module.header()));
      files.add(write(folder.resolve(module.sourceFile()), module.source()));
      Path zip = out.resolve(in.name() + "-arduino.zip");
      AtomicFiles.write(
          zip, CLibraryZip.zip(module, sketch, sketchOptions, request.libraryVersion()));
      files.add(zip);
      files.add(write(out.resolve("report.md"), CReport.markdown(in, module, footprint)));
      files.add(write(out.resolve("report.json"), CReport.json(in, module, footprint)));
      files.sort(null);
      Path stamp = out.resolve(ConvertFingerprint.STAMP);
      if (hash != null) {
        AtomicFiles.write(stamp, ConvertFingerprint.stamp(hash, out, files));
      } else {
        Files.deleteIfExists(stamp);
      }
      request.log().info(summary(in, request.board(), footprint));
      request.log().info("wrote " + files.size() + " files to " + out);
      return new ConversionResult(out, files, zip, false, java.util.Optional.empty());
    } catch (IOException e) {
      throw new IOException("Cannot write the outputs to " + out + ": " + e, e);
    }
  }

  /** The sketch for the request's template, board, labels and template parameters. */
  private static CSketch.Options sketchOptions(Inputs in) {
    ConversionRequest request = in.request();
    return new CSketch.Options(
        request.template(),
        request.board(),
        in.sourceName(),
        request.labels(),
        request.templateParameters(),
        request.generator());
  }

  private static Path write(Path file, String text) throws IOException {
    AtomicFiles.write(file, text);
    return file;
  }

  /** Fails with the figures when the module does not fit the board's flash or RAM. */
  static void checkBudget(ConversionRequest request, CFootprint f) throws ConversionException {
    Board b = request.board();
    List<String> over = new ArrayList<>();
    if (f.flashBytes() > b.flashBytes()) {
      over.add(
          String.format(
              Locale.ROOT,
              "flash %,d B (constants %,d + code %,d, %s) > %,d B",
              f.flashBytes(),
              f.constantBytes(),
              f.codeBytes(),
              f.codeMeasured() ? "measured" : "estimated",
              b.flashBytes()));
    }
    if (f.ramBytes() > b.ramBytes()) {
      over.add(
          String.format(
              Locale.ROOT,
              "RAM %,d B (arena %,d + state %,d + declared stack %,d) > %,d B",
              f.ramBytes(),
              f.arenaBytes(),
              f.stateBytes(),
              f.stackBytes(),
              b.ramBytes()));
    }
    if (!over.isEmpty()) {
      throw new ConversionException(
          "The C module does not fit "
              + b.displayName()
              + ": "
              + String.join("; ", over)
              + ". Choose a larger "
              + request.setting("board")
              + ", a smaller model, or try "
              + request.setting("backend")
              + "=tflm.");
    }
  }

  private static String summary(Inputs in, Board b, CFootprint f) {
    return in.sourceName()
        + " for "
        + b.id()
        + ", backend c: "
        + BudgetLine.of(f.flashBytes(), b.flashBytes(), f.ramBytes(), b.ramBytes());
  }
}
