package dev.tinyml.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes {@link SpectralFeatures} from a signal fed in chunks of any size. It yields exactly the
 * frames {@link SpectralFeatures#compute} yields for the concatenated signal, holding at most one
 * frame of samples.
 */
public final class SpectralStream {
  private final SpectralFeatures features;
  private final int length;
  private final int step;
  private final float[] buffer;
  private final float[] scratch;
  private int filled;
  private long toSkip;

  SpectralStream(SpectralFeatures features) {
    this.features = features;
    this.length = features.config().frameLength();
    this.step = features.config().frameStep();
    this.buffer = new float[length];
    this.scratch = new float[length];
  }

  /**
   * Feeds 16-bit PCM (each sample divided by 32768, as {@link AudioClip#ofPcm16} does) and returns
   * the frames it completes. The chunk is converted a frame's worth at a time, so memory stays
   * bounded whatever the chunk size.
   *
   * @param pcm samples at the configured rate
   * @param offset first sample to read
   * @param count number of samples to read
   * @return the completed frames, oldest first (possibly none)
   */
  public List<float[]> accept(short[] pcm, int offset, int count) {
    Objects.checkFromIndexSize(offset, count, pcm.length);
    List<float[]> frames = new ArrayList<>();
    int end = offset + count;
    while (offset < end) {
      int n = Math.min(scratch.length, end - offset);
      for (int i = 0; i < n; i++) {
        scratch[i] = pcm[offset + i] / 32768f;
      }
      frames.addAll(accept(scratch, 0, n));
      offset += n;
    }
    return frames;
  }

  /**
   * Feeds samples and returns the frames they complete.
   *
   * @param chunk samples at the configured rate
   * @param offset first sample to read
   * @param count number of samples to read
   * @return the completed frames, oldest first (possibly none)
   */
  public List<float[]> accept(float[] chunk, int offset, int count) {
    Objects.checkFromIndexSize(offset, count, chunk.length);
    List<float[]> frames = new ArrayList<>();
    int end = offset + count;
    while (offset < end) {
      if (toSkip > 0) {
        int skip = (int) Math.min(toSkip, end - offset);
        toSkip -= skip;
        offset += skip;
        continue;
      }
      int copy = Math.min(length - filled, end - offset);
      System.arraycopy(chunk, offset, buffer, filled, copy);
      filled += copy;
      offset += copy;
      if (filled == length) {
        float[] frame = new float[features.featureCount()];
        features.frame(buffer, 0, frame);
        frames.add(frame);
        if (step < length) {
          System.arraycopy(buffer, step, buffer, 0, length - step);
          filled = length - step;
        } else {
          filled = 0;
          toSkip = step - length;
        }
      }
    }
    return frames;
  }

  /** Forgets buffered samples, so that the next chunk starts a new signal. */
  public void reset() {
    filled = 0;
    toSkip = 0;
  }
}
