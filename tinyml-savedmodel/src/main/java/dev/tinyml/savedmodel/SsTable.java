package dev.tinyml.savedmodel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a whole LevelDB-style sorted table (the format of {@code variables.index}): footer with the
 * index-block handle and magic number, index block, data blocks with prefix-compressed keys,
 * restart points and a trailer (compression type, masked CRC32C) that is verified.
 */
final class SsTable {
  static final long MAGIC = 0xdb4775248b80fb57L;
  private static final int FOOTER_LENGTH = 48;
  private static final int TRAILER_LENGTH = 5;

  private final Path file;
  private final byte[] bytes;

  private SsTable(Path file, byte[] bytes) {
    this.file = file;
    this.bytes = bytes;
  }

  /**
   * @param file the table file, for messages
   * @param bytes its contents
   * @return every key and value in key order
   */
  static Map<String, byte[]> read(Path file, byte[] bytes) throws SavedModelException {
    return new SsTable(file, bytes).entries();
  }

  private Map<String, byte[]> entries() throws SavedModelException {
    if (bytes.length < FOOTER_LENGTH) {
      throw error(0, "is " + bytes.length + " bytes long, shorter than a table footer (48 bytes)");
    }
    int footer = bytes.length - FOOTER_LENGTH;
    long magic = readLong(footer + 40);
    if (magic != MAGIC) {
      throw error(
          footer + 40, "does not end with the table magic number (truncated or not a table)");
    }
    int[] pos = {footer};
    long[] metaindex = handle(pos, footer + 40);
    long[] index = handle(pos, footer + 40);
    if (metaindex[0] < 0) {
      throw error(footer, "has a malformed metaindex block handle");
    }
    Map<String, byte[]> result = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : block(index, "index").entrySet()) {
      byte[] v = e.getValue();
      int[] p = {0};
      long[] dataHandle;
      try {
        dataHandle =
            new long[] {Snappy.readVarint(v, p, v.length), Snappy.readVarint(v, p, v.length)};
      } catch (IllegalArgumentException ex) {
        throw error((int) index[0], "has a malformed block handle in its index block");
      }
      result.putAll(block(dataHandle, "data"));
    }
    return result;
  }

  private long[] handle(int[] pos, int end) throws SavedModelException {
    try {
      return new long[] {Snappy.readVarint(bytes, pos, end), Snappy.readVarint(bytes, pos, end)};
    } catch (IllegalArgumentException e) {
      throw error(pos[0], "has a malformed block handle in its footer");
    }
  }

  private Map<String, byte[]> block(long[] handle, String what) throws SavedModelException {
    long offset = handle[0];
    long size = handle[1];
    if (offset < 0 || size < 0 || offset + size + TRAILER_LENGTH > bytes.length - FOOTER_LENGTH) {
      throw error(
          (int) Math.min(offset, Integer.MAX_VALUE),
          "has a " + what + " block (offset " + offset + ", size " + size + ") past the file end");
    }
    int start = (int) offset;
    int length = (int) size;
    int type = bytes[start + length] & 0xff;
    int stored = (int) readUint32(start + length + 1);
    int actual = Crc32c.mask(Crc32c.compute(bytes, start, length + 1));
    if (stored != actual) {
      throw error(start, "has a " + what + " block whose CRC32C does not match (corrupted file)");
    }
    byte[] content;
    int cStart;
    int cLength;
    if (type == 0) {
      content = bytes;
      cStart = start;
      cLength = length;
    } else if (type == 1) {
      try {
        content = Snappy.uncompress(bytes, start, length);
      } catch (IllegalArgumentException e) {
        throw error(
            start,
            "has a snappy-compressed " + what + " block that is malformed: " + e.getMessage());
      }
      cStart = 0;
      cLength = content.length;
    } else {
      throw error(start, "has a " + what + " block with unknown compression type " + type);
    }
    return parseBlock(content, cStart, cLength, what);
  }

  private Map<String, byte[]> parseBlock(byte[] b, int start, int length, String what)
      throws SavedModelException {
    if (length < 4) {
      throw error(start, "has a " + what + " block too short for its restart count");
    }
    int end = start + length;
    int numRestarts = (int) readUint32(b, end - 4);
    long restartsBytes = 4L * numRestarts + 4;
    if (numRestarts < 0 || restartsBytes > length) {
      throw error(start, "has a " + what + " block with a bad restart count " + numRestarts);
    }
    int limit = (int) (end - restartsBytes);
    Map<String, byte[]> out = new LinkedHashMap<>();
    byte[] key = new byte[0];
    int[] p = {start};
    try {
      while (p[0] < limit) {
        int shared = (int) Snappy.readVarint(b, p, limit);
        int nonShared = (int) Snappy.readVarint(b, p, limit);
        int valueLength = (int) Snappy.readVarint(b, p, limit);
        if (shared > key.length
            || nonShared < 0
            || valueLength < 0
            || (long) p[0] + nonShared + valueLength > limit) {
          throw error(p[0], "has a malformed entry in a " + what + " block");
        }
        byte[] next = new byte[shared + nonShared];
        System.arraycopy(key, 0, next, 0, shared);
        System.arraycopy(b, p[0], next, shared, nonShared);
        p[0] += nonShared;
        byte[] value = new byte[valueLength];
        System.arraycopy(b, p[0], value, 0, valueLength);
        p[0] += valueLength;
        key = next;
        out.put(new String(key, StandardCharsets.UTF_8), value);
      }
    } catch (IllegalArgumentException e) {
      throw error(p[0], "has a malformed entry in a " + what + " block: " + e.getMessage());
    }
    return out;
  }

  private long readUint32(int at) {
    return readUint32(bytes, at);
  }

  private static long readUint32(byte[] b, int at) {
    return (b[at] & 0xffL)
        | (b[at + 1] & 0xffL) << 8
        | (b[at + 2] & 0xffL) << 16
        | (b[at + 3] & 0xffL) << 24;
  }

  private long readLong(int at) {
    return readUint32(at) | readUint32(at + 4) << 32;
  }

  private SavedModelException error(int offset, String what) {
    return new SavedModelException(
        file
            + " (offset "
            + offset
            + ") "
            + what
            + ". Re-export the SavedModel (model.save / tf.saved_model.save) or copy the file again.");
  }
}
