package dev.tinyml.codegen;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link FirmwareGenerator} wrote.
 *
 * @param outputDirectory the output directory
 * @param files every file written, sorted
 * @param libraryZip the Arduino library zip
 * @param sketchDirectory the sketch folder
 * @param report the conversion report
 */
public record FirmwareResult(
    Path outputDirectory,
    List<Path> files,
    Path libraryZip,
    Path sketchDirectory,
    ConversionReport report) {

  /** Copies the list. */
  public FirmwareResult {
    files = List.copyOf(files);
  }
}
