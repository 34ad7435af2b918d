package dev.tinyml.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads FlatBuffer tables into {@link RawTable}s, bounds-checking every offset, vtable and vector
 * length against the bytes present. Tables are described by {@link Schema}; the schema is not
 * recursive and FlatBuffer offsets only point forward, so reading always terminates and recursion
 * depth is bounded by the schema. A budget proportional to the input size caps the bytes the
 * decoded form may take, so inputs whose vectors overlap or are shared many times cannot make the
 * reader allocate more than the file justifies.
 *
 * <p>{@code com.google.flatbuffers.Table} is not used here because its accessors trust every
 * offset.
 */
final class FlatReader {
  /** Decoded bytes allowed per input byte, plus a fixed allowance for tiny inputs. */
  private static final long BUDGET_PER_BYTE = 64;

  private static final long BUDGET_BASE = 1 << 20;
  private static final int TABLE_COST = 48;
  private static final int FIELD_COST = 24;

  private final ByteBuffer bb;
  private final int limit;
  private long budget;

  /** The furthest file end a failed bounds check asked for, or -1: tells truncation apart. */
  private long needed = -1;

  /** A reader over {@code buffer}'s bytes from index 0 to its limit (absolute indexing). */
  FlatReader(ByteBuffer buffer) {
    this.bb = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.limit = buffer.limit();
    this.budget = BUDGET_BASE + BUDGET_PER_BYTE * limit;
  }

  int limit() {
    return limit;
  }

  /**
   * The smallest file size that the failed bounds check would have needed, or -1 if no check failed
   * for want of bytes. A value above {@link #limit()} means the input may be truncated.
   */
  long needed() {
    return needed;
  }

  private void needs(long end) {
    needed = Math.max(needed, end);
  }

  /** Where in the model a value is, for error messages ({@code subgraphs[0].tensors[3].shape}). */
  record Where(Where parent, String field, int index) {
    static final Where ROOT = new Where(null, null, -1);

    Where field(String name) {
      return new Where(this, name, -1);
    }

    Where index(int i) {
      return new Where(this, null, i);
    }

    @Override
    public String toString() {
      if (parent == null) {
        return "Model";
      }
      String p = parent.toString();
      return field != null ? p + "." + field : p + "[" + index + "]";
    }
  }

  static TfliteFormatException error(long offset, Where where, String what) {
    return new TfliteFormatException("offset " + offset + " (" + where + "): " + what);
  }

  /** Checks the root offset and the file identifier, and returns the root table's position. */
  int root(String identifier) throws TfliteFormatException {
    if (limit < 8) {
      needs(8);
      throw new TfliteFormatException(
          "offset 0: expected at least 8 bytes (root offset and "
              + (identifier == null ? "a table" : "file identifier " + identifier)
              + "), found "
              + limit);
    }
    if (identifier != null) {
      byte[] id = new byte[4];
      bb.get(4, id);
      if (!new String(id, java.nio.charset.StandardCharsets.ISO_8859_1).equals(identifier)) {
        throw new TfliteFormatException(
            "offset 4: expected file identifier " + identifier + ", found " + printable(id));
      }
    }
    long root = u32(0);
    if (root < 4 || root > limit - 4L) {
      needs(root + 4);
      throw new TfliteFormatException(
          "offset 0: expected the root table offset to lie inside the "
              + limit
              + "-byte file, found "
              + root);
    }
    return (int) root;
  }

  private static String printable(byte[] id) {
    boolean text = true;
    for (byte b : id) {
      text &= b >= 0x20 && b < 0x7f;
    }
    if (text) {
      return '"' + new String(id, java.nio.charset.StandardCharsets.US_ASCII) + '"';
    }
    StringBuilder s = new StringBuilder("bytes");
    for (byte b : id) {
      s.append(String.format(" %02x", b & 0xFF));
    }
    return s.toString();
  }

  /** Reads the table at {@code pos} described by {@code desc}. */
  RawTable table(int pos, Schema.Table desc, Where where) throws TfliteFormatException {
    if (pos < 0 || pos > limit - 4L) {
      needs(pos + 4L);
      throw error(pos, where, "expected a table inside the " + limit + "-byte file");
    }
    long vt = (long) pos - bb.getInt(pos);
    if (vt < 0 || vt > limit - 4L) {
      throw error(pos, where, "expected a vtable inside the file, found one at offset " + vt);
    }
    int vtSize = u16((int) vt);
    int tableSize = u16((int) vt + 2);
    if (vtSize < 4 || (vtSize & 1) != 0 || vt + vtSize > limit) {
      needs(vt + vtSize);
      throw error(
          vt, where, "expected an even vtable size of at least 4 inside the file, found " + vtSize);
    }
    if (tableSize < 4 || pos + (long) tableSize > limit) {
      needs(pos + (long) tableSize);
      throw error(
          vt + 2, where, "expected a table size of at least 4 inside the file, found " + tableSize);
    }
    charge(TABLE_COST, pos, where);
    int slots = (vtSize - 4) / 2;
    int[] fieldOffsets = new int[slots];
    for (int slot = 0; slot < slots; slot++) {
      int fo = u16((int) vt + 4 + 2 * slot);
      if (fo != 0 && (fo < 4 || fo >= tableSize)) {
        throw error(
            vt + 4 + 2 * slot,
            where,
            "expected field "
                + fieldName(desc, slot)
                + " inside the "
                + tableSize
                + "-byte table, found offset "
                + fo);
      }
      fieldOffsets[slot] = fo;
    }
    RawTable t = new RawTable(pos);
    for (int slot = 0; slot < slots; slot++) {
      int fo = fieldOffsets[slot];
      if (fo == 0) {
        continue;
      }
      charge(FIELD_COST, pos, where);
      Schema.Field f = desc.field(slot);
      int fieldPos = pos + fo;
      if (f == null) {
        int width = inferredWidth(fieldOffsets, fo, tableSize, fieldPos);
        t.put(slot, new RawTable.ScalarField(copy(fieldPos, width)));
        continue;
      }
      if (fo + f.width() > tableSize && f.kind() == Schema.Kind.SCALAR
          || fo + 4 > tableSize && f.kind() != Schema.Kind.SCALAR) {
        throw error(
            fieldPos,
            where,
            "expected field " + fieldName(desc, slot) + " to fit inside its table");
      }
      Where fw = where.field(f.name());
      switch (f.kind()) {
        case SCALAR -> t.put(slot, new RawTable.ScalarField(copy(fieldPos, f.width())));
        case STRING -> t.put(slot, new RawTable.StringField(vector(fieldPos, 1, fw)));
        case VECTOR ->
            t.put(
                slot,
                new RawTable.VectorField(
                    f.width(), f.alignment(), vector(fieldPos, f.width(), fw)));
        case TABLE ->
            t.put(
                slot,
                new RawTable.TableField(table(target(fieldPos, fw), Schema.table(f.ref()), fw)));
        case TABLES -> t.put(slot, new RawTable.TableVectorField(tables(fieldPos, f.ref(), fw)));
        case UNION -> {
          long type = t.scalar(slot - 1, 0) & 0xFF;
          if (type == 0) {
            // A value without a type cannot be interpreted; readers of the schema ignore it too.
            continue;
          }
          Schema.Table member = Schema.unionMember(f.ref(), (int) type);
          Where w =
              where.field(f.name() + "(" + (member == null ? "type " + type : member.name()) + ")");
          t.put(
              slot,
              new RawTable.TableField(
                  table(target(fieldPos, w), member == null ? Schema.UNKNOWN : member, w)));
        }
      }
    }
    return t;
  }

  private static String fieldName(Schema.Table desc, int slot) {
    Schema.Field f = desc.field(slot);
    return f == null ? "#" + slot : f.name();
  }

  /**
   * The width of a field the schema does not know: the widest scalar (8, 4, 2, 1) that fits before
   * the next field or the table's end and is aligned in the file.
   */
  private static int inferredWidth(int[] fieldOffsets, int fo, int tableSize, int fieldPos) {
    int next = tableSize;
    for (int other : fieldOffsets) {
      if (other > fo && other < next) {
        next = other;
      }
    }
    int gap = next - fo;
    for (int w = 8; w > 1; w /= 2) {
      if (w <= gap && fieldPos % w == 0) {
        return w;
      }
    }
    return 1;
  }

  private List<RawTable> tables(int fieldPos, String ref, Where where)
      throws TfliteFormatException {
    int vec = target(fieldPos, where);
    int n = length(vec, 4, where);
    Schema.Table desc = Schema.table(ref);
    List<RawTable> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int elem = vec + 4 + 4 * i;
      out.add(table(target(elem, where.index(i)), desc, where.index(i)));
    }
    return out;
  }

  /** Follows the unsigned offset stored at {@code pos}. */
  private int target(int pos, Where where) throws TfliteFormatException {
    if (pos > limit - 4) {
      needs(pos + 4L);
      throw error(pos, where, "expected a 4-byte offset inside the file");
    }
    long target = pos + u32(pos);
    if (target > limit - 4L) {
      needs(target + 4);
      throw error(
          pos,
          where,
          "expected an offset to a point inside the " + limit + "-byte file, found " + target);
    }
    return (int) target;
  }

  /** The element count of the vector at {@code vec}, checked against the bytes left. */
  private int length(int vec, int elementSize, Where where) throws TfliteFormatException {
    long n = u32(vec);
    long left = limit - (vec + 4L);
    if (n * elementSize > left) {
      needs(vec + 4L + n * elementSize);
      throw error(
          vec,
          where,
          "vector of "
              + n
              + " elements of "
              + elementSize
              + " bytes exceeds the "
              + left
              + " bytes left in the file");
    }
    charge(n * elementSize, vec, where);
    return (int) n;
  }

  /** The bytes of the vector or string whose offset is stored at {@code fieldPos}. */
  private byte[] vector(int fieldPos, int elementSize, Where where) throws TfliteFormatException {
    int vec = target(fieldPos, where);
    int n = length(vec, elementSize, where);
    return copy(vec + 4, n * elementSize);
  }

  /** {@code length} bytes at {@code pos}, which the caller has bounds-checked. */
  byte[] copy(int pos, int length) {
    byte[] out = new byte[length];
    bb.get(pos, out);
    return out;
  }

  /** {@code length} bytes at a file offset that came from the file itself (large buffers). */
  byte[] external(long offset, long length, Where where) throws TfliteFormatException {
    if (offset < 0 || length < 0 || offset > limit || length > limit - offset) {
      if (offset >= 0 && length >= 0) {
        needs(offset + length);
      }
      throw error(
          offset,
          where,
          "expected " + length + " bytes of external data inside the " + limit + "-byte file");
    }
    charge(length, offset, where);
    return copy((int) offset, (int) length);
  }

  private void charge(long bytes, long offset, Where where) throws TfliteFormatException {
    budget -= bytes;
    if (budget < 0) {
      throw error(
          offset,
          where,
          "decoding needs more memory than a "
              + limit
              + "-byte file can hold (vectors that overlap or are shared many times)");
    }
  }

  private int u16(int pos) {
    return bb.getShort(pos) & 0xFFFF;
  }

  private long u32(int pos) {
    return bb.getInt(pos) & 0xFFFFFFFFL;
  }
}
