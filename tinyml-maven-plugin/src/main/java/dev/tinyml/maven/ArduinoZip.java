package dev.tinyml.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Attaches the Arduino library zip to the project with classifier {@code arduino}, so that {@code
 * install} and {@code deploy} publish it.
 *
 * @param project the project, or null when Maven runs without one
 * @param helper Maven's attacher, or null when none was injected
 * @param log the goal's log
 */
record ArduinoZip(MavenProject project, MavenProjectHelper helper, Log log) {

  /** Attaches {@code zip}; without a project there is nothing to attach to, so it only returns. */
  void attach(Path zip) {
    if (!new ProjectFiles(project).inProject() || helper == null) {
      return;
    }
    if (!Files.isRegularFile(zip)) {
      log.warn("Arduino library zip " + zip + " is missing; nothing attached.");
      return;
    }
    helper.attachArtifact(project, "zip", "arduino", zip.toFile());
    log.info("tinyml:convert: attached " + zip.getFileName() + " (classifier arduino)");
  }
}
