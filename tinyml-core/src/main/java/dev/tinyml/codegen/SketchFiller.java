package dev.tinyml.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fills the template folders of the {@code arduino-sketches} module (classpath resources under
 * {@value #RESOURCES}): the one filler of the sketches of both backends.
 *
 * <p>A folder lists its files in {@code files.txt}; {@code sketch.ino} becomes {@code <sketch
 * name>.ino}, and a line {@code <folder>/<file>} takes the file of another folder (the {@code
 * c_kws} sketch's {@code kws/recognize_commands.h}). The fragments listed in {@code
 * partials/files.txt} are code the templates share: a file places {@code partials/<name>.inc} with
 * the placeholder <code>&#123;&#123;name&#125;&#125;</code> on a line of its own (the fragment's
 * final newline is the line's), filled with the same values. Every value given must be used by some
 * file of the set, and every placeholder must have a value, so templates and generator cannot drift
 * apart silently.
 */
public final class SketchFiller {
  /** Where the templates live on the classpath. */
  public static final String RESOURCES = "dev/tinyml/sketches/";

  private static final String PARTIAL_SUFFIX = ".inc";
  private static final String SKETCH = "sketch.ino";

  private SketchFiller() {}

  /**
   * The filled files of template folders, by file name (no folder).
   *
   * @param folders the template's folder first, then folders whose files go with it (the tflm
   *     sketches' {@code common})
   * @param sketchName the sketch name (a C identifier): {@code sketch.ino} becomes {@code
   *     <sketchName>.ino}
   * @param values placeholder name to value
   * @return file name to text
   * @throws CodegenException naming the template when a resource is missing, a placeholder has no
   *     value, a value is used by no file, or a value has the name of a shared fragment
   */
  public static SortedMap<String, String> fill(
      List<String> folders, String sketchName, Map<String, String> values) throws CodegenException {
    String template = folders.get(0);
    Map<String, String> sources = new LinkedHashMap<>();
    for (String folder : folders) {
      for (String entry : listing(folder)) {
        int slash = entry.lastIndexOf('/');
        String file = entry.substring(slash + 1);
        String path = slash < 0 ? folder + "/" + entry : entry;
        sources.put(file.equals(SKETCH) ? sketchName + ".ino" : file, resource(path));
      }
    }
    // A shared fragment is filled (with the same values) only for the templates that place it.
    Map<String, String> partials = partials(values, template);
    Map<String, String> filled = new LinkedHashMap<>(values);
    Set<String> used = new LinkedHashSet<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      for (String placeholder :
          TemplateEngine.placeholders(template + "/" + e.getKey(), e.getValue())) {
        used.add(placeholder);
        String partial = partials.get(placeholder);
        if (partial != null && !filled.containsKey(placeholder)) {
          String partialName = partialPath(placeholder);
          used.addAll(TemplateEngine.placeholders(partialName, partial));
          filled.put(placeholder, TemplateEngine.render(partialName, partial, values));
        }
      }
    }
    SortedMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      out.put(e.getKey(), TemplateEngine.render(template + "/" + e.getKey(), e.getValue(), filled));
    }
    List<String> unused = new ArrayList<>(values.keySet());
    unused.removeAll(used);
    if (!unused.isEmpty()) {
      throw new CodegenException(
          "Template "
              + template
              + " does not use the values "
              + unused
              + "; the templates in arduino-sketches and the generator disagree.");
    }
    return out;
  }

  /**
   * The shared fragments by placeholder name, each without its final newline so that a placeholder
   * alone on a line stands for the fragment's lines.
   */
  private static Map<String, String> partials(Map<String, String> values, String template)
      throws CodegenException {
    Map<String, String> partials = new LinkedHashMap<>();
    for (String file : listing("partials")) {
      if (!file.endsWith(PARTIAL_SUFFIX)) {
        throw new CodegenException(
            "Sketch template resource "
                + RESOURCES
                + "partials/files.txt lists '"
                + file
                + "'; shared fragments are <name>"
                + PARTIAL_SUFFIX
                + " files.");
      }
      String name = file.substring(0, file.length() - PARTIAL_SUFFIX.length());
      if (values.containsKey(name)) {
        throw new CodegenException(
            "Template "
                + template
                + " value '"
                + name
                + "' has the name of the shared fragment "
                + partialPath(name)
                + "; rename one of them.");
      }
      String text = resource(partialPath(name));
      partials.put(name, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    }
    return partials;
  }

  private static String partialPath(String name) {
    return "partials/" + name + PARTIAL_SUFFIX;
  }

  private static List<String> listing(String folder) throws CodegenException {
    List<String> files = new ArrayList<>();
    for (String line : resource(folder + "/files.txt").split("\n")) {
      if (!line.isBlank()) {
        files.add(line.trim());
      }
    }
    return files;
  }

  private static String resource(String path) throws CodegenException {
    String full = RESOURCES + path;
    try (InputStream in = SketchFiller.class.getClassLoader().getResourceAsStream(full)) {
      if (in == null) {
        throw new CodegenException(
            "Sketch template resource "
                + full
                + " is not on the classpath; add the dev.tinyml:arduino-sketches dependency.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new CodegenException("Cannot read sketch template resource " + full, e);
    }
  }
}
