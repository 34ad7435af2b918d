package dev.tinyml.codegen.c;

import dev.tinyml.codegen.Identifiers;
import java.util.Locale;

/** C identifiers and comment text from free text. */
final class CNames {
  private CNames() {}

  /** ASCII letters, digits and underscores, starting with a letter, at most 40 characters. */
  static String identifier(String raw) {
    return Identifiers.identifier(raw, 40).toLowerCase(Locale.ROOT);
  }

  /** The upper-case form for macros. */
  static String macro(String identifier) {
    return identifier.toUpperCase(Locale.ROOT);
  }

  /** Text safe inside a C comment. */
  static String comment(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString().replace("*/", "*_/").replace("/*", "/_*");
  }
}
