package dev.tinyml.codegen.c;

import com.google.flatbuffers.FlexBuffersBuilder;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each signal-library op alone, compiled by the c backend and run on three seeded random inputs in
 * a row (full-range values, so saturation, wrapping and the ops' state are exercised), gives the
 * interpreter's outputs byte for byte.
 */
class CBackendSignalOpTest {
  @TempDir java.nio.file.Path dir;

  /** FlexBuffers options from alternating keys and values (Integer or Boolean). */
  private static byte[] options(Object... keyValues) {
    FlexBuffersBuilder b = new FlexBuffersBuilder();
    int start = b.startMap();
    for (int i = 0; i < keyValues.length; i += 2) {
      String key = (String) keyValues[i];
      if (keyValues[i + 1] instanceof Boolean flag) {
        b.putBoolean(key, flag);
      } else {
        b.putInt(key, (Integer) keyValues[i + 1]);
      }
    }
    b.endMap(null, start);
    ByteBuffer bb = b.finish();
    byte[] bytes = new byte[bb.remaining()];
    bb.get(bytes);
    return bytes;
  }

  private static int[] int16Values(long seed, int n) {
    Random r = new Random(seed);
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = (short) r.nextInt();
    }
    return v;
  }

  @Test
  void windowSaturatesAsTheInterpreter() throws Exception {
    SingleOpModels s = new SingleOpModels();
    int in = s.tensor("in", TensorType.INT16, 0, 0, 2, 8);
    int w = s.int16(new int[] {8}, int16Values(1, 8));
    int out = s.tensor("out", TensorType.INT16, 0, 0, 2, 8);
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        s.custom("SignalWindow", options("shift", 12), new int[] {in}, new int[] {in, w}, out));
  }

  @Test
  void fftAutoScaleGivesTheInterpretersShiftAndSamples() throws Exception {
    SingleOpModels s = new SingleOpModels();
    int in = s.tensor("in", TensorType.INT16, 0, 0, 16);
    int out = s.tensor("out", TensorType.INT16, 0, 0, 16);
    int bits = s.tensor("bits", TensorType.INT32, 0, 0);
    SingleOpModels.assertHostEqualsInterpreter(
        dir, s.custom("SignalFftAutoScale", options(), new int[] {in}, new int[] {in}, out, bits));
  }

  @ParameterizedTest(name = "fft_length {0}")
  @ValueSource(ints = {16, 32})
  void rfftOfZeroPaddedFramesEqualsTheInterpreter(int fftLength) throws Exception {
    SingleOpModels s = new SingleOpModels();
    int in = s.tensor("in", TensorType.INT16, 0, 0, 2, 12);
    int out = s.tensor("out", TensorType.INT16, 0, 0, 2, fftLength + 2);
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        s.custom(
            "SignalRfft", options("fft_length", fftLength), new int[] {in}, new int[] {in}, out));
  }

  @Test
  void energyOfABinRangeEqualsTheInterpreter() throws Exception {
    SingleOpModels s = new SingleOpModels();
    int in = s.tensor("in", TensorType.INT16, 0, 0, 18);
    int out = s.tensor("out", TensorType.UINT32, 0, 0, 9);
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        s.custom(
            "SignalEnergy",
            options("end_index", 7, "start_index", 2),
            new int[] {in},
            new int[] {in},
            out));
  }

  @Test
  void filterBankWithSignedWeightsWrapsAsTheInterpreter() throws Exception {
    SingleOpModels s = new SingleOpModels();
    int in = s.tensor("in", TensorType.UINT32, 0, 0, 8);
    int weights = s.int16(new int[] {8}, 4096, -300, 1000, 2000, 3000, 32767, -32768, 5);
    int unweights = s.int16(new int[] {8}, 0, 4396, 3096, 2096, 1096, -32768, 32767, 4091);
    int starts = s.int16(new int[] {3}, 0, 2, 5);
    int weightStarts = s.int16(new int[] {3}, 0, 2, 5);
    int widths = s.int16(new int[] {3}, 2, 3, 3);
    int out = s.tensor("out", TensorType.UINT64, 0, 0, 2);
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        s.custom(
            "SignalFilterBank",
            options("num_channels", 2),
            new int[] {in},
            new int[] {in, weights, unweights, starts, weightStarts, widths},
            out));
  }

  @Test
  void squareRootShiftedByTheScaleBitsEqualsTheInterpreter() throws Exception {
    SingleOpModels s = new SingleOpModels();
    int in = s.tensor("in", TensorType.UINT64, 0, 0, 6);
    int bits = s.tensor("bits", TensorType.INT32, 0, 0);
    int out = s.tensor("out", TensorType.UINT32, 0, 0, 6);
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        s.custom(
            "SignalFilterBankSquareRoot",
            options(),
            new int[] {in, bits},
            new int[] {in, bits},
            out));
  }

  @ParameterizedTest(name = "clamping {0}")
  @ValueSource(booleans = {false, true})
  void spectralSubtractionKeepsItsNoiseEstimateAcrossInvokes(boolean clamping) throws Exception {
    SingleOpModels s = new SingleOpModels();
    int in = s.tensor("in", TensorType.UINT32, 0, 0, 5);
    int out = s.tensor("out", TensorType.UINT32, 0, 0, 5);
    int noise = s.tensor("noise", TensorType.UINT32, 0, 0, 5);
    byte[] options =
        options(
            "alternate_one_minus_smoothing", 15401,
            "alternate_smoothing", 983,
            "clamping", clamping,
            "min_signal_remaining", 819,
            "num_channels", 5,
            "one_minus_smoothing", 15974,
            "smoothing", 410,
            "smoothing_bits", 10,
            "spectral_subtraction_bits", 14);
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        s.custom(
            "SignalFilterBankSpectralSubtraction",
            options,
            new int[] {in},
            new int[] {in},
            out,
            noise));
  }

  @Test
  void pcanWithARandomGainTableEqualsTheInterpreter() throws Exception {
    SingleOpModels s = new SingleOpModels();
    int in = s.tensor("in", TensorType.UINT32, 0, 0, 6);
    int noise = s.tensor("noise", TensorType.UINT32, 0, 0, 6);
    int lut = s.int16(new int[] {125}, int16Values(3, 125));
    int out = s.tensor("out", TensorType.UINT32, 0, 0, 6);
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        s.custom(
            "SignalPCAN",
            options("snr_shift", 6),
            new int[] {in, noise},
            new int[] {in, noise, lut},
            out));
  }

  @Test
  void filterBankLogSaturatesAsTheInterpreter() throws Exception {
    SingleOpModels s = new SingleOpModels();
    int in = s.tensor("in", TensorType.UINT32, 0, 0, 8);
    int out = s.tensor("out", TensorType.INT16, 0, 0, 8);
    SingleOpModels.assertHostEqualsInterpreter(
        dir,
        s.custom(
            "SignalFilterBankLog",
            options("input_correction_bits", 3, "output_scale", 1600),
            new int[] {in},
            new int[] {in},
            out));
  }
}
