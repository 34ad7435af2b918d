package dev.tinyml.codegen;

import java.util.Locale;

/** Turns free text (model, sketch, label names) into safe C identifiers and C string literals. */
public final class Identifiers {
  private Identifiers() {}

  /**
   * A name usable as an Arduino sketch, library and C identifier: ASCII letters, digits and
   * underscores, starting with a letter, at most 63 characters.
   */
  static String sketchName(String raw) {
    return identifier(raw, 63);
  }

  /**
   * A C identifier from free text: ASCII letters and digits kept, every other run of characters one
   * underscore (none at either end), {@code model_} in front when it would not start with a letter,
   * cut to {@code maxLength} characters.
   *
   * @param raw the free text
   * @param maxLength the longest result
   * @return the identifier
   */
  public static String identifier(String raw, int maxLength) {
    StringBuilder b = new StringBuilder();
    for (char c : raw.toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (ok) {
        b.append(c);
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
    return s.length() > maxLength ? s.substring(0, maxLength) : s;
  }

  /** An upper-case form of {@link #sketchName} for header guards and macros. */
  static String macroName(String raw) {
    return sketchName(raw).toUpperCase(Locale.ROOT);
  }

  /** A C string literal (with quotes) holding {@code text}; non-ASCII becomes octal escapes. */
  static String cString(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (byte by : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = by & 0xff;
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '?' -> b.append("\\?"); // no trigraphs
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            b.append(String.format(Locale.ROOT, "\\%03o", c));
          } else {
            b.append((char) c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Text safe inside a C comment: no comment terminators, no line breaks, printable ASCII. */
  static String comment(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString().replace("*/", "*_/").replace("/*", "/_*");
  }
}
