package dev.tinyml.tflite;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the typed options records and their tables. Each record is the one description
 * of its table, read here by reflection: its components are the table's fields in slot order
 * ({@link SchemaSlot} skips deprecated slots); a component's type says how the field is stored
 * ({@code int}: int32, {@code boolean}: bool, {@code float}: float32, a {@link SchemaEnum}: its
 * 1-byte code, {@code List<Integer>}: a vector of int32); {@link SchemaDefault} gives a default
 * other than zero. The union type code comes from {@link Schema} by the record's name, and each
 * field is checked against the schema's table when this class loads. Reading and writing follow the
 * same description, so they cannot disagree.
 *
 * <p>A table whose type is not modelled, that holds a field the record does not model (a newer
 * schema) or a value the record cannot carry (an enum code outside the schema, a bool byte other
 * than 0 or 1) is not decoded: the caller keeps it as {@link UnknownOptions}, so nothing is lost
 * and writing it back reproduces the original bytes.
 */
final class OptionsCodec {
  private OptionsCodec() {}

  private static final Map<Integer, Layout> BY_TYPE = new HashMap<>();
  private static final Map<Class<?>, Layout> BY_CLASS = new HashMap<>();

  static {
    for (Class<?> type : BuiltinOptions.class.getPermittedSubclasses()) {
      if (type != UnknownOptions.class) {
        Layout layout = Layout.of(type);
        BY_TYPE.put(layout.type(), layout);
        BY_CLASS.put(type, layout);
      }
    }
  }

  /** The union type code of a typed options record. */
  static int typeOf(BuiltinOptions options) {
    return layout(options).type();
  }

  /**
   * The typed record for a table of this union type, or {@code null} when the table must be kept as
   * {@link UnknownOptions}.
   */
  static BuiltinOptions decode(int type, RawTable table) {
    Layout layout = BY_TYPE.get(type);
    return layout == null ? null : layout.decode(table);
  }

  /** The table of a typed record; {@code UnknownOptions} are handled by the caller. */
  static RawTable encode(BuiltinOptions options) {
    return layout(options).encode(options);
  }

  private static Layout layout(BuiltinOptions options) {
    Layout layout = BY_CLASS.get(options.getClass());
    if (layout == null) {
      throw new IllegalArgumentException("Not a typed options record: " + options);
    }
    return layout;
  }

  /** Stands for a field value the record cannot carry. */
  private static final Object UNREPRESENTABLE = new Object();

  /** How the value of one component is stored, by the component's Java type. */
  private enum Kind {
    INT(Schema.Kind.SCALAR, 4),
    BOOL(Schema.Kind.SCALAR, 1),
    FLOAT(Schema.Kind.SCALAR, 4),
    ENUM(Schema.Kind.SCALAR, 1),
    INTS(Schema.Kind.VECTOR, 4);

    private final Schema.Kind stored;
    private final int width;

    Kind(Schema.Kind stored, int width) {
      this.stored = stored;
      this.width = width;
    }

    static Kind of(RecordComponent c) {
      Class<?> type = c.getType();
      if (type == int.class) {
        return INT;
      }
      if (type == boolean.class) {
        return BOOL;
      }
      if (type == float.class) {
        return FLOAT;
      }
      if (type == List.class
          && c.getGenericType() instanceof ParameterizedType list
          && list.getActualTypeArguments()[0] == Integer.class) {
        return INTS;
      }
      return SchemaEnum.class.isAssignableFrom(type) ? ENUM : null;
    }

    boolean matches(Schema.Field field) {
      return field != null && field.kind() == stored && field.width() == width;
    }
  }

  /**
   * One component of a record and its field.
   *
   * @param codes for enum fields, the constants by schema code
   */
  private record Field(
      String name, int slot, Kind kind, long byDefault, Map<Long, Object> codes, Method accessor) {

    /** The component's value in {@code t}, or {@link #UNREPRESENTABLE}. */
    Object read(RawTable t) {
      return switch (kind) {
        case INT -> (int) t.scalar(slot, byDefault);
        case FLOAT -> t.floatScalar(slot, 0f);
        case BOOL -> {
          long v = t.scalar(slot, byDefault);
          yield v == 0 || v == 1 ? (Object) (v == 1) : UNREPRESENTABLE;
        }
        case ENUM -> codes.getOrDefault((long) (int) t.scalar(slot, byDefault), UNREPRESENTABLE);
        case INTS -> {
          int[] values = t.ints(slot);
          yield values == null ? null : Arrays.stream(values).boxed().toList();
        }
      };
    }

    /** Puts {@code value} in {@code t}, leaving it out where it is the default (as flatc does). */
    void write(RawTable t, Object value) {
      switch (kind) {
        case INT -> t.putScalarIfNot(slot, (Integer) value, kind.width, byDefault);
        case FLOAT -> t.putFloatIfNot(slot, (Float) value, 0f);
        case BOOL -> t.putScalarIfNot(slot, (Boolean) value ? 1 : 0, kind.width, byDefault);
        case ENUM -> t.putScalarIfNot(slot, ((SchemaEnum) value).code(), kind.width, byDefault);
        case INTS -> {
          if (value != null) {
            t.putInts(slot, ((List<?>) value).stream().mapToInt(e -> (Integer) e).toArray());
          }
        }
      }
    }
  }

  /** An options record's type code, fields and canonical constructor. */
  private record Layout(int type, Field[] fields, long slots, Constructor<?> constructor) {

    static Layout of(Class<?> record) {
      String name = record.getSimpleName();
      Schema.Table table = Schema.table(name);
      RecordComponent[] components = record.getRecordComponents();
      Field[] fields = new Field[components.length];
      Class<?>[] types = new Class<?>[components.length];
      long slots = 0;
      int slot = 0;
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        SchemaSlot at = c.getAnnotation(SchemaSlot.class);
        slot = at != null ? at.value() : slot;
        SchemaDefault byDefault = c.getAnnotation(SchemaDefault.class);
        fields[i] =
            field(
                name + "." + c.getName(),
                slot,
                c,
                byDefault == null ? 0 : byDefault.value(),
                table.field(slot));
        types[i] = c.getType();
        slots |= 1L << slot;
        slot++;
      }
      try {
        return new Layout(
            Schema.unionType("BuiltinOptions", name),
            fields,
            slots,
            record.getDeclaredConstructor(types));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(name + " has no canonical constructor", e);
      }
    }

    private static Field field(
        String name, int slot, RecordComponent c, long byDefault, Schema.Field schema) {
      Class<?> type = c.getType();
      Kind kind = Kind.of(c);
      // Float fields all default to 0 in the schema; read() and write() rely on it.
      if (kind == null || !kind.matches(schema) || (kind == Kind.FLOAT && byDefault != 0)) {
        throw new IllegalStateException(
            name
                + " ("
                + type.getSimpleName()
                + ") does not match slot "
                + slot
                + " of the schema");
      }
      Map<Long, Object> codes = new HashMap<>();
      if (kind == Kind.ENUM) {
        for (Object e : type.getEnumConstants()) {
          codes.put((long) ((SchemaEnum) e).code(), e);
        }
      }
      return new Field(name, slot, kind, byDefault, codes, c.getAccessor());
    }

    /**
     * The record built from {@code t}, or {@code null} if {@code t} holds a slot the record does
     * not model or a value it cannot carry.
     */
    BuiltinOptions decode(RawTable t) {
      for (int slot : t.fields().keySet()) {
        if (slot >= 64 || (slots & (1L << slot)) == 0) {
          return null;
        }
      }
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        values[i] = fields[i].read(t);
        if (values[i] == UNREPRESENTABLE) {
          return null;
        }
      }
      try {
        return (BuiltinOptions) constructor.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot build " + constructor.getName(), e);
      }
    }

    RawTable encode(BuiltinOptions options) {
      RawTable t = new RawTable();
      for (Field f : fields) {
        try {
          f.write(t, f.accessor().invoke(options));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Cannot read " + f.name(), e);
        }
      }
      return t;
    }
  }
}
