package dev.tinyml.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader never sees a half-written one: a temporary file beside the target,
 * then a rename. The temporary file is created like any new file, so the result has the permissions
 * the umask gives (0644 under umask 022); {@code Files.createTempFile} is not used because its
 * owner-only permissions (0600) would stay on the renamed file, and CI artifact uploads or other
 * users could not read it.
 */
public final class AtomicFiles {
  private static final int NAME_ATTEMPTS = 100;

  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to {@code target}, creating parent directories.
   *
   * @param target the file to (re)place
   * @param bytes its content
   * @throws IOException when writing fails; the target is then unchanged and no temporary file is
   *     left behind
   */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path file = target.toAbsolutePath();
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path tmp = createSibling(file);
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
        out.write(bytes);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Writes text as UTF-8.
   *
   * @param target the file to (re)place
   * @param text its content
   * @throws IOException when writing fails; the target is then unchanged
   */
  public static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Creates a new, empty, hidden sibling of {@code file} with a name no other writer uses. */
  private static Path createSibling(Path file) throws IOException {
    FileAlreadyExistsException last = null;
    for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
      Path tmp =
          file.resolveSibling(
              "."
                  + file.getFileName()
                  + "."
                  + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                  + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        last = e;
      }
    }
    throw last;
  }
}
