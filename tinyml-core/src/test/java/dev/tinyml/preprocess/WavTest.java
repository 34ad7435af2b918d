package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.testing.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTest {

  /** Builds a WAV file from raw sample bytes. */
  private static byte[] wav(int format, int channels, int rate, int bits, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) format).putShort((short) channels);
    b.putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8));
    b.putShort((short) bits).put("data".getBytes()).putInt(data.length).put(data);
    return b.array();
  }

  @Test
  void readsTheMicroSpeechClipAsSixteenBitMono() {
    AudioClip clip = Wav.read(Fixtures.path("audio/micro_speech/yes_1000ms.wav"));

    assertThat(clip.sampleRate()).isEqualTo(16000);
    assertThat(clip.samples()).hasSize(16000);
    assertThat(clip.sourceBits()).isEqualTo(16);
    assertThat(clip.sourceChannels()).isEqualTo(1);
    assertThat(clip.durationSeconds()).isEqualTo(1.0);
  }

  @Test
  void sixteenBitSamplesRoundTripExactly() throws IOException {
    byte[] bytes = Files.readAllBytes(Fixtures.path("audio/micro_speech/no_1000ms.wav"));
    short[] raw = new short[16000];
    ByteBuffer.wrap(bytes, 44, 32000).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(raw);

    assertThat(Wav.read(bytes, "no").toPcm16()).isEqualTo(raw);
  }

  @Test
  void decodesEveryPcmWidthAndFloat() {
    byte[] u8 = {(byte) 0x80, (byte) 0xC0, 0x40};
    assertThat(Wav.read(wav(1, 1, 8000, 8, u8), "u8").samples()).containsExactly(0f, 0.5f, -0.5f);
    byte[] s24 = {0, 0, 0x40, 0, 0, (byte) 0xC0};
    assertThat(Wav.read(wav(1, 1, 8000, 24, s24), "s24").samples()).containsExactly(0.5f, -0.5f);
    byte[] s32 =
        ByteBuffer.allocate(8)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(1 << 30)
            .putInt(-(1 << 29))
            .array();
    assertThat(Wav.read(wav(1, 1, 8000, 32, s32), "s32").samples()).containsExactly(0.5f, -0.25f);
    byte[] f32 =
        ByteBuffer.allocate(8)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putFloat(0.125f)
            .putFloat(-1f)
            .array();
    AudioClip floats = Wav.read(wav(3, 1, 8000, 32, f32), "f32");
    assertThat(floats.samples()).containsExactly(0.125f, -1f);
    assertThat(floats.sourceFloat()).isTrue();
  }

  @Test
  void averagesChannelsToMono() {
    byte[] stereo =
        ByteBuffer.allocate(8)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putShort((short) 16384)
            .putShort((short) 0)
            .putShort((short) -16384)
            .putShort((short) -16384)
            .array();

    AudioClip clip = Wav.read(wav(1, 2, 44100, 16, stereo), "stereo");

    assertThat(clip.samples()).containsExactly(0.25f, -0.5f);
    assertThat(clip.sourceChannels()).isEqualTo(2);
  }

  @Test
  void truncatedDataChunkIsReportedWithOffsets() {
    byte[] full = wav(1, 1, 16000, 16, new byte[100]);
    byte[] cut = Arrays.copyOf(full, 100);

    assertThatThrownBy(() -> Wav.read(cut, "cut.wav"))
        .isInstanceOf(PreprocessException.class)
        .hasMessageContaining("cut.wav is truncated")
        .hasMessageContaining("declares 100 bytes but only 56 follow");
  }

  @Test
  void halfAFrameIsReportedAsTruncated() {
    assertThatThrownBy(() -> Wav.read(wav(1, 2, 16000, 16, new byte[6]), "odd.wav"))
        .hasMessageContaining("not a whole number of 4-byte frames");
  }

  @Test
  void unsupportedEncodingsAreNamed() {
    assertThatThrownBy(() -> Wav.read(wav(2, 1, 16000, 4, new byte[4]), "adpcm.wav"))
        .hasMessageContaining("format tag 2");
    assertThatThrownBy(() -> Wav.read(wav(1, 1, 16000, 12, new byte[4]), "twelve.wav"))
        .hasMessageContaining("12-bit PCM");
    assertThatThrownBy(() -> Wav.read("not a wav file".getBytes(), "text.txt"))
        .hasMessageContaining("text.txt is not a WAV file");
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.wav");

    assertThatThrownBy(() -> Wav.read(missing))
        .isInstanceOf(PreprocessException.class)
        .hasMessageContaining("nope.wav does not exist");
  }

  @Test
  void writesPcm16ThatReadsBack(@TempDir Path dir) throws IOException {
    short[] pcm = {0, 1, -1, 32767, -32768, 1234};
    Path out = dir.resolve("out.wav");

    Wav.writePcm16(out, AudioClip.ofPcm16(pcm, 22050));

    AudioClip back = Wav.read(out);
    assertThat(back.toPcm16()).isEqualTo(pcm);
    assertThat(back.sampleRate()).isEqualTo(22050);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }
}
