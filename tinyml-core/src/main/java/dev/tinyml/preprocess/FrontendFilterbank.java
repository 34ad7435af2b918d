package dev.tinyml.preprocess;

/**
 * The micro frontend's mel filterbank ({@code filterbank.c}, {@code filterbank_util.c}): triangular
 * channels on the {@code 1127 ln(1 + f/700)} mel scale with 12-bit weights and "unweights" (one
 * minus the weight, which feeds the next channel), accumulated in 64 bits and reduced by an integer
 * square root. TFLM pads each channel's weights with zeros for aligned loads; zero weights add
 * nothing, so the padding is left out here.
 */
final class FrontendFilterbank {
  static final int FILTERBANK_BITS = 12;

  private final int numChannels;
  private final int startIndex;
  private final int endIndex;
  private final int[] channelStarts;
  private final short[][] weights;
  private final short[][] unweights;
  private final long[] work;

  FrontendFilterbank(MicroFrontendConfig config, int sampleRate, int spectrumSize) {
    numChannels = config.numChannels();
    int channelsPlus1 = numChannels + 1;
    float[] centerMel =
        centerFrequencies(channelsPlus1, config.lowerBandLimit(), config.upperBandLimit());
    float hzPerBin = 0.5f * sampleRate / ((float) spectrumSize - 1);
    startIndex = (int) (1.5f + config.lowerBandLimit() / hzPerBin);
    channelStarts = new int[channelsPlus1];
    int[] widths = new int[channelsPlus1];
    int start = startIndex;
    for (int chan = 0; chan < channelsPlus1; chan++) {
      int freqIndex = start;
      while (freqToMel(freqIndex * hzPerBin) <= centerMel[chan]) {
        freqIndex++;
      }
      channelStarts[chan] = start;
      widths[chan] = freqIndex - start;
      start = freqIndex;
    }
    float melLow = freqToMel(config.lowerBandLimit());
    weights = new short[channelsPlus1][];
    unweights = new short[channelsPlus1][];
    int end = 0;
    for (int chan = 0; chan < channelsPlus1; chan++) {
      weights[chan] = new short[widths[chan]];
      unweights[chan] = new short[widths[chan]];
      float denom = chan == 0 ? melLow : centerMel[chan - 1];
      int frequency = channelStarts[chan];
      for (int j = 0; j < widths[chan]; j++, frequency++) {
        float weight =
            (centerMel[chan] - freqToMel(frequency * hzPerBin)) / (centerMel[chan] - denom);
        weights[chan][j] = (short) Math.floor(weight * (1 << FILTERBANK_BITS) + 0.5f);
        unweights[chan][j] = (short) Math.floor((1.0f - weight) * (1 << FILTERBANK_BITS) + 0.5f);
      }
      end = Math.max(end, frequency);
    }
    endIndex = end;
    if (endIndex >= spectrumSize) {
      throw new PreprocessException(
          "Micro frontend filterbank reaches FFT bin "
              + endIndex
              + " but the spectrum has only "
              + spectrumSize
              + " bins: lower the upper band limit ("
              + config.upperBandLimit()
              + " Hz) below half the sample rate ("
              + sampleRate
              + " Hz)");
    }
    work = new long[channelsPlus1];
  }

  /**
   * TFLM's {@code FreqToMel}, in single precision with the C library's {@code log1pf} (not the
   * correctly rounded one: see {@link SinglePrecisionLog1p}).
   */
  static float freqToMel(float freq) {
    return 1127.0f * SinglePrecisionLog1p.log1p(freq / 700.0f);
  }

  private static float[] centerFrequencies(int count, float lower, float upper) {
    float melLow = freqToMel(lower);
    float melHi = freqToMel(upper);
    float spacing = (melHi - melLow) / ((float) count);
    float[] centers = new float[count];
    for (int i = 0; i < count; i++) {
      centers[i] = melLow + (spacing * (i + 1));
    }
    return centers;
  }

  int[] channelStarts() {
    return channelStarts.clone();
  }

  short[][] weights() {
    return deepCopy(weights);
  }

  short[][] unweights() {
    return deepCopy(unweights);
  }

  private static short[][] deepCopy(short[][] rows) {
    short[][] copy = new short[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return copy;
  }

  int startIndex() {
    return startIndex;
  }

  int endIndex() {
    return endIndex;
  }

  /**
   * Computes the channels' square-rooted energies and writes them, shifted down, to {@code out}.
   *
   * @param re real parts of the FFT bins
   * @param im imaginary parts of the FFT bins
   * @param energy scratch of at least {@link #endIndex()} ints
   * @param scaleDownShift the FFT input's scale-up shift, undone here
   * @param out {@code numChannels} unsigned 32-bit values (held in longs)
   */
  void apply(short[] re, short[] im, int[] energy, int scaleDownShift, long[] out) {
    for (int i = startIndex; i < endIndex; i++) {
      int r = re[i];
      int q = im[i];
      energy[i] = r * r + q * q;
    }
    long weightAcc = 0;
    long unweightAcc = 0;
    for (int chan = 0; chan <= numChannels; chan++) {
      short[] w = weights[chan];
      short[] u = unweights[chan];
      int base = channelStarts[chan];
      for (int j = 0; j < w.length; j++) {
        long magnitude = energy[base + j]; // int32 sign-extended, as the C cast to uint64 does
        weightAcc += w[j] * magnitude;
        unweightAcc += u[j] * magnitude;
      }
      work[chan] = weightAcc;
      weightAcc = unweightAcc;
      unweightAcc = 0;
    }
    for (int i = 0; i < numChannels; i++) {
      out[i] = (FrontendIntegerMath.sqrt64(work[i + 1]) >>> scaleDownShift) & 0xFFFFFFFFL;
    }
  }
}
