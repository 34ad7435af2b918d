package dev.tinyml.io;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads enum-valued settings by their lower-case names, so every setting treats case, blanks and an
 * absent value the same way.
 */
public final class SettingNames {
  private SettingNames() {}

  /**
   * The constant whose lower-case name is {@code name} (case and surrounding blanks ignored).
   *
   * @param <E> the enum
   * @param type the enum class
   * @param name the name given; {@code null} means {@code absent}
   * @param absent the constant an absent name stands for
   * @return the constant, or empty if no constant has that name; the caller says what is accepted
   */
  public static <E extends Enum<E>> Optional<E> lookup(Class<E> type, String name, E absent) {
    if (name == null) {
      return Optional.of(absent);
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (id(e).equals(n)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * The name {@link #lookup} reads for a constant.
   *
   * @param constant the constant
   * @return its name in lower case
   */
  public static String id(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
