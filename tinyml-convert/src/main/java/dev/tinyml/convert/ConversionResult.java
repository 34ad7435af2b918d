package dev.tinyml.convert;

import dev.tinyml.codegen.ConversionReport;
import dev.tinyml.codegen.Footprint;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a conversion wrote, or found already written.
 *
 * @param outputDirectory the output directory
 * @param files every file of the conversion, sorted
 * @param libraryZip the Arduino library zip
 * @param unchanged whether the conversion was skipped because nothing changed since the last one
 * @param report the report of this run; empty when skipped
 */
public record ConversionResult(
    Path outputDirectory,
    List<Path> files,
    Path libraryZip,
    boolean unchanged,
    Optional<ConversionReport> report) {

  /** Copies the list. */
  public ConversionResult {
    files = List.copyOf(files);
  }

  /**
   * The firmware's size against the board, from the report.
   *
   * @return the footprint; empty when skipped
   */
  public Optional<Footprint> footprint() {
    return report.map(ConversionReport::footprint);
  }
}
