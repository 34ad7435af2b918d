package dev.tinyml.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixturesTest {
  @Test
  void findsTheSharedManifestBesideTheProject() {
    assertThat(Fixtures.path("MANIFEST.md")).isRegularFile();
  }

  @Test
  void listsEveryTfliteFixture() {
    assertThat(Fixtures.files("tflite", ".tflite")).hasSizeGreaterThanOrEqualTo(13);
  }
}
