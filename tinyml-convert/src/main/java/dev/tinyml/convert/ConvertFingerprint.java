package dev.tinyml.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A SHA-256 over everything a conversion depends on (input files and configuration), stored in the
 * output directory with the list of files the conversion wrote, so an unchanged second run can skip
 * the work.
 */
final class ConvertFingerprint {
  /** The stamp file in the output directory. */
  static final String STAMP = ".tinyml-convert.sha256";

  private final MessageDigest digest;

  ConvertFingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Adds configuration values, in key order. */
  ConvertFingerprint config(Map<String, String> values) {
    new TreeMap<>(values)
        .forEach((k, v) -> text("config:" + k + "=" + (v == null ? "<unset>" : v)));
    return this;
  }

  /** Adds a file or every file under a directory: relative path and content. */
  ConvertFingerprint path(String role, Path path) throws IOException {
    if (path == null || !Files.exists(path)) {
      return text(role + ":<absent>");
    }
    if (Files.isRegularFile(path)) {
      text(role + ":" + path.getFileName());
      digest.update(Files.readAllBytes(path));
      return this;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(path)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      text(role + ":" + path.relativize(f).toString().replace('\\', '/'));
      digest.update(Files.readAllBytes(f));
    }
    return this;
  }

  private ConvertFingerprint text(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    digest.update((byte) (b.length >>> 24));
    digest.update((byte) (b.length >>> 16));
    digest.update((byte) (b.length >>> 8));
    digest.update((byte) b.length);
    digest.update(b);
    return this;
  }

  /** The hex digest; the fingerprint cannot be used afterwards. */
  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The stamp text: the hash, then the written files relative to the output directory. */
  static String stamp(String hash, Path outputDirectory, List<Path> files) {
    SortedMap<String, Boolean> rel = new TreeMap<>();
    for (Path f : files) {
      rel.put(outputDirectory.relativize(f).toString().replace('\\', '/'), true);
    }
    return hash + "\n" + String.join("\n", rel.keySet()) + "\n";
  }

  /** The files a stamp lists, resolved against {@code outputDirectory}. */
  static List<Path> files(Path outputDirectory) throws IOException {
    List<String> lines = Files.readAllLines(outputDirectory.resolve(STAMP), StandardCharsets.UTF_8);
    List<Path> files = new ArrayList<>();
    for (String f : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (!f.isBlank()) {
        files.add(outputDirectory.resolve(f));
      }
    }
    return files;
  }

  /** Whether the stamp in {@code outputDirectory} has {@code hash} and all its files exist. */
  static boolean upToDate(Path outputDirectory, String hash) throws IOException {
    Path stamp = outputDirectory.resolve(STAMP);
    if (!Files.isRegularFile(stamp)) {
      return false;
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(stamp, StandardCharsets.UTF_8));
    if (lines.isEmpty() || !lines.get(0).equals(hash)) {
      return false;
    }
    for (String f : lines.subList(1, lines.size())) {
      if (!f.isBlank() && !Files.isRegularFile(outputDirectory.resolve(f))) {
        return false;
      }
    }
    return true;
  }
}
