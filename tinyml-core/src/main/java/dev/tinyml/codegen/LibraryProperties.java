package dev.tinyml.codegen;

import java.util.List;

/**
 * The {@code library.properties} of a generated Arduino library (both backends' zips), in the field
 * order the Arduino library specification lists them.
 *
 * @param name the library name (also the zip's top folder)
 * @param version the library version, {@code MAJOR.MINOR.PATCH}
 * @param generator the tool name, as author and maintainer
 * @param modelName the model's name (comment-safe), which the one-line description starts with
 * @param what the rest of the one-line description, e.g. {@code " compiled to C99: ..."}
 * @param board the board, for {@code architectures} and the longer description
 * @param includes the header a sketch includes
 * @param usage what the header gives, ending the longer description
 * @param depends the libraries the Library Manager installs with it; none omits the field
 */
public record LibraryProperties(
    String name,
    String version,
    String generator,
    String modelName,
    String what,
    Board board,
    String includes,
    String usage,
    List<String> depends) {
  private static final String URL = "https://github.com/tinyml-java/tinyml";

  /** Copies the list. */
  public LibraryProperties {
    depends = List.copyOf(depends);
  }

  /**
   * The file's text.
   *
   * @return one {@code key=value} line per field
   */
  public String text() {
    return "name="
        + name
        + "\nversion="
        + version
        + "\nauthor="
        + generator
        + "\nmaintainer="
        + generator
        + "\nsentence=Model "
        + modelName
        + what
        + "\nparagraph=Generated from the model by "
        + generator
        + " for "
        + board.displayName()
        + ". Include "
        + includes
        + "; "
        + usage
        + "\ncategory=Data Processing"
        + "\nurl="
        + URL
        + "\narchitectures="
        + board.architectures()
        + "\nincludes="
        + includes
        + "\n"
        + (depends.isEmpty() ? "" : "depends=" + String.join(", ", depends) + "\n");
  }
}
