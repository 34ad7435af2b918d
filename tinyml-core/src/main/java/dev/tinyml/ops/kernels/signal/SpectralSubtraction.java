package dev.tinyml.ops.kernels.signal;

/**
 * {@code SignalFilterBankSpectralSubtraction}: keeps a smoothed per-channel noise estimate (state
 * kept across invokes) and subtracts it, leaving at least a fraction of the signal. Even channels
 * use one smoothing coefficient, odd channels the alternate one.
 *
 * @param channels number of channels
 * @param smoothing Q({@code spectralSubtractionBits}) weight of the new signal, even channels
 * @param oneMinusSmoothing weight of the old estimate, even channels
 * @param alternateSmoothing weight of the new signal, odd channels
 * @param alternateOneMinusSmoothing weight of the old estimate, odd channels
 * @param minSignalRemaining Q({@code spectralSubtractionBits}) fraction of the signal kept
 * @param smoothingBits extra precision bits of the estimate
 * @param spectralSubtractionBits fraction bits of the coefficients
 * @param clamping whether the estimate is clamped to the signal
 */
public record SpectralSubtraction(
    int channels,
    int smoothing,
    int oneMinusSmoothing,
    int alternateSmoothing,
    int alternateOneMinusSmoothing,
    int minSignalRemaining,
    int smoothingBits,
    int spectralSubtractionBits,
    boolean clamping) {

  /**
   * Runs one frame.
   *
   * @param in unsigned 32-bit channel values
   * @param out unsigned 32-bit noise-reduced values
   * @param noise the unsigned 32-bit noise estimate, updated in place (zero when fresh)
   */
  public void eval(int[] in, int[] out, int[] noise) {
    for (int i = 0; i < channels; i++) {
      long s = (i & 1) == 0 ? smoothing : alternateSmoothing;
      long oneMinus = (i & 1) == 0 ? oneMinusSmoothing : alternateOneMinusSmoothing;
      long input = Integer.toUnsignedLong(in[i]);
      long signalUp = (input << smoothingBits) & 0xFFFFFFFFL;
      long estimate =
          ((signalUp * s + Integer.toUnsignedLong(noise[i]) * oneMinus) >>> spectralSubtractionBits)
              & 0xFFFFFFFFL;
      noise[i] = (int) estimate;
      if (estimate > signalUp) {
        estimate = signalUp;
        if (clamping) {
          noise[i] = (int) estimate;
        }
      }
      long floor = ((input * minSignalRemaining) >>> spectralSubtractionBits) & 0xFFFFFFFFL;
      long subtracted = (signalUp - estimate) >>> smoothingBits;
      out[i] = (int) Math.max(subtracted, floor);
    }
  }
}
