package dev.tinyml.savedmodel;

/**
 * Decompresses one raw Snappy block (the format LevelDB-style tables use for compressed blocks): a
 * varint uncompressed length, then literals and back-references.
 */
final class Snappy {
  private Snappy() {}

  /**
   * @param in compressed bytes
   * @param offset first compressed byte
   * @param length number of compressed bytes
   * @return the uncompressed bytes
   * @throws IllegalArgumentException when the block is malformed (the caller names the file)
   */
  static byte[] uncompress(byte[] in, int offset, int length) {
    int end = offset + length;
    int[] pos = {offset};
    long expected = readVarint(in, pos, end);
    if (expected > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("snappy length " + expected + " is too large");
    }
    byte[] out = new byte[(int) expected];
    int o = 0;
    int p = pos[0];
    while (p < end) {
      int tag = in[p++] & 0xff;
      int kind = tag & 3;
      if (kind == 0) {
        int len = tag >>> 2;
        if (len >= 60) {
          int bytes = len - 59;
          if (p + bytes > end) {
            throw new IllegalArgumentException("snappy literal length runs past the block");
          }
          len = 0;
          for (int i = 0; i < bytes; i++) {
            len |= (in[p++] & 0xff) << (8 * i);
          }
        }
        len += 1;
        if (len <= 0 || p + len > end || o + len > out.length) {
          throw new IllegalArgumentException(
              "snappy literal of " + len + " bytes runs past the block");
        }
        System.arraycopy(in, p, out, o, len);
        p += len;
        o += len;
      } else {
        int len;
        int dist;
        if (kind == 1) {
          if (p + 1 > end) {
            throw new IllegalArgumentException("snappy copy runs past the block");
          }
          len = 4 + ((tag >>> 2) & 7);
          dist = ((tag >>> 5) << 8) | (in[p++] & 0xff);
        } else if (kind == 2) {
          if (p + 2 > end) {
            throw new IllegalArgumentException("snappy copy runs past the block");
          }
          len = (tag >>> 2) + 1;
          dist = (in[p] & 0xff) | (in[p + 1] & 0xff) << 8;
          p += 2;
        } else {
          if (p + 4 > end) {
            throw new IllegalArgumentException("snappy copy runs past the block");
          }
          len = (tag >>> 2) + 1;
          dist =
              (in[p] & 0xff)
                  | (in[p + 1] & 0xff) << 8
                  | (in[p + 2] & 0xff) << 16
                  | (in[p + 3] & 0xff) << 24;
          p += 4;
        }
        if (dist <= 0 || dist > o || o + len > out.length) {
          throw new IllegalArgumentException(
              "snappy back-reference (offset " + dist + ", length " + len + ") is out of range");
        }
        // Byte by byte: the source may overlap the bytes being written (run-length copies).
        for (int i = 0; i < len; i++) {
          out[o] = out[o - dist];
          o++;
        }
      }
    }
    if (o != out.length) {
      throw new IllegalArgumentException(
          "snappy block decodes to " + o + " bytes, its header says " + out.length);
    }
    return out;
  }

  static long readVarint(byte[] in, int[] pos, int end) {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos[0] >= end) {
        throw new IllegalArgumentException("varint runs past the end of the data");
      }
      int b = in[pos[0]++] & 0xff;
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("varint is longer than 10 bytes");
  }
}
