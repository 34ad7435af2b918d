package dev.tinyml.convert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The up-to-date check of a request: what goes into its {@link ConvertFingerprint}. */
final class ConversionFingerprint {
  private ConversionFingerprint() {}

  /**
   * Whether the request reads everything from files, so that a fingerprint covers it; a model or
   * samples given in memory cannot be fingerprinted.
   */
  static boolean possible(ConversionRequest request) {
    return !(request.source() instanceof ModelSource.InMemory)
        && !(request.representativeData() instanceof RepresentativeData.Dataset)
        && !(request.heldOutData() instanceof RepresentativeData.Dataset);
  }

  /** The hash of the request's inputs and settings. */
  static String of(ConversionRequest request) throws IOException {
    ConvertFingerprint fingerprint = new ConvertFingerprint().config(configuration(request));
    ModelSource source = request.source();
    if (source instanceof ModelSource.TfliteFile f) {
      fingerprint.path("model", f.file());
    } else if (source instanceof ModelSource.SavedModelDirectory d) {
      fingerprint.path("model", d.directory());
    }
    RepresentativeData data = request.representativeData();
    if (data instanceof RepresentativeData.Directory d) {
      fingerprint.path("representativeData", d.directory());
    } else if (data instanceof RepresentativeData.DatasetClass c) {
      for (Path element : c.classpath()) {
        fingerprint.path("classpath:" + element.getFileName(), element);
      }
    }
    if (request.heldOutData() instanceof RepresentativeData.Directory d) {
      fingerprint.path("heldOutData", d.directory());
    }
    return fingerprint.hex();
  }

  private static Map<String, String> configuration(ConversionRequest r) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("generator", r.generator());
    ModelSource s = r.source();
    c.put(
        "signature",
        s instanceof ModelSource.TfliteFile f
            ? f.signature()
            : s instanceof ModelSource.SavedModelDirectory d ? d.signature() : null);
    c.put("quantization", r.quantization().id());
    c.put("inputType", r.inputType() == null ? null : r.inputType().name());
    c.put("outputType", r.outputType() == null ? null : r.outputType().name());
    c.put("calibration", r.calibration().id());
    c.put("biasCorrection", Boolean.toString(r.biasCorrection()));
    c.put("labels", String.join("\n", r.labels()));
    c.put("board", r.board().toString());
    c.put("template", r.template().id());
    c.put("templateParameters", new TreeMap<>(r.templateParameters()).toString());
    c.put("name", r.name());
    c.put("offlinePlan", Boolean.toString(r.offlinePlan()));
    if (r.backend() != Backend.TFLM) { // tflm's stamps stay as they were before backends
      c.put("backend", r.backend().id());
    }
    RepresentativeData data = r.representativeData();
    c.put(
        "representativeData",
        data instanceof RepresentativeData.Directory d
            ? "directory " + d.preprocessing()
            : data instanceof RepresentativeData.DatasetClass k ? "class " + k.className() : null);
    if (r.heldOutData() instanceof RepresentativeData.Directory d) {
      c.put("heldOutData", "directory " + d.preprocessing());
    }
    c.put("libraryVersion", r.libraryVersion());
    return c;
  }
}
