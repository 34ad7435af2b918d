package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDirectoryTest {
  private static final int[] MICRO_SPEECH_INPUT = {1, 49, 40, 1};

  private static void copy(String fixture, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(Fixtures.path(fixture), to);
  }

  @Test
  void classSubfoldersAreReadRecursivelyInPathOrder(@TempDir Path dir) throws IOException {
    copy("audio/micro_speech/yes_1000ms.wav", dir.resolve("yes/a.wav"));
    copy("audio/micro_speech/no_1000ms.wav", dir.resolve("no/b.wav"));
    copy("audio/micro_speech/silence_1000ms.wav", dir.resolve("_background/c.wav"));

    SampleDirectory.Samples s =
        SampleDirectory.read(dir, SamplePreprocessing.microFrontend(), MICRO_SPEECH_INPUT);

    assertThat(s.files()).containsExactly("_background/c.wav", "no/b.wav", "yes/a.wav");
    assertThat(s.samples()).hasSize(3);
    assertThat(s.samples().get(2))
        .containsExactly(
            SamplePreprocessing.microFrontend()
                .samples(dir.resolve("yes/a.wav"), MICRO_SPEECH_INPUT)
                .get(0));
    assertThat(s.skipped()).isEmpty();
  }

  @Test
  void otherFilesAreSkippedAndListedHiddenOnesIgnored(@TempDir Path dir) throws IOException {
    copy("audio/micro_speech/yes_1000ms.wav", dir.resolve("yes.wav"));
    Files.writeString(dir.resolve("README.txt"), "clips");
    Files.writeString(dir.resolve(".DS_Store"), "x");
    copy("audio/micro_speech/no_1000ms.wav", dir.resolve(".cache/no.wav"));

    SampleDirectory.Samples s =
        SampleDirectory.read(dir, SamplePreprocessing.microFrontend(), MICRO_SPEECH_INPUT);

    assertThat(s.files()).containsExactly("yes.wav");
    assertThat(s.skipped()).containsExactly("README.txt");
  }

  @Test
  void emptyDirectoryNamesTheDirectoryAndTheExtensions(@TempDir Path dir) {
    assertThatThrownBy(() -> SampleDirectory.read(dir, SamplePreprocessing.none(), new int[] {1}))
        .isInstanceOf(PreprocessException.class)
        .hasMessage(
            "The directory " + dir + " is empty; preprocessing none reads .npy, .csv files.");
  }

  @Test
  void directoryWithoutUsableFilesSuggestsAPreprocessing(@TempDir Path dir) throws IOException {
    copy("audio/micro_speech/yes_1000ms.wav", dir.resolve("yes.wav"));

    assertThatThrownBy(() -> SampleDirectory.read(dir, SamplePreprocessing.none(), new int[] {1}))
        .hasMessageContaining("No usable samples in " + dir)
        .hasMessageContaining("preprocessing none reads .npy, .csv files")
        .hasMessageContaining("holds only yes.wav")
        .hasMessageContaining("use preprocessing micro-frontend, mfcc or log-mel");
  }

  @Test
  void imagesAndTimeSeriesFromFixtureDirectories() {
    SampleDirectory.Samples images =
        SampleDirectory.read(
            Fixtures.path("images/person_detection"),
            SamplePreprocessing.image(ImageNormalization.MINUS_ONE_ONE),
            new int[] {1, 96, 96, 1});
    SampleDirectory.Samples gestures =
        SampleDirectory.read(
            Fixtures.path("sensor/magic_wand"),
            SamplePreprocessing.timeSeries(0, 0),
            new int[] {1, 128, 3, 1});

    assertThat(images.files()).containsExactly("no_person.bmp", "person.bmp");
    assertThat(gestures.files()).containsExactly("ring_accel_128x3.csv", "slope_accel_128x3.csv");
    assertThat(gestures.samples()).hasSize(2).allSatisfy(v -> assertThat(v).hasSize(384));
  }

  @Test
  void missingDirectoryIsNamed(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                SampleDirectory.read(
                    dir.resolve("nope"), SamplePreprocessing.none(), new int[] {1}))
        .hasMessage("No such directory " + dir.resolve("nope"));
  }

  private static float[] values(int n, float scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = scale * (i % 7 - 3);
    }
    return v;
  }

  @Test
  void fiftyFloat32SamplesWithTheBatchDimensionGiveNoWarning(@TempDir Path dir) throws Exception {
    Npy.write(dir.resolve("batch.npy"), NpyArray.ofFloats(values(50 * 5, 0.1f), 50, 5));

    SampleDirectory.Samples s =
        SampleDirectory.read(dir, SamplePreprocessing.none(), new int[] {1, 5});

    assertThat(s.samples()).hasSize(50);
    assertThat(s.warnings()).isEmpty();
  }

  @Test
  void fewerThanFiftySamplesAreWarnedAbout(@TempDir Path dir) throws Exception {
    Npy.write(dir.resolve("one.npy"), NpyArray.ofFloats(values(5, 0.1f), 1, 5));

    SampleDirectory.Samples s =
        SampleDirectory.read(dir, SamplePreprocessing.none(), new int[] {1, 5});

    assertThat(s.warnings())
        .singleElement()
        .satisfies(
            w -> assertThat(w).startsWith("only 1 sample in ").contains("fewer than about 50"));
  }

  @Test
  void float64ArraysAndArraysWithoutTheBatchDimensionAreNamedWithWhatWasConverted(@TempDir Path dir)
      throws Exception {
    double[] d = new double[5];
    Npy.write(dir.resolve("a.npy"), NpyArray.ofDoubles(d, 1, 5));
    Npy.write(dir.resolve("b.npy"), NpyArray.ofFloats(values(5, 0.1f), 5));

    SampleDirectory.Samples s =
        SampleDirectory.read(dir, SamplePreprocessing.none(), new int[] {1, 5});

    assertThat(s.warnings())
        .contains(
            "a.npy: float64 values (<f8) converted to float32",
            "b.npy: shape [5] read as 1 sample(s) of the input shape [1, 5] (no batch dimension)");
  }
}
