package dev.tinyml.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * How a goal's file parameters and classpath resolve against the project it runs in, or against the
 * working directory when it runs without one.
 *
 * @param project the project, or null when Maven runs without one
 */
record ProjectFiles(MavenProject project) {

  /** Whether the goal runs in a project (rather than from the command line without a pom). */
  boolean inProject() {
    return project != null && project.getFile() != null;
  }

  /** Resolves a relative path against the project base directory (or the working directory). */
  Path path(File f) {
    if (f == null) {
      return null;
    }
    if (f.isAbsolute()) {
      return f.toPath().normalize();
    }
    File base = project != null && project.getBasedir() != null ? project.getBasedir() : null;
    return (base == null ? f.toPath().toAbsolutePath() : base.toPath().resolve(f.toPath()))
        .normalize();
  }

  /** The output directory, {@code target/tinyml} when Maven left its default unresolved. */
  Path outputDirectory(File configured) {
    // Without a project Maven leaves ${project.basedir} unresolved in the default value.
    if (configured != null && !configured.getPath().contains("${")) {
      return path(configured);
    }
    return path(new File("target/tinyml"));
  }

  /** The project's runtime classpath, empty without a project (only the plugin's own applies). */
  List<Path> runtimeClasspath() throws MojoExecutionException {
    if (!inProject()) {
      return List.of();
    }
    try {
      return project.getRuntimeClasspathElements().stream().map(Path::of).toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException(
          "The project's runtime classpath is not resolved: " + e.getMessage(), e);
    }
  }

  /**
   * The runtime classpath a user class named by a parameter loads from: empty when no class is
   * named (only the plugin's own classpath applies).
   */
  List<Path> runtimeClasspathFor(String className) throws MojoExecutionException {
    return className == null || className.isBlank() ? List.of() : runtimeClasspath();
  }
}
