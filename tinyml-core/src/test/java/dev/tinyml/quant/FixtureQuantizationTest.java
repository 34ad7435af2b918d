package dev.tinyml.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.preprocess.FeatureKind;
import dev.tinyml.preprocess.SpectralConfig;
import dev.tinyml.preprocess.SpectralFeatures;
import dev.tinyml.preprocess.Wav;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TfliteReader;
import dev.tinyml.tflite.TfliteWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quantizer on real float models from the fixtures. */
class FixtureQuantizationTest {

  /** Prints a figure into the test output (the console and surefire's XML report). */
  private static void report(String title, String body) {
    System.out.printf(Locale.ROOT, "%s: %s%n", title, body);
  }

  private static Model read(String path) throws Exception {
    return TfliteReader.read(Fixtures.path(path));
  }

  /** {@code f} quantized with the default options, calibrated on samples of its one input. */
  private static Model quantizeOn(Model f, List<float[]> calibration) {
    return quantizeOn(f, calibration, QuantizationOptions.defaults());
  }

  private static Model quantizeOn(Model f, List<float[]> calibration, QuantizationOptions options) {
    return ModelQuantizer.quantize(f, RepresentativeDataset.ofSingleInput(calibration), options);
  }

  private static Tensor named(Model m, String name) {
    return m.primarySubgraph().tensors().stream()
        .filter(t -> name.equals(t.name()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tensor " + name));
  }

  private static List<float[]> sineInputs(long seed, int n) {
    Random r = new Random(seed);
    List<float[]> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      xs.add(new float[] {(float) (r.nextDouble() * 2 * Math.PI)});
    }
    return xs;
  }

  /**
   * The official int8 hello_world turned back into float: weights and biases dequantized,
   * activations float. (The fixture's float model was trained separately, with other weights.)
   */
  private static Model dequantizedOfficialHelloWorld() throws Exception {
    Model m = read("tflite/hello_world/hello_world_int8.tflite");
    for (Tensor t : m.primarySubgraph().tensors()) {
      byte[] data = m.dataOf(t);
      float scale = t.quantization().scale()[0];
      long zp = t.quantization().zeroPoint()[0];
      if (data.length > 0) {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int n = t.type() == TensorType.INT8 ? data.length : data.length / 4;
        ByteBuffer out = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
          long q = t.type() == TensorType.INT8 ? in.get(i) : in.getInt(i * 4);
          out.putFloat((float) ((double) scale * (q - zp)));
        }
        t.setBuffer(m.addBuffer(new Buffer(out.array())));
      }
      t.setType(TensorType.FLOAT32);
      t.setQuantization(null);
    }
    m.operatorCodes().get(0).setVersion(1);
    return m;
  }

  @Test
  void requantizedOfficialHelloWorldWeightsMatchTheConverterBitForBit() throws Exception {
    Model official = read("tflite/hello_world/hello_world_int8.tflite");
    Model q = quantizeOn(dequantizedOfficialHelloWorld(), sineInputs(1, 500));
    for (String w :
        new String[] {
          "sequential/dense/MatMul", "sequential/dense_1/MatMul", "sequential/dense_2/MatMul"
        }) {
      Tensor ours = named(q, w);
      Tensor theirs = named(official, w);
      assertThat(ours.quantization()).as(w).isEqualTo(theirs.quantization());
      assertThat(q.dataOf(ours)).as(w).isEqualTo(official.dataOf(theirs));
    }
  }

  @Test
  void quantizedHelloWorldLooksLikeTheOfficialConvertersOutput() throws Exception {
    Model official = read("tflite/hello_world/hello_world_int8.tflite");
    Model q = quantizeOn(read("tflite/hello_world/hello_world_float.tflite"), sineInputs(1, 500));
    assertThat(q.operatorCodes().get(0).version())
        .isEqualTo(official.operatorCodes().get(0).version());
    for (Tensor theirs : official.primarySubgraph().tensors()) {
      Tensor ours = named(q, theirs.name());
      assertThat(ours.type()).as(theirs.name()).isEqualTo(theirs.type());
      assertThat(ours.quantization().scale()).as(theirs.name()).hasSize(1);
      if (theirs.type() != TensorType.INT8 || official.dataOf(theirs).length > 0) {
        assertThat(ours.quantization().zeroPoint()).containsExactly(0);
      }
    }
    // The input range [0, 2 pi) calibrates like the converter's: zero point -128, scale ~2pi/255.
    Tensor in = named(q, "serving_default_dense_input:0");
    Tensor theirIn = named(official, "serving_default_dense_input:0");
    assertThat(in.quantization().zeroPoint()).containsExactly(-128);
    float ratio = in.quantization().scale()[0] / theirIn.quantization().scale()[0];
    assertThat(ratio).isBetween(0.98f, 1.02f);
  }

  @Test
  void quantizedHelloWorldStillComputesSineWithinTheOriginTestsTolerance() throws Exception {
    Model q = quantizeOn(read("tflite/hello_world/hello_world_float.tflite"), sineInputs(1, 500));
    Interpreter it = PreparedModel.prepare(q).newInterpreter();
    for (double x : new double[] {0, 1, 3, 5}) {
      it.input(0).setReal(new double[] {x});
      it.invoke();
      assertThat((double) it.output(0).dequantized()[0])
          .isCloseTo(Math.sin(x), org.assertj.core.api.Assertions.within(0.05));
    }
  }

  private static float[] readCsv(String path) throws IOException {
    List<String> lines = Files.readAllLines(Fixtures.path(path));
    float[] v = new float[128 * 3];
    int k = 0;
    for (String line : lines) {
      if (line.isBlank() || !Character.isDigit(line.trim().replace("-", "").charAt(0))) {
        continue;
      }
      for (String field : line.split(",")) {
        v[k++] = Float.parseFloat(field.trim());
      }
    }
    assertThat(k).isEqualTo(384);
    return v;
  }

  /** Gestures recorded in the fixtures, scaled, shifted in time and with sensor noise added. */
  private static List<float[]> gestures(long seed, int n) throws IOException {
    float[][] base = {
      readCsv("sensor/magic_wand/ring_accel_128x3.csv"),
      readCsv("sensor/magic_wand/slope_accel_128x3.csv")
    };
    Random r = new Random(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] b = base[i % 2];
      float gain = (float) (0.8 + 0.4 * r.nextDouble());
      int shift = r.nextInt(17) - 8;
      float[] v = new float[b.length];
      for (int t = 0; t < 128; t++) {
        int src = Math.max(0, Math.min(127, t + shift));
        for (int c = 0; c < 3; c++) {
          v[t * 3 + c] = b[src * 3 + c] * gain + (float) (r.nextGaussian() * 5);
        }
      }
      out.add(v);
    }
    return out;
  }

  @Test
  void magicWandAgreesOnTop1ForAtLeast99PercentOfHeldOutGestures() throws Exception {
    Model f = read("tflite/magic_wand/magic_wand.tflite");
    Model q = quantizeOn(f, gestures(1, 200));
    RepresentativeDataset heldOut = RepresentativeDataset.ofSingleInput(gestures(2, 400));
    // Measured 99.0 %, right at the bound (held-out seeds 3-5: 98.5-99.25 %); with bias
    // correction 99.25 %
    // (magicWandWithBiasCorrectionAgreesOnTop1ForAtLeast99PercentOfHeldOutGestures).
    report(
        "magic_wand top-1 agreement, converter recipe",
        String.format(Locale.ROOT, "%.4f", QuantAssertions.top1Agreement(f, q, heldOut)));
    QuantAssertions.assertTop1Agreement(f, q, heldOut, 0.99);
    // The origin test's expectations hold for the int8 model too: ring -> 1, slope -> 2.
    Interpreter it = PreparedModel.prepare(q).newInterpreter();
    it.input(0).setReal(toDouble(readCsv("sensor/magic_wand/ring_accel_128x3.csv")));
    it.invoke();
    assertThat(QuantAssertions.argMax(it.output(0).dequantized())).isEqualTo(1);
    it.input(0).setReal(toDouble(readCsv("sensor/magic_wand/slope_accel_128x3.csv")));
    it.invoke();
    assertThat(QuantAssertions.argMax(it.output(0).dequantized())).isEqualTo(2);
  }

  @Test
  void magicWandWithBiasCorrectionAgreesOnTop1ForAtLeast99PercentOfHeldOutGestures()
      throws Exception {
    Model f = read("tflite/magic_wand/magic_wand.tflite");
    Model q =
        quantizeOn(f, gestures(1, 200), QuantizationOptions.defaults().withBiasCorrection(true));
    RepresentativeDataset heldOut = RepresentativeDataset.ofSingleInput(gestures(2, 400));
    // Measured 99.25 % (converter recipe: 99.0 %); held-out seeds 3-5: 99.25-99.75 %
    // (converter recipe: 98.5-99.25 %).
    report(
        "magic_wand top-1 agreement, bias correction",
        String.format(Locale.ROOT, "%.4f", QuantAssertions.top1Agreement(f, q, heldOut)));
    QuantAssertions.assertTop1Agreement(f, q, heldOut, 0.99);
  }

  @Test
  void debuggerReportsMagicWandsWorstTensors() throws Exception {
    Model f = read("tflite/magic_wand/magic_wand.tflite");
    Model q = quantizeOn(f, gestures(1, 200));
    DebugReport report =
        QuantizationDebugger.compare(f, q, RepresentativeDataset.ofSingleInput(gestures(2, 50)));
    report("magic_wand worst tensors by SQNR", report.toString());
    assertThat(report.tensors()).hasSize(8);
    assertThat(report.worst(3)).hasSize(3);
    assertThat(report.worst(1).get(0).stats().sqnrDb())
        .isLessThanOrEqualTo(report.tensors().get(7).stats().sqnrDb());
    assertThat(report.toString()).contains("sequential/dense/Relu");
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  /** The micro_speech clips yes, no, silence and noise (the background), one second each. */
  private static float[][] microSpeechClips() {
    String[] names = {"yes", "no", "silence", "noise"};
    float[][] clips = new float[4][];
    for (int i = 0; i < 4; i++) {
      clips[i] =
          Wav.read(Fixtures.path("audio/micro_speech/" + names[i] + "_1000ms.wav")).samples();
    }
    return clips;
  }

  /** The MLPerf Tiny KWS model's MFCC front end. */
  private static SpectralFeatures mlperfMfcc() {
    return new SpectralFeatures(SpectralConfig.defaults(), FeatureKind.MFCC);
  }

  /** The model input of one second of audio: 49 frames of 10 MFCCs, frame after frame. */
  private static float[] flatMfcc(SpectralFeatures mfcc, float[] audio) {
    float[][] frames = mfcc.compute(audio);
    float[] flat = new float[49 * 10];
    for (int k = 0; k < 49; k++) {
      System.arraycopy(frames[k], 0, flat, k * 10, 10);
    }
    return flat;
  }

  /**
   * MFCC features (the MLPerf Tiny pipeline) of the four micro_speech clips (yes, no, silence,
   * noise), each shifted in time by up to 0.1 s, scaled, mixed with some of the noise clip and a
   * little white noise.
   */
  private static List<float[]> speechFeatures(long seed, int n) {
    float[][] clips = microSpeechClips();
    SpectralFeatures mfcc = mlperfMfcc();
    Random r = new Random(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] clip = clips[i % 4];
      int shift = r.nextInt(3201) - 1600;
      double gain = 0.5 + r.nextDouble();
      double mix = 0.3 * r.nextDouble();
      float[] x = new float[16000];
      for (int t = 0; t < x.length; t++) {
        int s = t + shift;
        float v = s >= 0 && s < clip.length ? clip[s] : 0;
        x[t] = (float) (v * gain + mix * clips[3][t] + 0.002 * r.nextGaussian());
      }
      out.add(flatMfcc(mfcc, x));
    }
    return out;
  }

  /**
   * MFCC features of the four micro_speech clips as the MLPerf Tiny KWS pipeline computes them
   * ({@code get_dataset.py}): each clip divided by its largest sample, the background-noise clip
   * mixed in at a volume drawn from [0, 0.1) for 80 % of the samples (its training augmentation),
   * clipped to [-1, 1]. The unnormalised clips of {@link #speechFeatures} lie outside what the
   * model was trained on: it never answers "silence" for them.
   */
  private static List<float[]> pipelineSpeechFeatures(long seed, int n) {
    float[][] clips = microSpeechClips();
    float[] background = clips[3];
    SpectralFeatures mfcc = mlperfMfcc();
    Random r = new Random(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] clip = clips[i % 4];
      float peak = Float.NEGATIVE_INFINITY;
      for (float v : clip) {
        peak = Math.max(peak, v);
      }
      double volume = r.nextDouble() < 0.8 ? 0.1 * r.nextDouble() : 0;
      float[] x = new float[16000];
      for (int t = 0; t < x.length; t++) {
        double v = clip[t] / peak + volume * background[t];
        x[t] = (float) Math.max(-1, Math.min(1, v));
      }
      out.add(flatMfcc(mfcc, x));
    }
    return out;
  }

  @Test
  void kwsAgreesOnTop1ForAtLeast99PercentOfClipsPreparedAsItsTrainingPipelineDoes()
      throws Exception {
    Model hybrid = read("tflite/kws_mlperf_tiny/kws_ref_model_float32.tflite");
    Model q = quantizeOn(hybrid, pipelineSpeechFeatures(1, 100));
    RepresentativeDataset heldOut =
        RepresentativeDataset.ofSingleInput(pipelineSpeechFeatures(2, 300));
    // Measured 100 % (held-out seeds 2-4); TensorFlow's own int8 file, calibrated on Speech
    // Commands, agrees on 99.0 % of these samples.
    report(
        "kws top-1 agreement",
        String.format(Locale.ROOT, "%.4f", QuantAssertions.top1Agreement(hybrid, q, heldOut)));
    report(
        "kws worst tensors by SQNR",
        QuantizationDebugger.compare(
                hybrid, q, RepresentativeDataset.ofSingleInput(pipelineSpeechFeatures(2, 50)))
            .toString());
    QuantAssertions.assertTop1Agreement(hybrid, q, heldOut, 0.99);
  }

  @Test
  void hybridKwsModelBecomesAFullInt8ModelTflmAccepts() throws Exception {
    Model hybrid = read("tflite/kws_mlperf_tiny/kws_ref_model_float32.tflite");
    assertThat(named(hybrid, "functional_1/conv2d/Conv2D").type()).isEqualTo(TensorType.INT8);
    Model q = quantizeOn(hybrid, speechFeatures(1, 100));
    for (Tensor t : q.primarySubgraph().tensors()) {
      assertThat(t.type()).as(t.name()).isIn(TensorType.INT8, TensorType.INT32);
    }
    Tensor conv = named(q, "functional_1/conv2d/Conv2D");
    assertThat(conv.quantization().scale()).hasSize(64); // now per channel
    for (OperatorCode c : q.operatorCodes()) {
      if (c.builtinCode() == BuiltinOperator.CONV_2D) {
        assertThat(c.version()).isEqualTo(3); // not the hybrid version 2 TFLM refuses
      }
    }
    // Measured 98.3 % on 300 augmented clips (TensorFlow's own int8 file: 95.3 %). These clips are
    // not peak-normalised as in training and carry white noise, so the float model answers
    // "unknown" for silence and noise, and a quarter of the samples (the "no" clip, shifted by up
    // to 0.1 s) sit on its "no"/"go" boundary: all disagreements are there. Representative clips:
    // kwsAgreesOnTop1ForAtLeast99PercentOfClipsPreparedAsItsTrainingPipelineDoes.
    QuantAssertions.assertTop1Agreement(
        hybrid, q, RepresentativeDataset.ofSingleInput(speechFeatures(2, 300)), 0.98);
  }

  @Test
  void quantizingTheSameModelWithTheSameDataTwiceGivesByteIdenticalFiles() throws Exception {
    Model f = read("tflite/magic_wand/magic_wand.tflite");
    RepresentativeDataset data = RepresentativeDataset.ofSingleInput(gestures(1, 64));
    byte[] first = TfliteWriter.write(ModelQuantizer.quantize(f, data));
    byte[] second =
        TfliteWriter.write(
            ModelQuantizer.quantize(
                read("tflite/magic_wand/magic_wand.tflite"),
                data,
                QuantizationOptions.defaults().withBatching(5, 2)));
    assertThat(second).isEqualTo(first);
    // The written file reads back and runs.
    Model back = TfliteReader.read(first);
    assertThat(PreparedModel.prepare(back).outputs().get(0).type()).isEqualTo(TensorType.INT8);
  }
}
