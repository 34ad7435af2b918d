package dev.tinyml.codegen;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills <code>&#123;&#123;name&#125;&#125;</code> placeholders in plain text. There is no logic (no
 * conditionals, loops or escapes): the generator computes every value, the template only places it.
 * A placeholder name is a lower-case identifier ({@code [a-z][a-z0-9_]*}); anything else opened
 * with two braces is an error, as is a placeholder without a value.
 */
public final class TemplateEngine {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";

  private TemplateEngine() {}

  /**
   * Replaces every placeholder of {@code text} by its value.
   *
   * @param templateName names the template in error messages
   * @param text the template text
   * @param values placeholder name to value; values the template does not use are ignored here (the
   *     sketch generator checks a whole template set for unused values)
   * @return the filled text
   * @throws CodegenException naming the template, line and placeholder when a placeholder is
   *     malformed or has no value
   */
  public static String render(String templateName, String text, Map<String, String> values)
      throws CodegenException {
    StringBuilder out = new StringBuilder(text.length() + 256);
    Set<String> missing = new TreeSet<>();
    int pos = 0;
    while (true) {
      int open = text.indexOf(OPEN, pos);
      if (open < 0) {
        out.append(text, pos, text.length());
        break;
      }
      out.append(text, pos, open);
      String name = placeholderAt(templateName, text, open);
      String value = values.get(name);
      if (value == null) {
        missing.add(name + " (line " + lineOf(text, open) + ")");
      } else {
        out.append(value);
      }
      pos = open + OPEN.length() + name.length() + CLOSE.length();
    }
    if (!missing.isEmpty()) {
      throw new CodegenException(
          "Template "
              + templateName
              + " has placeholders without a value: "
              + String.join(", ", missing)
              + ". Give them a value (sketch template parameters) or remove them from the template.");
    }
    return out.toString();
  }

  /**
   * The placeholder names used by {@code text}, in order of first use.
   *
   * @param templateName names the template in error messages
   * @param text the template text
   * @return the names
   * @throws CodegenException when a placeholder is malformed
   */
  public static Set<String> placeholders(String templateName, String text) throws CodegenException {
    Set<String> names = new LinkedHashSet<>();
    int pos = 0;
    while (true) {
      int open = text.indexOf(OPEN, pos);
      if (open < 0) {
        return names;
      }
      String name = placeholderAt(templateName, text, open);
      names.add(name);
      pos = open + OPEN.length() + name.length() + CLOSE.length();
    }
  }

  private static String placeholderAt(String templateName, String text, int open)
      throws CodegenException {
    int close = text.indexOf(CLOSE, open + OPEN.length());
    String name = close < 0 ? null : text.substring(open + OPEN.length(), close);
    if (name == null || !NAME.matcher(name).matches()) {
      Matcher m = Pattern.compile(".{0,24}").matcher(text.substring(open));
      String excerpt = m.lookingAt() ? m.group() : "";
      throw new CodegenException(
          "Template "
              + templateName
              + " line "
              + lineOf(text, open)
              + ": malformed placeholder starting '"
              + excerpt
              + "'; placeholders look like {{lower_case_name}}.");
    }
    return name;
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
