package dev.tinyml.tflite;

import java.util.Arrays;

/**
 * An options table the library does not model (or one holding fields newer than the library), kept
 * so that it survives a read/write round trip.
 *
 * @param optionsType the table's type code in the {@code BuiltinOptions} union
 * @param table the table as a standalone FlatBuffer whose root is the options table (no file
 *     identifier); written back field by field
 */
public record UnknownOptions(int optionsType, byte[] table) implements BuiltinOptions {

  /** Copies nothing; {@code table} must not be changed afterwards. */
  public UnknownOptions {
    if (table == null) {
      throw new NullPointerException("table");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownOptions other
        && optionsType == other.optionsType
        && Arrays.equals(table, other.table);
  }

  @Override
  public int hashCode() {
    return 31 * optionsType + Arrays.hashCode(table);
  }

  @Override
  public String toString() {
    return "UnknownOptions[type=" + optionsType + ", " + table.length + " bytes]";
  }
}
