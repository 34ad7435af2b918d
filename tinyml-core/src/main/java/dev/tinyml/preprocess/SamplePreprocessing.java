package dev.tinyml.preprocess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How one sample file becomes model inputs (flattened row-major float arrays shaped like the
 * model's single input): the closed set of preprocessing kinds a directory of representative
 * samples can use ({@link SampleDirectory}).
 *
 * <ul>
 *   <li>{@code none}: {@code .npy} arrays (one sample, or a batch whose size is a multiple of the
 *       input) and {@code .csv} files (one sample per line), already model inputs;
 *   <li>{@code micro-frontend}: {@code .wav} clips through TFLite Micro's audio frontend ({@link
 *       MicroFrontendConfig#microSpeech()}), as the float values a float model is trained on:
 *       {@code uint16 / 25.6}, which is what TFLM's float audio preprocessor outputs ({@link
 *       MicroFrontend#toMicroSpeechInt8(int)} is the int8 model's input instead);
 *   <li>{@code mfcc}, {@code log-mel}: {@code .wav} clips through {@link SpectralFeatures} with
 *       {@link SpectralConfig#defaults()};
 *   <li>{@code image}: PNG, JPEG, BMP or GIF files, converted to the input's channel count, centre
 *       cropped to its aspect ratio, resized to its height and width and normalised;
 *   <li>{@code time-series}: {@code .csv} tables cut into windows of rows, each window flattened in
 *       time order.
 * </ul>
 *
 * Audio clips are resampled to 16 kHz first; a clip must give exactly as many feature values as the
 * model input has, and the error says how long the clips must be.
 */
public sealed interface SamplePreprocessing {

  /** The names {@link #named} accepts, in documentation order. */
  List<String> NAMES = List.of("none", "micro-frontend", "mfcc", "log-mel", "image", "time-series");

  /**
   * @return the name of this preprocessing, e.g. {@code micro-frontend}
   */
  String name();

  /**
   * @return the file name extensions (lower case, with the dot) this preprocessing reads
   */
  default List<String> extensions() {
    return switch (name()) {
      case "none" -> List.of(".npy", ".csv");
      case "image" -> List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");
      case "time-series" -> List.of(".csv");
      // micro-frontend, mfcc and log-mel: the audio frontends read WAV clips.
      default -> List.of(".wav");
    };
  }

  /**
   * Turns one file into model inputs.
   *
   * @param file the sample file, with one of {@link #extensions()}
   * @param inputShape the model input's shape (the batch dimension included, usually 1)
   * @return one or more samples of {@code product(inputShape)} values each
   * @throws PreprocessException naming the file, the shape it gives and the expected shape
   */
  List<float[]> samples(Path file, int[] inputShape);

  /**
   * @return samples that already are model inputs ({@code .npy}, {@code .csv})
   */
  static SamplePreprocessing none() {
    return new AsIs();
  }

  /**
   * @return micro_speech frontend features as float values ({@code uint16 / 25.6})
   */
  static SamplePreprocessing microFrontend() {
    return new MicroFrontendFeatures(MicroFrontendConfig.microSpeech(), 25.6f);
  }

  /**
   * @return MFCCs with {@link SpectralConfig#defaults()}
   */
  static SamplePreprocessing mfcc() {
    return new Spectral(FeatureKind.MFCC, SpectralConfig.defaults());
  }

  /**
   * @return log-mel energies with {@link SpectralConfig#defaults()}
   */
  static SamplePreprocessing logMel() {
    return new Spectral(FeatureKind.LOG_MEL, SpectralConfig.defaults());
  }

  /**
   * @param normalization how pixel values map to input values
   * @return images resized to the model input
   */
  static SamplePreprocessing image(ImageNormalization normalization) {
    return new Image(normalization);
  }

  /**
   * @param windowSize rows per window; 0 to take the model input's values divided by the columns
   * @param windowStride rows between window starts; 0 for the window size (no overlap)
   * @return CSV tables cut into windows
   */
  static SamplePreprocessing timeSeries(int windowSize, int windowStride) {
    return new TimeSeriesWindows(windowSize, windowStride);
  }

  /**
   * Looks a preprocessing up by name, with its options.
   *
   * @param name one of {@link #NAMES} (case-insensitive); {@code null} or blank means {@code none}
   * @param normalization for {@code image}
   * @param windowSize for {@code time-series}: rows per window, 0 to derive it from the model
   * @param windowStride for {@code time-series}: rows between windows, 0 for the window size
   * @return the preprocessing
   * @throws PreprocessException listing the valid names when none matches
   */
  static SamplePreprocessing named(
      String name, ImageNormalization normalization, int windowSize, int windowStride) {
    String n = name == null || name.isBlank() ? "none" : name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "none" -> none();
      case "micro-frontend" -> microFrontend();
      case "mfcc" -> mfcc();
      case "log-mel" -> logMel();
      case "image" -> image(normalization == null ? ImageNormalization.ZERO_ONE : normalization);
      case "time-series" -> timeSeries(windowSize, windowStride);
      default ->
          throw new PreprocessException(
              "Unknown preprocessing '" + name + "'; valid values are " + String.join(", ", NAMES));
    };
  }

  /** Samples that already are model inputs. */
  record AsIs() implements SamplePreprocessing {
    @Override
    public String name() {
      return "none";
    }

    @Override
    public List<float[]> samples(Path file, int[] inputShape) {
      return samples(file, inputShape, new ArrayList<>());
    }

    /**
     * As {@link #samples(Path, int[])}, adding to {@code notes} what was converted on the way: a
     * dtype other than float32, an array without the batch dimension.
     */
    List<float[]> samples(Path file, int[] inputShape, List<String> notes) {
      int n = Shapes.count(inputShape);
      List<float[]> out = new ArrayList<>();
      if (Shapes.extension(file).equals(".npy")) {
        NpyArray a = Npy.read(file);
        float[] v = a.toFloats();
        if (v.length == 0 || v.length % n != 0) {
          throw Shapes.mismatch(file, "holds an array", a.shape(), inputShape, "");
        }
        if (a.dtype() != NpyArray.Dtype.FLOAT32) {
          notes.add(
              file.getFileName()
                  + ": "
                  + a.dtype().name().toLowerCase(java.util.Locale.ROOT)
                  + " values ("
                  + a.dtype().descr()
                  + ") converted to float32");
        }
        if (!batched(a.shape(), inputShape)) {
          notes.add(
              file.getFileName()
                  + ": shape "
                  + Arrays.toString(a.shape())
                  + " read as "
                  + v.length / n
                  + " sample(s) of the input shape "
                  + Arrays.toString(inputShape)
                  + (v.length == n && a.shape().length == inputShape.length - 1
                      ? " (no batch dimension)"
                      : ""));
        }
        for (int off = 0; off < v.length; off += n) {
          out.add(Arrays.copyOfRange(v, off, off + n));
        }
        return out;
      }
      TimeSeries table = TimeSeries.readCsv(file);
      if (table.columns().size() != n) {
        throw Shapes.mismatch(
            file,
            "has lines of",
            new int[] {table.columns().size()},
            inputShape,
            " Each line of a CSV is one sample here; for a table of time steps use"
                + " preprocessing time-series.");
      }
      out.addAll(Arrays.asList(table.rows()));
      return out;
    }
  }

  /**
   * One model input from audio feature frames, after checking that they fill the input exactly.
   *
   * @param kind the preprocessing's name, for the error message
   * @param window the samples per frame, for the error message
   * @param step the samples between frame starts, for the error message
   * @param rate the clip's sample rate, for the error message
   */
  private static List<float[]> audioSample(
      Path file,
      String kind,
      int[] inputShape,
      float[][] frames,
      int channels,
      int window,
      int step,
      int rate) {
    Shapes.checkAudio(file, kind, frames.length, channels, inputShape, window, step, rate);
    float[] v = new float[frames.length * channels];
    for (int f = 0; f < frames.length; f++) {
      System.arraycopy(frames[f], 0, v, f * channels, channels);
    }
    return List.of(v);
  }

  /**
   * Whether {@code shape} is {@code inputShape} or a batch of it: {@code [k, rest...]} where the
   * input is {@code [1, rest...]}.
   */
  private static boolean batched(int[] shape, int[] inputShape) {
    if (Arrays.equals(shape, inputShape)) {
      return true;
    }
    return shape.length == inputShape.length
        && inputShape.length > 0
        && Arrays.equals(
            Arrays.copyOfRange(shape, 1, shape.length),
            Arrays.copyOfRange(inputShape, 1, inputShape.length));
  }

  /**
   * TFLite Micro's integer audio frontend, as floats.
   *
   * @param config the frontend parameters
   * @param divisor each unsigned 16-bit feature is divided by this (25.6 for micro_speech)
   */
  record MicroFrontendFeatures(MicroFrontendConfig config, float divisor)
      implements SamplePreprocessing {
    @Override
    public String name() {
      return "micro-frontend";
    }

    @Override
    public List<float[]> samples(Path file, int[] inputShape) {
      AudioClip clip = Wav.read(file).resampleTo(AudioFeatures.MODEL_SAMPLE_RATE);
      int rate = clip.sampleRate();
      MicroFrontend frontend = new MicroFrontend(config, rate);
      int[][] frames = MicroFrontend.compute(config, rate, clip.toPcm16());
      int channels = frontend.featureCount();
      float[][] scaled = new float[frames.length][channels];
      for (int f = 0; f < frames.length; f++) {
        for (int c = 0; c < channels; c++) {
          scaled[f][c] = frames[f][c] / divisor;
        }
      }
      return audioSample(
          file,
          name(),
          inputShape,
          scaled,
          channels,
          frontend.windowSize(),
          frontend.windowStep(),
          rate);
    }
  }

  /**
   * Float spectral features (MFCC or log-mel).
   *
   * @param kind {@link FeatureKind#MFCC} or {@link FeatureKind#LOG_MEL}
   * @param config the spectral parameters
   */
  record Spectral(FeatureKind kind, SpectralConfig config) implements SamplePreprocessing {
    @Override
    public String name() {
      return kind.id();
    }

    @Override
    public List<float[]> samples(Path file, int[] inputShape) {
      AudioClip clip = Wav.read(file).resampleTo(config.sampleRate());
      SpectralFeatures features = new SpectralFeatures(config, kind);
      float[][] frames = features.compute(clip.samples());
      int channels = features.featureCount();
      return audioSample(
          file,
          name(),
          inputShape,
          frames,
          channels,
          config.frameLength(),
          config.frameStep(),
          config.sampleRate());
    }
  }

  /**
   * Images resized to the model input: {@code [1, H, W, C]}, {@code [H, W, C]} (C 1 or 3), {@code
   * [1, H, W]} or {@code [H, W]} (grayscale). The image is centre cropped to the input's aspect
   * ratio (as the {@code vww} sketch does with camera frames), then resized with area averaging
   * when shrinking and bilinear interpolation when enlarging.
   *
   * @param normalization how pixel values map to input values
   */
  record Image(ImageNormalization normalization) implements SamplePreprocessing {
    @Override
    public String name() {
      return "image";
    }

    @Override
    public List<float[]> samples(Path file, int[] inputShape) {
      int[] hwc = Shapes.imageShape(inputShape);
      int h = hwc[0];
      int w = hwc[1];
      PixelImage img = PixelImage.read(file);
      img = hwc[2] == 1 ? img.toGrayscale() : img.toRgb();
      // Crop to the target aspect ratio: keep the full width or the full height.
      long lhs = (long) img.width() * h;
      long rhs = (long) img.height() * w;
      if (lhs > rhs) {
        img =
            img.centerCrop(
                (int) Math.max(1, Math.round((double) img.height() * w / h)), img.height());
      } else if (lhs < rhs) {
        img =
            img.centerCrop(
                img.width(), (int) Math.max(1, Math.round((double) img.width() * h / w)));
      }
      if (img.width() != w || img.height() != h) {
        boolean shrink = w <= img.width() && h <= img.height();
        img =
            img.resize(
                w, h, shrink ? PixelImage.Interpolation.AREA : PixelImage.Interpolation.BILINEAR);
      }
      return List.of(normalization.apply(img).pixels());
    }
  }

  /**
   * CSV tables of time steps (one row per step, one column per channel) cut into windows.
   *
   * @param windowSize rows per window; 0 to derive it from the model input and the column count
   * @param windowStride rows between window starts; 0 for the window size
   */
  record TimeSeriesWindows(int windowSize, int windowStride) implements SamplePreprocessing {
    /** Validates the window. */
    public TimeSeriesWindows {
      if (windowSize < 0 || windowStride < 0) {
        throw new PreprocessException(
            "Time-series window size and stride must be positive (or 0 for the default), got "
                + windowSize
                + " and "
                + windowStride);
      }
    }

    @Override
    public String name() {
      return "time-series";
    }

    @Override
    public List<float[]> samples(Path file, int[] inputShape) {
      int n = Shapes.count(inputShape);
      TimeSeries table = TimeSeries.readCsv(file);
      int columns = table.columns().size();
      int size = windowSize;
      if (size == 0) {
        if (columns == 0 || n % columns != 0) {
          throw new PreprocessException(
              file
                  + " has "
                  + columns
                  + " columns, which do not divide the model input "
                  + Arrays.toString(inputShape)
                  + " ("
                  + n
                  + " values) into time steps; set the window size.");
        }
        size = n / columns;
      }
      if (size * columns != n) {
        throw Shapes.mismatch(file, "gives windows of", new int[] {size, columns}, inputShape, "");
      }
      int stride = windowStride == 0 ? size : windowStride;
      if (table.rows().length < size) {
        throw new PreprocessException(
            file
                + " has "
                + table.rows().length
                + " rows, fewer than one window of "
                + size
                + " rows for the model input "
                + Arrays.toString(inputShape));
      }
      List<float[]> out = new ArrayList<>();
      for (float[][] window : table.slidingWindows(size, stride)) {
        float[] v = new float[n];
        for (int t = 0; t < size; t++) {
          System.arraycopy(window[t], 0, v, t * columns, columns);
        }
        out.add(v);
      }
      return out;
    }
  }
}
