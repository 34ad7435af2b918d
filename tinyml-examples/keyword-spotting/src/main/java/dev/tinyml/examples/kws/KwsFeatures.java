package dev.tinyml.examples.kws;

import dev.tinyml.preprocess.MicroFrontend;
import dev.tinyml.preprocess.MicroFrontendConfig;

/**
 * The model input of one clip: TensorFlow Lite Micro's audio frontend with micro_speech's settings
 * (30 ms windows every 20 ms, 40 mel channels from 125 to 7500 Hz, noise reduction, PCAN, log),
 * giving {@value #FRAMES} frames of {@value #CHANNELS} values for one second at 16 kHz.
 *
 * <p>The float model sees each frontend value divided by {@value #INPUT_DIVISOR}, the scaling the
 * micro_speech model was trained with, so values lie in about [0, 26] and the int8 input that the
 * firmware computes with {@link MicroFrontend#toMicroSpeechInt8(int)} means the same thing.
 */
final class KwsFeatures {

  /** Sample rate of every clip. */
  static final int SAMPLE_RATE = 16000;

  /** Frames per one-second clip. */
  static final int FRAMES = 49;

  /** Mel channels per frame. */
  static final int CHANNELS = 40;

  /** Frontend value per unit of model input. */
  static final float INPUT_DIVISOR = 25.6f;

  private KwsFeatures() {}

  /** The {@code FRAMES * CHANNELS} model inputs of a one-second clip, frame by frame. */
  static float[] of(short[] pcm) {
    if (pcm.length != SAMPLE_RATE) {
      throw new IllegalArgumentException(
          "a keyword clip must be 1 s (" + SAMPLE_RATE + " samples), got " + pcm.length);
    }
    int[][] frames = MicroFrontend.compute(MicroFrontendConfig.microSpeech(), SAMPLE_RATE, pcm);
    float[] features = new float[FRAMES * CHANNELS];
    for (int f = 0; f < FRAMES; f++) {
      for (int c = 0; c < CHANNELS; c++) {
        features[f * CHANNELS + c] = frames[f][c] / INPUT_DIVISOR;
      }
    }
    return features;
  }
}
