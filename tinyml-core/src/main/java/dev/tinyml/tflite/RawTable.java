package dev.tinyml.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A FlatBuffer table kept as data: every present field by its slot id (vtable index) with its kind
 * and bytes. The library keeps what it does not model in this form so it survives a read/write
 * round trip: unmodelled parts of the schema (sparsity, variant sub-types, custom quantization,
 * {@code builtin_options_2}) and fields added to the schema after this library was written.
 *
 * <p>Fields of schema tables are read with their schema kinds. A field unknown to the schema is
 * kept as an inline scalar of the width its table layout allows (1, 2, 4 or 8 bytes); equality of
 * scalars ignores trailing zero bytes, so a value kept with a wider width compares equal.
 */
public final class RawTable {

  /** One present field of a table. */
  public sealed interface Field
      permits ScalarField, StringField, VectorField, TableField, TableVectorField {}

  /**
   * An inline scalar (integer, float, bool or enum) as little-endian bytes.
   *
   * @param bytes 1, 2, 4 or 8 little-endian bytes
   */
  public record ScalarField(byte[] bytes) implements Field {
    /** Checks the width. */
    public ScalarField {
      if (bytes.length != 1 && bytes.length != 2 && bytes.length != 4 && bytes.length != 8) {
        throw new IllegalArgumentException("A scalar is 1, 2, 4 or 8 bytes, not " + bytes.length);
      }
    }

    /** The value as a sign-extended integer. */
    public long asLong() {
      long v = 0;
      for (int i = bytes.length - 1; i >= 0; i--) {
        v = (v << 8) | (bytes[i] & 0xFF);
      }
      int unused = 64 - 8 * bytes.length;
      return unused == 0 ? v : (v << unused) >> unused;
    }

    static ScalarField of(long value, int width) {
      byte[] b = new byte[width];
      for (int i = 0; i < width; i++) {
        b[i] = (byte) (value >>> (8 * i));
      }
      return new ScalarField(b);
    }

    private int significantLength() {
      int n = bytes.length;
      while (n > 0 && bytes[n - 1] == 0) {
        n--;
      }
      return n;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof ScalarField other)) {
        return false;
      }
      int n = significantLength();
      return n == other.significantLength() && Arrays.equals(bytes, 0, n, other.bytes, 0, n);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(Arrays.copyOf(bytes, significantLength()));
    }

    @Override
    public String toString() {
      return "Scalar" + Arrays.toString(bytes);
    }
  }

  /**
   * A string as its UTF-8 bytes (kept as bytes so that even invalid UTF-8 round-trips).
   *
   * @param utf8 the string's bytes without the terminating zero
   */
  public record StringField(byte[] utf8) implements Field {
    /** The string decoded as UTF-8. */
    public String text() {
      return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StringField other && Arrays.equals(utf8, other.utf8);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
      return '"' + text() + '"';
    }
  }

  /**
   * A vector of scalars.
   *
   * @param elementSize bytes per element (1, 2, 4 or 8)
   * @param alignment alignment of the first element in the file
   * @param bytes the elements, little-endian, {@code count * elementSize} bytes
   */
  public record VectorField(int elementSize, int alignment, byte[] bytes) implements Field {
    /** Number of elements. */
    public int count() {
      return bytes.length / elementSize;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof VectorField other
          && elementSize == other.elementSize
          && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return 31 * elementSize + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Vector[" + count() + " x " + elementSize + " bytes]";
    }
  }

  /**
   * A sub-table (also the value of a union; its type is the scalar in the slot before).
   *
   * @param table the sub-table
   */
  public record TableField(RawTable table) implements Field {}

  /**
   * A vector of tables.
   *
   * @param tables the tables in order
   */
  public record TableVectorField(List<RawTable> tables) implements Field {}

  private final TreeMap<Integer, Field> fields = new TreeMap<>();
  private final int offset;

  RawTable(int offset) {
    this.offset = offset;
  }

  RawTable() {
    this(-1);
  }

  /** Present fields by slot id, in slot order (read-only). */
  public Map<Integer, Field> fields() {
    return Collections.unmodifiableMap(fields);
  }

  /** The field in this slot, or {@code null} if absent. */
  public Field get(int slot) {
    return fields.get(slot);
  }

  /** Whether no field is present. */
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** The byte offset in the file this table was read from, or -1 if it was built in memory. */
  public int offset() {
    return offset;
  }

  void put(int slot, Field field) {
    fields.put(slot, field);
  }

  Field remove(int slot) {
    return fields.remove(slot);
  }

  int maxSlot() {
    return fields.isEmpty() ? -1 : fields.lastKey();
  }

  /** A shallow copy (fields are immutable values; sub-tables are shared). */
  RawTable copy() {
    RawTable t = new RawTable(offset);
    t.fields.putAll(fields);
    return t;
  }

  // ---- typed access used by the decoders -------------------------------------------------------

  long scalar(int slot, long defaultValue) {
    return fields.get(slot) instanceof ScalarField s ? s.asLong() : defaultValue;
  }

  float floatScalar(int slot, float defaultValue) {
    return fields.get(slot) instanceof ScalarField s
        ? Float.intBitsToFloat((int) s.asLong())
        : defaultValue;
  }

  String string(int slot) {
    return fields.get(slot) instanceof StringField s ? s.text() : null;
  }

  byte[] bytes(int slot) {
    return fields.get(slot) instanceof VectorField v ? v.bytes() : null;
  }

  int[] ints(int slot) {
    return elements(slot, int[]::new, 4, (b, out) -> b.asIntBuffer().get(out));
  }

  float[] floats(int slot) {
    return elements(slot, float[]::new, 4, (b, out) -> b.asFloatBuffer().get(out));
  }

  long[] longs(int slot) {
    return elements(slot, long[]::new, 8, (b, out) -> b.asLongBuffer().get(out));
  }

  /** The vector in this slot copied into a new array by {@code get}, or {@code null}. */
  private <A> A elements(
      int slot, IntFunction<A> array, int elementSize, BiConsumer<ByteBuffer, A> get) {
    if (!(fields.get(slot) instanceof VectorField v)) {
      return null;
    }
    A out = array.apply(v.bytes().length / elementSize);
    get.accept(ByteBuffer.wrap(v.bytes()).order(ByteOrder.LITTLE_ENDIAN), out);
    return out;
  }

  RawTable table(int slot) {
    return fields.get(slot) instanceof TableField t ? t.table() : null;
  }

  List<RawTable> tables(int slot) {
    return fields.get(slot) instanceof TableVectorField t ? t.tables() : List.of();
  }

  // ---- building --------------------------------------------------------------------------------

  RawTable putScalar(int slot, long value, int width) {
    fields.put(slot, ScalarField.of(value, width));
    return this;
  }

  RawTable putScalarIfNot(int slot, long value, int width, long defaultValue) {
    if (value != defaultValue) {
      putScalar(slot, value, width);
    }
    return this;
  }

  RawTable putFloatIfNot(int slot, float value, float defaultValue) {
    if (Float.floatToRawIntBits(value) != Float.floatToRawIntBits(defaultValue)) {
      putScalar(slot, Float.floatToRawIntBits(value), 4);
    }
    return this;
  }

  RawTable putString(int slot, String value) {
    if (value != null) {
      fields.put(slot, new StringField(value.getBytes(StandardCharsets.UTF_8)));
    }
    return this;
  }

  RawTable putInts(int slot, int[] values) {
    return values == null
        ? this
        : putElements(slot, values.length, 4, b -> b.asIntBuffer().put(values));
  }

  RawTable putFloats(int slot, float[] values) {
    return values == null
        ? this
        : putElements(slot, values.length, 4, b -> b.asFloatBuffer().put(values));
  }

  RawTable putLongs(int slot, long[] values) {
    return values == null
        ? this
        : putElements(slot, values.length, 8, b -> b.asLongBuffer().put(values));
  }

  /** A vector of {@code count} scalars that {@code put} writes, aligned to their size. */
  private RawTable putElements(int slot, int count, int elementSize, Consumer<ByteBuffer> put) {
    ByteBuffer b = ByteBuffer.allocate(count * elementSize).order(ByteOrder.LITTLE_ENDIAN);
    put.accept(b);
    fields.put(slot, new VectorField(elementSize, elementSize, b.array()));
    return this;
  }

  RawTable putBytes(int slot, byte[] values, int alignment) {
    if (values != null) {
      fields.put(slot, new VectorField(1, alignment, values));
    }
    return this;
  }

  RawTable putTable(int slot, RawTable table) {
    if (table != null) {
      fields.put(slot, new TableField(table));
    }
    return this;
  }

  RawTable putTables(int slot, List<RawTable> tables) {
    fields.put(slot, new TableVectorField(new ArrayList<>(tables)));
    return this;
  }

  /** Copies every field of {@code extra} whose slot is not yet present. */
  RawTable putAllAbsent(RawTable extra) {
    if (extra != null) {
      extra.fields.forEach(fields::putIfAbsent);
    }
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawTable other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "RawTable" + fields;
  }
}
