package dev.tinyml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  /** The permissions the process's umask gives a new file in {@code dir}. */
  static Set<PosixFilePermission> umaskPermissions(Path dir) throws IOException {
    Path probe = Files.createFile(dir.resolve("probe-" + System.nanoTime()));
    try {
      return Files.getPosixFilePermissions(probe);
    } finally {
      Files.delete(probe);
    }
  }

  @Test
  void aWrittenFileHasTheUmasksPermissionsNotOwnerOnly(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("out/model.cc");

    AtomicFiles.write(target, "const int x = 1;\n");

    assertThat(Files.getPosixFilePermissions(target)).isEqualTo(umaskPermissions(dir));
    if (umaskPermissions(dir).contains(PosixFilePermission.OTHERS_READ)) {
      // Under umask 022 that is 0644: readable by CI artifact uploads and other users.
      assertThat(Files.getPosixFilePermissions(target))
          .contains(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    }
  }

  @Test
  void replacingAFileKeepsOnlyTheNewContentAndNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("report.md");
    AtomicFiles.write(target, "old");

    AtomicFiles.write(target, "new");

    assertThat(target).hasContent("new");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aFailedWriteLeavesTheTargetUnchanged(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("model.h");
    AtomicFiles.write(target, "kept");
    Path blocked = dir.resolve("model.h/inner.txt");

    assertThatThrownBy(() -> AtomicFiles.write(blocked, "x")).isInstanceOf(IOException.class);
    assertThat(target).hasContent("kept");
  }
}
