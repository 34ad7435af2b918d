package dev.tinyml.preprocess;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up the constant of a configuration enum by the name users type. */
final class ConfigNames {

  private ConfigNames() {}

  /**
   * The constant whose name is {@code name} (trimmed, case-insensitive).
   *
   * @param what the thing named, for the error, e.g. {@code feature kind}
   * @param plural what the list of valid names is called, e.g. {@code kinds}
   * @throws PreprocessException naming the valid names when none matches
   */
  /** A constant's name as configuration spells it: lower case, words joined by {@code -}. */
  static String id(Enum<?> constant) {
    return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  static <E> E lookUp(E[] values, Function<E, String> id, String name, String what, String plural) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (E e : values) {
      if (id.apply(e).equals(wanted)) {
        return e;
      }
    }
    throw new PreprocessException(
        "Unknown "
            + what
            + " '"
            + name
            + "'; valid "
            + plural
            + " are "
            + Arrays.stream(values).map(id).collect(Collectors.joining(", ")));
  }
}
