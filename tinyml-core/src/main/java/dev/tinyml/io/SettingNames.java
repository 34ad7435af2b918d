package dev.tinyml.io;

import java.util.Locale;

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
   * @param unknown the message when no constant has that name: what is accepted
   * @return the constant
   * @throws IllegalArgumentException with {@code unknown} if no constant has that name
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String name, E absent, String unknown) {
    if (name == null) {
      return absent;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (id(e).equals(n)) {
        return e;
      }
    }
    throw new IllegalArgumentException(unknown);
  }

  /**
   * The name {@link #parse} reads for a constant.
   *
   * @param constant the constant
   * @return its name in lower case
   */
  public static String id(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
