package dev.tinyml.codegen;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes files so that a reader never sees a half-written one, with the permissions the umask
 * gives; the same as {@link dev.tinyml.io.AtomicFiles}, under the name code generation has always
 * used.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to {@code target}, creating parent directories.
   *
   * @param target the file to (re)place
   * @param bytes its content
   * @throws IOException when writing fails; the target is then unchanged
   */
  public static void write(Path target, byte[] bytes) throws IOException {
    dev.tinyml.io.AtomicFiles.write(target, bytes);
  }

  /**
   * Writes text as UTF-8.
   *
   * @param target the file to (re)place
   * @param text its content
   * @throws IOException when writing fails; the target is then unchanged
   */
  public static void write(Path target, String text) throws IOException {
    dev.tinyml.io.AtomicFiles.write(target, text);
  }
}
