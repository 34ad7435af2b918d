package dev.tinyml.convert;

import dev.tinyml.codegen.Board;
import dev.tinyml.codegen.CodegenException;
import dev.tinyml.codegen.ConversionReport;
import dev.tinyml.codegen.FirmwareGenerator;
import dev.tinyml.codegen.FirmwareRequest;
import dev.tinyml.codegen.FirmwareResult;
import dev.tinyml.codegen.Footprint;
import dev.tinyml.codegen.TfliteFirmware;
import dev.tinyml.io.AtomicFiles;
import dev.tinyml.quant.IoType;
import dev.tinyml.quant.ModelQuantizer;
import dev.tinyml.quant.QuantizationException;
import dev.tinyml.quant.QuantizationOptions;
import dev.tinyml.quant.QuantizationScheme;
import dev.tinyml.quant.RepresentativeDataset;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TfliteFormatException;
import dev.tinyml.tflite.TfliteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Converts a SavedModel, a {@code .tflite} file or a model in memory into the files an Arduino
 * project needs, in one call: import, int8 quantization calibrated on representative samples, the
 * float-vs-int8 quality figures, memory planning, and {@code model.tflite}, {@code model.cc}/{@code
 * model.h}, the sketch, the Arduino library zip and the report (see {@link FirmwareGenerator}),
 * checked against the board's flash and RAM.
 *
 * <pre>{@code
 * ConversionResult result =
 *     Converter.convert(
 *         ConversionRequest.builder(ModelSource.savedModel(Path.of("saved_model")), Path.of("out"))
 *             .representativeData(
 *                 RepresentativeData.directory(Path.of("calibration"), SamplePreprocessing.none()))
 *             .labels(List.of("silence", "unknown", "yes", "no"))
 *             .template(SketchTemplate.KWS)
 *             .build());
 * System.out.println(result.footprint().orElseThrow().arenaBytes());
 * }</pre>
 *
 * <p>The quantized model is serialised once, and the samples are read once for calibration and once
 * for the quality figures (or the held-out samples once, when given). Nothing is written when the
 * conversion fails.
 */
public final class Converter {
  /** How many lowest-SQNR tensors the report lists. */
  static final int WORST_TENSORS = 5;

  /** How many weight tensors get a histogram. */
  static final int HISTOGRAMS = 4;

  private Converter() {}

  /**
   * Runs the conversion.
   *
   * @param request the model, the samples, the settings and where to write
   * @return the files and the report
   * @throws ConversionException for a missing or unusable model or samples, settings that do not
   *     apply to the model, or firmware that does not fit the board; the message says what to do
   * @throws IOException when the inputs cannot be read for the up-to-date check or the outputs
   *     cannot be written
   */
  public static ConversionResult convert(ConversionRequest request)
      throws ConversionException, IOException {
    ModelLoader.check(request);
    Samples.check(request);
    Path out = request.outputDirectory();
    String name =
        FirmwareRequest.sanitizedName(
            request.name() != null ? request.name() : request.source().defaultName());

    String hash = null;
    if (ConversionFingerprint.possible(request)) {
      try {
        hash = ConversionFingerprint.of(request);
        if (request.skipWhenUnchanged() && ConvertFingerprint.upToDate(out, hash)) {
          request
              .log()
              .info(
                  "model and configuration unchanged since the last run; skipping (outputs in "
                      + out
                      + "; delete "
                      + ConvertFingerprint.STAMP
                      + " there to force).");
          return new ConversionResult(
              out,
              ConvertFingerprint.files(out),
              out.resolve(name + "-arduino.zip"),
              true,
              Optional.empty());
        }
      } catch (IOException e) {
        throw new IOException("Cannot read the model or the output stamp: " + e, e);
      }
    }

    ModelLoader.Loaded loaded = ModelLoader.load(request);
    Model model = loaded.model();
    byte[] bytes = loaded.bytes();
    boolean isFloat = hasFloatWeights(model);
    String quantDone;
    ConversionQuality.Measured quality = null;
    String sourceName = request.source().displayName();
    List<String> notes = new ArrayList<>(budgetNotes(request));
    if (request.quantization() != Quantization.NONE && isFloat) {
      Model floatModel = model;
      int calibrationSamples;
      try (Samples samples = Samples.open(request, floatModel, sourceName)) {
        RepresentativeDataset data = samples.dataset();
        notes.addAll(samples.warnings());
        Model int8 = quantize(request, floatModel, data);
        Optional<Samples> heldOut = Samples.openHeldOut(request, floatModel);
        if (heldOut.isPresent()) {
          try (Samples h = heldOut.get()) {
            notes.addAll(h.warnings());
            quality =
                fromUserData(
                    request,
                    () ->
                        ConversionQuality.measure(
                            floatModel, int8, h.dataset(), WORST_TENSORS, heldOutLabel(request)));
          }
          calibrationSamples = fromUserData(request, () -> count(data));
        } else {
          quality =
              fromUserData(
                  request, () -> ConversionQuality.measure(floatModel, int8, data, WORST_TENSORS));
          calibrationSamples = quality.agreement().samples();
        }
        model = int8;
        bytes = null;
      }
      quantDone =
          request.quantization().id()
              + " (quantized from float32, calibrated on "
              + calibrationSamples
              + " samples"
              + calibrationNote(request)
              + ")";
    } else {
      quantDone =
          request.quantization() != Quantization.NONE
              ? request.quantization() == Quantization.INT8
                  ? "int8 (model was already quantized)"
                  : "as given (model was already quantized)"
              : isFloat ? "none (float model)" : "none (model is quantized as given)";
      warnUnusedData(request, request.representativeData(), "representativeData");
      warnUnusedData(request, request.heldOutData(), "heldOutData");
      checkIoTypeMatches(request, "inputType", request.inputType(), model, true);
      checkIoTypeMatches(request, "outputType", request.outputType(), model, false);
    }
    if (request.backend() == Backend.C) {
      return CConversion.write(
          new CConversion.Inputs(
              request,
              model,
              name,
              sourceName,
              quantDone,
              quality == null ? null : quality.agreement()),
          hash);
    }
    if (bytes == null && !request.offlinePlan()) {
      bytes = serialise(model, request, quality != null);
    }

    FirmwareResult result;
    try {
      TfliteFirmware.Prepared prepared =
          TfliteFirmware.prepare(model, bytes, request.offlinePlan());
      FirmwareRequest.Builder firmware =
          TfliteFirmware.request(model, prepared, name, request.labels())
              .name(name)
              .template(request.template())
              .board(request.board())
              .templateParameters(request.templateParameters())
              .generator(request.generator())
              .source(sourceName)
              .quantization(quantDone + (prepared.offlinePlan() ? ", offline memory plan" : ""));
      libraryVersion(firmware, request);
      if (quality != null) {
        firmware.agreement(quality.agreement()).worstTensors(quality.worstTensors());
      }
      ConversionQuality.weightHistograms(model, HISTOGRAMS).forEach(firmware::histogram);
      notes.forEach(firmware::note);
      result = FirmwareGenerator.generate(firmware.build(), out);
      Path stamp = out.resolve(ConvertFingerprint.STAMP);
      if (hash != null) {
        AtomicFiles.write(stamp, ConvertFingerprint.stamp(hash, out, result.files()));
      } else {
        Files.deleteIfExists(stamp); // a stale stamp would vouch for outputs it did not see
      }
    } catch (CodegenException e) {
      throw new ConversionException(e.getMessage(), e);
    } catch (IOException e) {
      throw new IOException("Cannot write the outputs to " + out + ": " + e, e);
    }
    ConversionReport report = result.report();
    request.log().info(summary(sourceName, request, report.footprint()));
    request.log().info("wrote " + result.files().size() + " files to " + out);
    return new ConversionResult(
        out, result.files(), result.libraryZip(), false, Optional.of(report));
  }

  /** Where the agreement was measured, for the report. */
  private static String heldOutLabel(ConversionRequest request) {
    return request.heldOutData() instanceof RepresentativeData.Directory d
        ? "held-out samples in "
            + d.directory().getFileName()
            + " ("
            + request.setting("heldOutData")
            + ")"
        : "held-out samples";
  }

  private static int count(RepresentativeDataset data) {
    int n = 0;
    for (float[][] ignored : data) {
      n++;
    }
    return n;
  }

  /**
   * Logs and returns a note when flashBytes/ramBytes replaced a known board's budget, so that the
   * figures are read against the right numbers.
   */
  private static List<String> budgetNotes(ConversionRequest request) {
    Board board = request.board();
    if (!board.ownBudget() || board.id().equals("custom")) {
      return List.of();
    }
    Board listed;
    try {
      listed = Board.named(board.id());
    } catch (CodegenException e) {
      return List.of(); // a board made in code under an id of its own: nothing to compare with
    }
    List<String> parts = new ArrayList<>();
    if (board.flashBytes() != listed.flashBytes()) {
      parts.add(
          String.format(
              Locale.ROOT,
              "flash %,d B (%s) instead of its %,d B",
              board.flashBytes(),
              request.setting("flashBytes"),
              listed.flashBytes()));
    }
    if (board.ramBytes() != listed.ramBytes()) {
      parts.add(
          String.format(
              Locale.ROOT,
              "RAM %,d B (%s) instead of its %,d B",
              board.ramBytes(),
              request.setting("ramBytes"),
              listed.ramBytes()));
    }
    if (parts.isEmpty()) {
      return List.of();
    }
    String note = "board " + board.id() + " budget: " + String.join(", ", parts) + ".";
    request.log().info(note);
    return List.of(note);
  }

  private static void libraryVersion(FirmwareRequest.Builder firmware, ConversionRequest request)
      throws ConversionException {
    try {
      firmware.libraryVersion(request.libraryVersion());
    } catch (IllegalArgumentException e) {
      throw new ConversionException(e.getMessage(), e);
    }
  }

  private static String summary(String source, ConversionRequest request, Footprint f) {
    return String.format(
            Locale.ROOT,
            "%s for %s: model %,d B, arena %,d B; ",
            source,
            request.board().id(),
            f.modelBytes(),
            f.arenaBytes())
        + BudgetLine.of(f.flashBytes(), f.flashBudget(), f.ramBytes(), f.ramBudget());
  }

  private interface Measurement<T> {
    T get() throws ConversionException;
  }

  /** Runs a step that iterates the samples; a user's own dataset class may throw anything. */
  private static <T> T fromUserData(ConversionRequest request, Measurement<T> step)
      throws ConversionException {
    try {
      return step.get();
    } catch (RuntimeException e) {
      throw userDataFailure(request, e);
    }
  }

  /** A failure of the user's dataset class as a conversion error; any other is rethrown. */
  private static ConversionException userDataFailure(
      ConversionRequest request, RuntimeException e) {
    if (!(request.representativeData() instanceof RepresentativeData.DatasetClass c)) {
      throw e;
    }
    return new ConversionException(
        request.setting("representativeDatasetClass") + " " + c.className() + " failed: " + e, e);
  }

  /** The quantizer's options for a request that quantizes. */
  static QuantizationOptions quantizationOptions(ConversionRequest request)
      throws ConversionException {
    QuantizationScheme scheme = request.quantization().scheme().orElseThrow();
    return QuantizationOptions.defaults()
        .withScheme(scheme)
        .withIoTypes(
            ioType(request, "inputType", request.inputType(), scheme),
            ioType(request, "outputType", request.outputType(), scheme))
        .withCalibration(request.calibration())
        .withBiasCorrection(request.biasCorrection());
  }

  private static Model quantize(
      ConversionRequest request, Model floatModel, RepresentativeDataset data)
      throws ConversionException {
    QuantizationOptions options = quantizationOptions(request);
    try {
      return ModelQuantizer.quantize(floatModel, data, options);
    } catch (QuantizationException e) {
      String from =
          request.representativeData() instanceof RepresentativeData.DatasetClass c
              ? " (samples from " + c.className() + ")"
              : "";
      throw new ConversionException(
          "Cannot quantize "
              + request.source().displayName()
              + " to "
              + request.quantization().id()
              + ": "
              + e.getMessage()
              + from,
          e);
    } catch (RuntimeException e) {
      throw userDataFailure(request, e);
    }
  }

  private static byte[] serialise(Model model, ConversionRequest request, boolean quantized)
      throws ConversionException {
    try {
      return TfliteWriter.write(model);
    } catch (TfliteFormatException e) {
      String source = request.source().displayName();
      throw new ConversionException(
          (quantized
                  ? "The int8 model made from " + source + " cannot be written: "
                  : "The model " + source + " cannot be written as .tflite: ")
              + e.getMessage(),
          e);
    }
  }

  /** The non-default calibration settings, for the report ("" with the defaults). */
  private static String calibrationNote(ConversionRequest request) {
    String c = request.calibration().id();
    return (c.equals("minmax") ? "" : ", " + c + " ranges")
        + (request.biasCorrection() ? ", bias correction" : "");
  }

  private static IoType ioType(
      ConversionRequest request, String setting, TensorType type, QuantizationScheme scheme)
      throws ConversionException {
    if (type == null) {
      return scheme.integerIo();
    }
    String value = type.name().toLowerCase(Locale.ROOT);
    IoType io;
    try {
      io = IoType.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ConversionException(
          request.setting(setting) + "=" + value + ": " + e.getMessage(), e);
    }
    if (io != IoType.FLOAT32 && io != scheme.integerIo()) {
      String integer = scheme.integerIo().name().toLowerCase(Locale.ROOT);
      throw new ConversionException(
          request.setting(setting)
              + "="
              + value
              + " does not fit "
              + request.setting("quantization")
              + "="
              + scheme.id()
              + ", which makes "
              + integer
              + " or float32 tensors; set "
              + integer
              + " or float32.");
    }
    return io;
  }

  /** Float weights or biases mean a float model (an int8 model may still have float I/O). */
  static boolean hasFloatWeights(Model model) {
    for (Tensor t : model.primarySubgraph().tensors()) {
      boolean floaty = t.type() == TensorType.FLOAT32 || t.type() == TensorType.FLOAT16;
      if (floaty && model.dataOf(t).length > 0) {
        return true;
      }
    }
    return false;
  }

  private static void warnUnusedData(
      ConversionRequest request, RepresentativeData data, String directorySetting) {
    if (data instanceof RepresentativeData.None) {
      return;
    }
    String setting =
        data instanceof RepresentativeData.DatasetClass
            ? "representativeDatasetClass"
            : directorySetting;
    request
        .log()
        .warn(request.setting(setting) + " is not used: the model is not quantized in this run.");
  }

  private static void checkIoTypeMatches(
      ConversionRequest request, String setting, TensorType wanted, Model model, boolean input)
      throws ConversionException {
    if (wanted == null) {
      return;
    }
    String value = wanted.name().toLowerCase(Locale.ROOT);
    int[] indices = input ? model.primarySubgraph().inputs() : model.primarySubgraph().outputs();
    for (int i : indices) {
      Tensor t = model.primarySubgraph().tensor(i);
      String actual = t.type().name().toLowerCase(Locale.ROOT);
      if (!actual.equals(value)) {
        throw new ConversionException(
            request.setting(setting)
                + "="
                + value
                + " but the model's "
                + (input ? "input" : "output")
                + " '"
                + t.name()
                + "' is "
                + actual
                + "; the type is chosen when a float model is quantized ("
                + request.setting("quantization")
                + "=int8), and this model is not quantized in this run. Leave "
                + request.setting(setting)
                + " unset to keep the model's type.");
      }
    }
  }
}
