package dev.tinyml.codegen.c;

import dev.tinyml.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The C micro frontend for one configuration: file name to text, all to be placed in one directory
 * and {@code tinyml_frontend.c} compiled with the rest of the program.
 *
 * @param files {@code tinyml_frontend.h}, {@code tinyml_frontend.c}, the generated {@code
 *     tinyml_frontend_config.h} (sizes and constants), {@code tinyml_frontend_tables.inc} (the
 *     const tables) and {@code tinyml_signal_math.h} (the maths shared with the c backend's
 *     signal-library kernels), in that order
 */
public record CFrontendSources(Map<String, String> files) {
  /** The file a program compiles. */
  public static final String SOURCE = "tinyml_frontend.c";

  /** The header of the integer maths the frontend shares with the c backend's signal kernels. */
  public static final String SHARED_MATH = "tinyml_signal_math.h";

  /** The header a program includes. */
  public static final String HEADER = "tinyml_frontend.h";

  /** Keeps an unmodifiable copy, in the given order. */
  public CFrontendSources {
    files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
  }

  /**
   * Writes every file into {@code dir}, each atomically.
   *
   * @param dir an existing directory
   * @throws IOException if a file cannot be written
   */
  public void writeTo(Path dir) throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      AtomicFiles.write(dir.resolve(f.getKey()), f.getValue());
    }
  }
}
