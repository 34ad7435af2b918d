package dev.tinyml.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link RawTable}s with a {@link FlatBufferBuilder}. Children are written before their
 * table in slot order and a table's fields are laid out widest first (8-byte scalars, then 4-byte
 * scalars and offsets, then 2- and 1-byte scalars), as {@code flatc}'s builders do, so tables carry
 * little padding. Every field present in the raw table is written, defaults included: the caller
 * decides what is present.
 */
final class FlatEmitter {
  private FlatEmitter() {}

  /** Writes {@code t} and everything it refers to; returns the table's offset. */
  static int table(FlatBufferBuilder b, RawTable t) {
    Map<Integer, RawTable.Field> fields = t.fields();
    int slots = t.maxSlot() + 1;
    int[] offsets = new int[slots];
    for (Map.Entry<Integer, RawTable.Field> e : fields.entrySet()) {
      int slot = e.getKey();
      RawTable.Field f = e.getValue();
      if (f instanceof RawTable.StringField s) {
        offsets[slot] = b.createString(ByteBuffer.wrap(s.utf8()));
      } else if (f instanceof RawTable.VectorField v) {
        offsets[slot] = vector(b, v);
      } else if (f instanceof RawTable.TableField tf) {
        offsets[slot] = table(b, tf.table());
      } else if (f instanceof RawTable.TableVectorField tv) {
        offsets[slot] = tables(b, tv.tables());
      }
    }
    b.startTable(slots);
    for (int width : new int[] {8, 4, 2, 1}) {
      for (Map.Entry<Integer, RawTable.Field> e : fields.entrySet()) {
        int slot = e.getKey();
        if (e.getValue() instanceof RawTable.ScalarField s) {
          if (s.bytes().length == width) {
            scalar(b, s);
            b.slot(slot);
          }
        } else if (width == 4) {
          b.addOffset(offsets[slot]);
          b.slot(slot);
        }
      }
    }
    return b.endTable();
  }

  private static void scalar(FlatBufferBuilder b, RawTable.ScalarField s) {
    long v = s.asLong();
    switch (s.bytes().length) {
      case 1 -> b.addByte((byte) v);
      case 2 -> b.addShort((short) v);
      case 4 -> b.addInt((int) v);
      default -> b.addLong(v);
    }
  }

  private static int vector(FlatBufferBuilder b, RawTable.VectorField v) {
    int align = Math.max(v.alignment(), v.elementSize());
    ByteBuffer dst = b.createUnintializedVector(v.elementSize(), v.count(), align);
    dst.put(v.bytes(), 0, v.count() * v.elementSize());
    return b.endVector();
  }

  private static int tables(FlatBufferBuilder b, List<RawTable> tables) {
    int[] elems = new int[tables.size()];
    for (int i = 0; i < elems.length; i++) {
      elems[i] = table(b, tables.get(i));
    }
    b.startVector(4, elems.length, 4);
    for (int i = elems.length - 1; i >= 0; i--) {
      b.addOffset(elems[i]);
    }
    return b.endVector();
  }

  /** {@code t} as a standalone FlatBuffer (root offset, no file identifier). */
  static byte[] standalone(RawTable t) {
    FlatBufferBuilder b = new FlatBufferBuilder(128);
    b.finish(table(b, t));
    return b.sizedByteArray();
  }

  /** Reads back a table written by {@link #standalone(RawTable)}. */
  static RawTable parseStandalone(byte[] bytes, Schema.Table desc) throws TfliteFormatException {
    FlatReader r = new FlatReader(ByteBuffer.wrap(bytes));
    return r.table(r.root(null), desc, FlatReader.Where.ROOT.field(desc.name()));
  }
}
