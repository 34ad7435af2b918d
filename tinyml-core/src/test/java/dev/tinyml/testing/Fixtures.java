package dev.tinyml.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the shared fixtures ({@code ../shared/fixtures} beside the project root) for tests. They
 * are read in place and never copied into the repository.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The fixtures root; fails the test, naming the path looked at, when it is absent. */
  public static Path root() {
    Path root = locate();
    if (!Files.isDirectory(root)) {
      fail(
          "This test needs the shared fixtures at "
              + root.toAbsolutePath().normalize()
              + " (../shared/fixtures beside the project root, or -Dtinyml.fixtures=DIR).");
    }
    return root;
  }

  /** A file or directory under the fixtures root, which must exist. */
  public static Path path(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      fail("Missing fixture " + relative + " under " + root().toAbsolutePath().normalize());
    }
    return p;
  }

  /** Every file under {@code relativeDir} whose name ends with {@code suffix}, sorted by path. */
  public static List<Path> files(String relativeDir, String suffix) {
    try (Stream<Path> s = Files.walk(path(relativeDir))) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path locate() {
    String configured = System.getProperty("tinyml.fixtures");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    // Run from an IDE: walk up from the working directory to the project root (the one with mvnw).
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    return (dir == null ? Path.of("..") : dir).resolve("../shared/fixtures").normalize();
  }
}
