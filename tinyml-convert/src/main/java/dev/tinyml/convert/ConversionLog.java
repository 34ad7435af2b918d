package dev.tinyml.convert;

/**
 * Where a conversion reports what it does: sample counts, skipped files, settings that have no
 * effect. The Maven goal forwards these lines to the build log.
 */
public interface ConversionLog {
  /**
   * A progress or result line.
   *
   * @param message the line
   */
  void info(String message);

  /**
   * Something the user should look at that does not stop the conversion.
   *
   * @param message the line
   */
  void warn(String message);

  /**
   * A log that drops every line.
   *
   * @return the log
   */
  static ConversionLog silent() {
    return new ConversionLog() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {}
    };
  }
}
