package dev.tinyml.preprocess;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes RIFF WAVE files: integer PCM of 8 (unsigned), 16, 24 and 32 bits and IEEE float
 * of 32 and 64 bits, plain or {@code WAVE_FORMAT_EXTENSIBLE}, any number of channels (averaged to
 * mono) and any sample rate.
 */
public final class Wav {
  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_FLOAT = 3;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;

  private Wav() {}

  /**
   * Reads a WAV file.
   *
   * @param file the file
   * @return its samples downmixed to mono
   * @throws PreprocessException if the file is missing, truncated or in an unsupported encoding
   */
  public static AudioClip read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PreprocessException("WAV file " + file + " does not exist");
    } catch (IOException e) {
      throw new PreprocessException("Cannot read WAV file " + file + ": " + e.getMessage(), e);
    }
    return read(bytes, file.toString());
  }

  /**
   * Parses WAV bytes.
   *
   * @param bytes the whole file
   * @param name the file name used in error messages
   * @return its samples downmixed to mono
   * @throws PreprocessException if the bytes are truncated or in an unsupported encoding
   */
  public static AudioClip read(byte[] bytes, String name) {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || buf.getInt(0) != fourcc("RIFF") || buf.getInt(8) != fourcc("WAVE")) {
      throw new PreprocessException(
          name + " is not a WAV file (no RIFF/WAVE header in its first 12 bytes)");
    }
    int pos = 12;
    int format = -1;
    int channels = 0;
    int rate = 0;
    int blockAlign = 0;
    int bits = 0;
    int dataOffset = -1;
    int dataLength = 0;
    while (pos + 8 <= bytes.length) {
      int id = buf.getInt(pos);
      long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
      int body = pos + 8;
      if (id == fourcc("fmt ")) {
        if (size < 16 || body + size > bytes.length) {
          throw new PreprocessException(
              name + " is truncated: its fmt chunk at offset " + pos + " is incomplete");
        }
        format = buf.getShort(body) & 0xFFFF;
        channels = buf.getShort(body + 2) & 0xFFFF;
        rate = buf.getInt(body + 4);
        blockAlign = buf.getShort(body + 12) & 0xFFFF;
        bits = buf.getShort(body + 14) & 0xFFFF;
        if (format == FORMAT_EXTENSIBLE) {
          if (size < 40) {
            throw new PreprocessException(
                name + ": WAVE_FORMAT_EXTENSIBLE fmt chunk is " + size + " bytes, expected 40");
          }
          format = buf.getShort(body + 24) & 0xFFFF; // first two bytes of the subformat GUID
        }
      } else if (id == fourcc("data")) {
        if (body + size > bytes.length) {
          throw new PreprocessException(
              name
                  + " is truncated: its data chunk at offset "
                  + pos
                  + " declares "
                  + size
                  + " bytes but only "
                  + (bytes.length - body)
                  + " follow");
        }
        dataOffset = body;
        dataLength = (int) size;
      }
      pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
    }
    if (format < 0) {
      throw new PreprocessException(name + " has no fmt chunk");
    }
    if (dataOffset < 0) {
      throw new PreprocessException(name + " has no data chunk (is the file truncated?)");
    }
    boolean isFloat = format == FORMAT_FLOAT;
    if (format != FORMAT_PCM && !isFloat) {
      throw new PreprocessException(
          name
              + " uses WAV format tag "
              + format
              + "; only PCM (1) and IEEE float (3) are supported: convert it, e.g. with "
              + "`ffmpeg -i IN -c:a pcm_s16le OUT.wav`");
    }
    boolean supported =
        isFloat ? bits == 32 || bits == 64 : bits == 8 || bits == 16 || bits == 24 || bits == 32;
    if (!supported) {
      throw new PreprocessException(
          name
              + " has "
              + bits
              + "-bit "
              + (isFloat ? "float" : "PCM")
              + " samples; supported are PCM 8/16/24/32-bit and float 32/64-bit");
    }
    if (channels <= 0 || rate <= 0) {
      throw new PreprocessException(
          name + " declares " + channels + " channels at " + rate + " Hz");
    }
    int bytesPerSample = bits / 8;
    if (blockAlign != channels * bytesPerSample) {
      throw new PreprocessException(
          name
              + " declares a block align of "
              + blockAlign
              + " bytes, expected "
              + channels * bytesPerSample
              + " for "
              + channels
              + " channels of "
              + bits
              + " bits");
    }
    if (dataLength % blockAlign != 0) {
      throw new PreprocessException(
          name
              + " is truncated: its data chunk holds "
              + dataLength
              + " bytes, not a whole number of "
              + blockAlign
              + "-byte frames");
    }
    int frames = dataLength / blockAlign;
    float[] mono = new float[frames];
    int p = dataOffset;
    for (int f = 0; f < frames; f++) {
      double sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += sample(buf, p, bits, isFloat);
        p += bytesPerSample;
      }
      mono[f] = (float) (sum / channels);
    }
    return new AudioClip(mono, rate, channels, bits, isFloat);
  }

  private static double sample(ByteBuffer buf, int p, int bits, boolean isFloat) {
    if (isFloat) {
      return bits == 32 ? buf.getFloat(p) : buf.getDouble(p);
    }
    switch (bits) {
      case 8:
        return ((buf.get(p) & 0xFF) - 128) / 128.0;
      case 16:
        return buf.getShort(p) / 32768.0;
      case 24:
        int v = (buf.get(p) & 0xFF) | (buf.get(p + 1) & 0xFF) << 8 | buf.get(p + 2) << 16;
        return v / 8388608.0;
      default:
        return buf.getInt(p) / 2147483648.0;
    }
  }

  /**
   * Writes a clip as 16-bit PCM mono, through a temporary file so that a failure leaves no
   * half-written output.
   *
   * @param file the output file
   * @param clip the clip; samples are rounded to 16 bits
   * @throws IOException if writing fails
   */
  public static void writePcm16(Path file, AudioClip clip) throws IOException {
    short[] pcm = clip.toPcm16();
    ByteBuffer buf = ByteBuffer.allocate(44 + 2 * pcm.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(fourcc("RIFF")).putInt(36 + 2 * pcm.length).putInt(fourcc("WAVE"));
    buf.putInt(fourcc("fmt ")).putInt(16).putShort((short) FORMAT_PCM).putShort((short) 1);
    buf.putInt(clip.sampleRate()).putInt(clip.sampleRate() * 2).putShort((short) 2);
    buf.putShort((short) 16).putInt(fourcc("data")).putInt(2 * pcm.length);
    for (short s : pcm) {
      buf.putShort(s);
    }
    OutputFiles.write(file, buf.array());
  }

  private static int fourcc(String s) {
    return (s.charAt(0)) | (s.charAt(1) << 8) | (s.charAt(2) << 16) | (s.charAt(3) << 24);
  }
}
