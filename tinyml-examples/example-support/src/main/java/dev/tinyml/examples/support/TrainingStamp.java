package dev.tinyml.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decides whether a SavedModel is up to date: a SHA-256 over the training data files and a recipe
 * string (network, hyper-parameters, feature settings) is stored beside the model after training;
 * training is skipped while both are unchanged and the model is still there.
 */
public final class TrainingStamp {

  private final Path stampFile;
  private final String digest;

  private TrainingStamp(Path stampFile, String digest) {
    this.stampFile = stampFile;
    this.digest = digest;
  }

  /**
   * The stamp of the given data and recipe.
   *
   * @param stampFile where the stamp is kept
   * @param dataRoots files or directories whose regular files are training data
   * @param recipe everything else that changes the trained model
   */
  public static TrainingStamp of(Path stampFile, List<Path> dataRoots, String recipe) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(recipe.getBytes(StandardCharsets.UTF_8));
      for (Path root : dataRoots) {
        if (!Files.exists(root)) {
          throw new IllegalArgumentException("training data " + root + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
          sha.update(
              root.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
          sha.update(Files.readAllBytes(file));
        }
      }
      return new TrainingStamp(stampFile, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read training data: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Whether {@code savedModel} exists and was trained from exactly this data and recipe. */
  public boolean upToDate(Path savedModel) {
    try {
      return Files.isRegularFile(savedModel.resolve("saved_model.pb"))
          && Files.isRegularFile(stampFile)
          && Files.readString(stampFile, StandardCharsets.UTF_8).trim().equals(digest);
    } catch (IOException e) {
      return false;
    }
  }

  /** Records that the model now matches this data and recipe. */
  public void write() {
    try {
      Files.createDirectories(stampFile.toAbsolutePath().getParent());
      Path tmp = stampFile.resolveSibling(stampFile.getFileName() + ".tmp");
      Files.writeString(tmp, digest + "\n", StandardCharsets.UTF_8);
      Files.move(
          tmp, stampFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + stampFile + ": " + e.getMessage(), e);
    }
  }

  /** The hex digest. */
  public String digest() {
    return digest;
  }
}
