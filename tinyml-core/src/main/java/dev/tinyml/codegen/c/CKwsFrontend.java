package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.preprocess.MicroFrontendConfig;
import dev.tinyml.preprocess.PreprocessException;
import java.util.List;
import java.util.Map;

/**
 * The C micro frontend of a {@code c_kws} sketch, generated from the {@code kws} template's
 * frontend parameters. The tflm {@code kws} sketch hands the same parameters to TFLM's frontend at
 * run time on top of {@code FrontendFillConfigWithDefaults}; the other settings (noise reduction,
 * PCAN, log scale) are those defaults, which equal {@link MicroFrontendConfig#microSpeech()}'s.
 */
final class CKwsFrontend {
  /** The {@code kws} parameters that configure the frontend; the C sketch reads them as macros. */
  static final List<String> PARAMETERS =
      List.of(
          "sample_rate_hz",
          "window_ms",
          "stride_ms",
          "feature_channels",
          "lower_band_hz",
          "upper_band_hz");

  private CKwsFrontend() {}

  /**
   * The frontend sources for the template's (checked) parameters.
   *
   * @param parameters every {@code kws} parameter, defaults filled in
   * @return the C frontend
   * @throws CodegenException naming the parameter when one is not a number or the values do not
   *     make a frontend (a band above the Nyquist frequency, a stride longer than the window)
   */
  static CFrontendSources render(Map<String, String> parameters) throws CodegenException {
    int sampleRate = integer(parameters, "sample_rate_hz");
    MicroFrontendConfig config;
    try {
      config =
          MicroFrontendConfig.microSpeech()
              .withFilterbank(
                  integer(parameters, "window_ms"),
                  integer(parameters, "stride_ms"),
                  integer(parameters, "feature_channels"),
                  real(parameters, "lower_band_hz"),
                  real(parameters, "upper_band_hz"));
    } catch (PreprocessException e) {
      throw new CodegenException(
          "Template kws parameters do not make an audio frontend: " + e.getMessage() + ".", e);
    }
    if (sampleRate <= 0) {
      throw new CodegenException(
          "Template kws parameter 'sample_rate_hz' must be positive, got " + sampleRate + ".");
    }
    return CFrontend.render(config, sampleRate);
  }

  private static int integer(Map<String, String> parameters, String name) throws CodegenException {
    String text = parameters.get(name).trim();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new CodegenException(
          "Template kws parameter '" + name + "' must be a whole number, got '" + text + "'.");
    }
  }

  /** A C float literal as the templates write them: {@code 125.0f}, {@code 7500}, {@code 4e3f}. */
  private static float real(Map<String, String> parameters, String name) throws CodegenException {
    String text = parameters.get(name).trim();
    String digits =
        text.endsWith("f") || text.endsWith("F") ? text.substring(0, text.length() - 1) : text;
    try {
      float value = Float.parseFloat(digits);
      if (Float.isFinite(value) && !digits.isEmpty() && Character.isDigit(digits.charAt(0))) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the parameter's name
    }
    throw new CodegenException(
        "Template kws parameter '" + name + "' must be a number in Hz, got '" + text + "'.");
  }
}
