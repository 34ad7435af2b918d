package dev.tinyml.ops;

import com.google.flatbuffers.FlexBuffers;
import java.nio.ByteBuffer;

/**
 * A custom op's FlexBuffers options map, read by key (TFLM reads the signal ops' options by the
 * index of the sorted key, which is the same as reading them by name); missing or ill-typed keys
 * fail naming the op.
 */
final class FlexOptions {
  private final OpContext c;
  private final FlexBuffers.Map map;

  private FlexOptions(OpContext c, FlexBuffers.Map map) {
    this.c = c;
    this.map = map;
  }

  /** The options of the context's op; fails when absent or not a FlexBuffers map. */
  static FlexOptions of(OpContext c) {
    byte[] bytes = c.customOptions();
    if (bytes == null || bytes.length == 0) {
      throw c.fail("has no custom options; the model file is incomplete, re-convert it");
    }
    try {
      FlexBuffers.Reference root = FlexBuffers.getRoot(ByteBuffer.wrap(bytes));
      if (!root.isMap()) {
        throw c.fail("custom options are not a FlexBuffers map; the model file is corrupt");
      }
      return new FlexOptions(c, root.asMap());
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw c.fail("custom options are not valid FlexBuffers (" + e + "); the model is corrupt", e);
    }
  }

  /** The 32-bit integer (or boolean, as 0/1) under {@code key}. */
  int intOption(String key) {
    FlexBuffers.Reference r = map.get(key);
    if (!r.isIntOrUInt() && !r.isBoolean()) {
      throw c.fail("custom options lack the integer '" + key + "'; re-convert the model");
    }
    long v = r.asLong();
    if (v != (int) v) {
      throw c.fail("custom option '" + key + "' = " + v + " does not fit in 32 bits");
    }
    return (int) v;
  }

  /** The boolean (or non-zero integer) under {@code key}. */
  boolean boolOption(String key) {
    FlexBuffers.Reference r = map.get(key);
    if (r.isBoolean()) {
      return r.asBoolean();
    }
    return intOption(key) != 0;
  }
}
