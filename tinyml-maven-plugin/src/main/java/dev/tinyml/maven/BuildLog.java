package dev.tinyml.maven;

import dev.tinyml.convert.ConversionLog;
import org.apache.maven.plugin.logging.Log;

/**
 * The conversion library's lines in the build log; progress lines say which goal wrote them.
 *
 * @param log the goal's log
 * @param goal the goal's name as progress lines show it, e.g. {@code tinyml:convert}
 */
record BuildLog(Log log, String goal) implements ConversionLog {
  @Override
  public void info(String message) {
    log.info(goal + ": " + message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }
}
