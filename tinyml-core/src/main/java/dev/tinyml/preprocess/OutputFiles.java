package dev.tinyml.preprocess;

import dev.tinyml.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Writes output files whole or not at all, with the umask's permissions. */
final class OutputFiles {
  private OutputFiles() {}

  static void write(Path file, byte[] bytes) throws IOException {
    AtomicFiles.write(file, bytes);
  }
}
