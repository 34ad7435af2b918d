package dev.tinyml.codegen.c;

import java.util.Locale;

/** C identifiers and comment text from free text. */
final class CNames {
  private CNames() {}

  /** ASCII letters, digits and underscores, starting with a letter, at most 40 characters. */
  static String identifier(String raw) {
    StringBuilder b = new StringBuilder();
    for (char c : raw.toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (ok) {
        b.append(Character.toLowerCase(c));
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
        b.append('_');
      }
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == '_') {
      b.setLength(b.length() - 1);
    }
    if (b.length() == 0 || !Character.isLetter(b.charAt(0))) {
      b.insert(0, "model_");
    }
    String s = b.toString();
    return s.length() > 40 ? s.substring(0, 40) : s;
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
