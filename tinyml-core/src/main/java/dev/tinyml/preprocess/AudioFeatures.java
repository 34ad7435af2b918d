package dev.tinyml.preprocess;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The features of one audio clip, as the {@code features} goal computes and reports them.
 *
 * <pre>{@code
 * AudioFeatures f = AudioFeatures.compute(Path.of("yes.wav"), FeatureKind.MICRO_FRONTEND);
 * byte[] modelInput = f.int8Flat();   // 49 x 40 int8 for micro_speech
 * }</pre>
 *
 * @param kind which features these are
 * @param source where the audio came from (for reports)
 * @param sampleRate the rate the features were computed at
 * @param frames one row per frame; for the micro frontend the unsigned 16-bit outputs
 * @param int8 for the micro frontend, micro_speech's int8 model input per frame; otherwise {@code
 *     null}
 */
public record AudioFeatures(
    FeatureKind kind, String source, int sampleRate, float[][] frames, byte[][] int8) {

  /** The rate every feature kind here is computed at: clips at other rates are resampled. */
  public static final int MODEL_SAMPLE_RATE = 16000;

  /**
   * Reads a WAV file, resamples it to {@value #MODEL_SAMPLE_RATE} Hz if needed, and computes
   * features with the defaults: {@link MicroFrontendConfig#microSpeech()} for the frontend, {@link
   * SpectralConfig#defaults()} otherwise.
   *
   * @param wav the WAV file
   * @param kind which features
   * @return the features
   * @throws PreprocessException if the file is missing, truncated or unsupported
   */
  public static AudioFeatures compute(Path wav, FeatureKind kind) {
    AudioClip clip = Wav.read(wav).resampleTo(MODEL_SAMPLE_RATE);
    return compute(clip, kind, wav.toString());
  }

  /**
   * Computes features of a clip already in memory.
   *
   * @param clip the clip; resampled to {@value #MODEL_SAMPLE_RATE} Hz if needed
   * @param kind which features
   * @param source a name for reports
   * @return the features
   */
  public static AudioFeatures compute(AudioClip clip, FeatureKind kind, String source) {
    AudioClip audio = clip.resampleTo(MODEL_SAMPLE_RATE);
    if (kind == FeatureKind.MICRO_FRONTEND) {
      int[][] values =
          MicroFrontend.compute(
              MicroFrontendConfig.microSpeech(), audio.sampleRate(), audio.toPcm16());
      float[][] frames = new float[values.length][];
      byte[][] int8 = new byte[values.length][];
      for (int f = 0; f < values.length; f++) {
        frames[f] = new float[values[f].length];
        int8[f] = new byte[values[f].length];
        for (int c = 0; c < values[f].length; c++) {
          frames[f][c] = values[f][c];
          int8[f][c] = MicroFrontend.toMicroSpeechInt8(values[f][c]);
        }
      }
      return new AudioFeatures(kind, source, audio.sampleRate(), frames, int8);
    }
    SpectralFeatures features = new SpectralFeatures(SpectralConfig.defaults(), kind);
    return new AudioFeatures(
        kind, source, audio.sampleRate(), features.compute(audio.samples()), null);
  }

  /**
   * @return values per frame (0 when there are no frames)
   */
  public int featureCount() {
    return frames.length == 0 ? 0 : frames[0].length;
  }

  /**
   * @return the int8 rows flattened in frame order, or {@code null} when there are none
   */
  public byte[] int8Flat() {
    if (int8 == null) {
      return null;
    }
    byte[] out = new byte[int8.length * featureCount()];
    for (int f = 0; f < int8.length; f++) {
      System.arraycopy(int8[f], 0, out, f * featureCount(), int8[f].length);
    }
    return out;
  }

  /**
   * The report as JSON: {@code {"features": "micro-frontend", "source": ..., "sample_rate": ...,
   * "num_frames": ..., "num_features": ..., "frames": [[..], ..], "int8": [[..], ..]}}; frontend
   * frames are integers, {@code int8} appears only for the frontend.
   *
   * @return the JSON text, pretty-printed, ending with a newline
   */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("features", kind.id());
    root.put("source", source);
    root.put("sample_rate", sampleRate);
    root.put("num_frames", frames.length);
    root.put("num_features", featureCount());
    ArrayNode rows = root.putArray("frames");
    for (float[] frame : frames) {
      ArrayNode row = rows.addArray();
      for (float v : frame) {
        if (kind == FeatureKind.MICRO_FRONTEND) {
          row.add((int) v);
        } else {
          row.add(v);
        }
      }
    }
    if (int8 != null) {
      ArrayNode q = root.putArray("int8");
      for (byte[] frame : int8) {
        ArrayNode row = q.addArray();
        for (byte v : frame) {
          row.add(v);
        }
      }
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new PreprocessException("Cannot render features as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The frames as an array of shape {@code [frames, features]} in the given form: {@link
   * FeatureForm#FRAMES} as {@link #toNpy()}; {@link FeatureForm#INT8} micro_speech's int8 input
   * ({@code |i1}); {@link FeatureForm#FLOAT} float32, micro-frontend outputs divided by {@value
   * FeatureForm#MICRO_FRONTEND_FLOAT_DIVISOR}. The int8 and float forms are what {@code predict}
   * takes for an int8 or float model's input.
   *
   * @param form which form
   * @return the array
   * @throws PreprocessException for the int8 form of features other than the micro frontend's
   */
  public NpyArray toNpy(FeatureForm form) {
    int n = featureCount();
    switch (form) {
      case INT8 -> {
        if (int8 == null) {
          throw new PreprocessException(
              "The int8 form exists for micro-frontend features only (micro_speech's quantized"
                  + " input); "
                  + kind.id()
                  + " features are float: use the float or frames form");
        }
        return NpyArray.ofBytes(int8Flat(), true, frames.length, n);
      }
      case FLOAT -> {
        float divisor =
            kind == FeatureKind.MICRO_FRONTEND ? FeatureForm.MICRO_FRONTEND_FLOAT_DIVISOR : 1f;
        float[] flat = new float[frames.length * n];
        for (int f = 0; f < frames.length; f++) {
          for (int c = 0; c < n; c++) {
            flat[f * n + c] = frames[f][c] / divisor;
          }
        }
        return NpyArray.ofFloats(flat, frames.length, n);
      }
      default -> {
        return toNpy();
      }
    }
  }

  /**
   * The frames as an array: {@code <u2} of shape {@code [frames, features]} for the frontend,
   * {@code <f4} otherwise.
   *
   * @return the array
   */
  public NpyArray toNpy() {
    int n = featureCount();
    if (kind == FeatureKind.MICRO_FRONTEND) {
      byte[] data = new byte[frames.length * n * 2];
      for (int f = 0; f < frames.length; f++) {
        for (int c = 0; c < n; c++) {
          int v = (int) frames[f][c];
          int at = 2 * (f * n + c);
          data[at] = (byte) v;
          data[at + 1] = (byte) (v >> 8);
        }
      }
      return new NpyArray(NpyArray.Dtype.UINT16, new int[] {frames.length, n}, data);
    }
    float[] flat = new float[frames.length * n];
    for (int f = 0; f < frames.length; f++) {
      System.arraycopy(frames[f], 0, flat, f * n, n);
    }
    return NpyArray.ofFloats(flat, frames.length, n);
  }

  /**
   * Writes {@link #toJson()} to a file, whole or not at all.
   *
   * @param file the output file
   * @throws IOException if writing fails
   */
  public void writeJson(Path file) throws IOException {
    OutputFiles.write(file, toJson().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A few readable lines: shape, value range and the first frame.
   *
   * @return the summary
   */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%s: %d frames x %d features from %s at %d Hz%n",
            kind.id(),
            frames.length,
            featureCount(),
            source,
            sampleRate));
    if (frames.length == 0) {
      s.append("(the clip is shorter than one window)\n");
      return s.toString();
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (float[] frame : frames) {
      for (float v : frame) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
      }
    }
    s.append(
        String.format(
            Locale.ROOT,
            "min %.4g  max %.4g  mean %.4g%n",
            min,
            max,
            sum / (frames.length * featureCount())));
    s.append("frame 0: ").append(row(frames[0])).append('\n');
    if (int8 != null) {
      s.append("frame 0 int8: ").append(java.util.Arrays.toString(int8[0])).append('\n');
    }
    return s.toString();
  }

  private String row(float[] frame) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < frame.length; i++) {
      s.append(i == 0 ? "" : ", ");
      s.append(
          kind == FeatureKind.MICRO_FRONTEND
              ? Integer.toString((int) frame[i])
              : String.format(Locale.ROOT, "%.4g", frame[i]));
    }
    return s.append(']').toString();
  }
}
