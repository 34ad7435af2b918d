package dev.tinyml.tflite;

import java.util.Arrays;
import java.util.List;

/** Checks the options records share. */
final class SchemaChecks {
  private SchemaChecks() {}

  /**
   * Checks that the enum fields of an options record are set: a table's enum field always has a
   * value (an absent one is the schema default), so {@code null} is never meaningful.
   *
   * <p>Called from the record's compact constructor with the values of all its enum components in
   * declaration order (SchemaChecksTest holds every record to that). The field names are read from
   * the record class only when a value is missing, so the call stays one line and still names the
   * missing field, as {@link java.util.Objects#requireNonNull(Object, String)} with the field's
   * name would.
   *
   * @param record the options record being constructed
   * @param enumFields its enum components' values, in declaration order
   * @throws NullPointerException whose message is the name of the first enum component that is
   *     {@code null}
   */
  static void requireSet(Class<? extends Record> record, Object... enumFields) {
    for (int i = 0; i < enumFields.length; i++) {
      if (enumFields[i] == null) {
        throw new NullPointerException(enumComponents(record).get(i));
      }
    }
  }

  /** The names of the components of {@code record} whose type is a schema enum, in order. */
  static List<String> enumComponents(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .filter(c -> SchemaEnum.class.isAssignableFrom(c.getType()))
        .map(c -> c.getName())
        .toList();
  }
}
