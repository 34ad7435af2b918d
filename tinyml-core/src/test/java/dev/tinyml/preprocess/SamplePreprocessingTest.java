package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tinyml.testing.Fixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplePreprocessingTest {
  private static final Path YES_1S = Fixtures.path("audio/micro_speech/yes_1000ms.wav");
  private static final Path YES_30MS = Fixtures.path("audio/micro_speech/yes_30ms.wav");
  private static final Path RING = Fixtures.path("sensor/magic_wand/ring_accel_128x3.csv");
  private static final Path PERSON = Fixtures.path("images/person_detection/person.bmp");

  @Test
  void microFrontendFloatFeaturesQuantizeToTheRecordedInt8Frame() throws IOException {
    // micro_speech's evaluate_test quantizes the float features as trunc(f / 0.101715684 - 128).
    float[] f = SamplePreprocessing.microFrontend().samples(YES_30MS, new int[] {1, 40}).get(0);
    int[] expected =
        Arrays.stream(
                Files.readString(
                        Fixtures.path("audio/micro_speech/yes_30ms_expected_features_int8.csv"))
                    .trim()
                    .split(","))
            .mapToInt(Integer::parseInt)
            .toArray();

    assertThat(f).hasSize(40);
    for (int c = 0; c < 40; c++) {
      int q = (int) (f[c] / 0.101715684f - 128);
      assertThat(q).as("channel %d", c).isCloseTo(expected[c], within(1));
    }
  }

  @Test
  void microFrontendFeaturesOfOneSecondFillTheMicroSpeechInput() {
    float[] f =
        SamplePreprocessing.microFrontend().samples(YES_1S, new int[] {1, 49, 40, 1}).get(0);
    int[][] frontend =
        MicroFrontend.compute(MicroFrontendConfig.microSpeech(), 16000, Wav.read(YES_1S).toPcm16());

    assertThat(f).hasSize(1960);
    assertThat(f[48 * 40 + 7]).isEqualTo(frontend[48][7] / 25.6f);
  }

  @Test
  void audioOfTheWrongLengthNamesFileShapesAndTheClipLengthNeeded() {
    assertThatThrownBy(
            () -> SamplePreprocessing.microFrontend().samples(YES_30MS, new int[] {1, 1960}))
        .isInstanceOf(PreprocessException.class)
        .hasMessageContaining("yes_30ms.wav")
        .hasMessageContaining("micro-frontend features of shape [1, 40] (40 values)")
        .hasMessageContaining("model input has shape [1, 1960] (1960 values)")
        .hasMessageContaining("49 frames of 40 features")
        .hasMessageContaining("15840 to 16159 samples at 16000 Hz");
  }

  @Test
  void mfccOfOneSecondIsFortyNineFramesOfTenCoefficients() {
    float[] f = SamplePreprocessing.mfcc().samples(YES_1S, new int[] {1, 49, 10, 1}).get(0);
    AudioFeatures reference = AudioFeatures.compute(YES_1S, FeatureKind.MFCC);

    assertThat(f).hasSize(490);
    assertThat(Arrays.copyOfRange(f, 30, 40)).containsExactly(reference.frames()[3]);
  }

  @Test
  void logMelOfOneSecondIsFortyNineFramesOfFortyBands() {
    float[] f = SamplePreprocessing.logMel().samples(YES_1S, new int[] {49, 40}).get(0);
    AudioFeatures reference = AudioFeatures.compute(YES_1S, FeatureKind.LOG_MEL);

    assertThat(f).hasSize(1960);
    assertThat(Arrays.copyOfRange(f, 1920, 1960)).containsExactly(reference.frames()[48]);
  }

  @Test
  void grayscaleImageAtModelSizeIsOnlyNormalizedToZeroOne() {
    float[] f =
        SamplePreprocessing.image(ImageNormalization.ZERO_ONE)
            .samples(PERSON, new int[] {1, 96, 96, 1})
            .get(0);
    float[] pixels = PixelImage.read(PERSON).pixels();

    assertThat(f).hasSize(96 * 96);
    assertThat(f[1234]).isEqualTo(pixels[1234] / 255f);
    assertAllBetween(f, 0f, 1f);
  }

  @Test
  void grayscaleImageForAnRgbModelRepeatsGrayInMinusOneToOne() {
    float[] f =
        SamplePreprocessing.image(ImageNormalization.MINUS_ONE_ONE)
            .samples(PERSON, new int[] {1, 48, 48, 3})
            .get(0);

    assertThat(f).hasSize(48 * 48 * 3);
    assertAllBetween(f, -1f, 1f);
    for (int i = 0; i < f.length; i += 3) {
      assertThat(f[i + 1]).isEqualTo(f[i]);
      assertThat(f[i + 2]).isEqualTo(f[i]);
    }
  }

  @Test
  void wideImageIsCentreCroppedToTheModelsAspectRatioThenResized(@TempDir Path dir)
      throws IOException {
    // 40x20: red outer quarters, blue centre half; a square model sees only the blue centre.
    BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 40, 20);
    g.setColor(Color.BLUE);
    g.fillRect(10, 0, 20, 20);
    g.dispose();
    Path png = dir.resolve("wide.png");
    ImageIO.write(img, "png", png.toFile());

    float[] f =
        SamplePreprocessing.image(ImageNormalization.NONE)
            .samples(png, new int[] {1, 10, 10, 3})
            .get(0);

    assertThat(f).hasSize(300);
    for (int i = 0; i < f.length; i += 3) {
      assertThat(new float[] {f[i], f[i + 1], f[i + 2]}).containsExactly(0f, 0f, 255f);
    }
  }

  @Test
  void smallJpegIsEnlargedBilinearlyToTheModelInput(@TempDir Path dir) throws IOException {
    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(128, 128, 128));
    g.fillRect(0, 0, 8, 8);
    g.dispose();
    Path jpg = dir.resolve("gray.jpg");
    ImageIO.write(img, "jpg", jpg.toFile());

    float[] f =
        SamplePreprocessing.image(ImageNormalization.ZERO_ONE)
            .samples(jpg, new int[] {1, 16, 16})
            .get(0);

    assertThat(f).hasSize(256);
    assertAllBetween(f, 125f / 255f, 131f / 255f);
  }

  @Test
  void nonImageInputShapeIsRejectedWithTheShape() {
    assertThatThrownBy(
            () ->
                SamplePreprocessing.image(ImageNormalization.ZERO_ONE)
                    .samples(PERSON, new int[] {1, 96, 96, 4}))
        .hasMessageContaining("[1, 96, 96, 4] is not an image");
  }

  @Test
  void timeSeriesWindowDefaultsToTheWholeModelInput() {
    List<float[]> s = SamplePreprocessing.timeSeries(0, 0).samples(RING, new int[] {1, 128, 3, 1});

    assertThat(s).hasSize(1);
    assertThat(s.get(0)).containsExactly(TimeSeries.readCsv(RING).flatten());
  }

  @Test
  void timeSeriesSlidingWindowsStartEveryStrideRows() {
    float[][] rows = TimeSeries.readCsv(RING).rows();
    List<float[]> s = SamplePreprocessing.timeSeries(64, 32).samples(RING, new int[] {1, 64, 3});

    assertThat(s).hasSize(3); // windows at rows 0, 32, 64
    assertThat(Arrays.copyOfRange(s.get(2), 0, 3)).containsExactly(rows[64]);
    assertThat(Arrays.copyOfRange(s.get(2), 189, 192)).containsExactly(rows[127]);
  }

  @Test
  void timeSeriesWindowThatDoesNotFillTheInputIsAShapeError() {
    assertThatThrownBy(
            () -> SamplePreprocessing.timeSeries(100, 0).samples(RING, new int[] {1, 128, 3, 1}))
        .hasMessageContaining("ring_accel_128x3.csv gives windows of shape [100, 3] (300 values)")
        .hasMessageContaining("[1, 128, 3, 1] (384 values)");
  }

  @Test
  void timeSeriesShorterThanAWindowIsAnError() {
    assertThatThrownBy(
            () -> SamplePreprocessing.timeSeries(0, 0).samples(RING, new int[] {1, 256, 3}))
        .hasMessageContaining("has 128 rows, fewer than one window of 256 rows");
  }

  @Test
  void noneReadsNpyBatchesAndCsvLinesAsSamples(@TempDir Path dir) throws IOException {
    Path npy = dir.resolve("batch.npy");
    Npy.write(npy, NpyArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
    Path csv = Files.writeString(dir.resolve("rows.csv"), "0.5,1.5\n2.5,3.5\n");

    assertThat(SamplePreprocessing.none().samples(npy, new int[] {1, 2}))
        .containsExactly(new float[] {1, 2}, new float[] {3, 4}, new float[] {5, 6});
    assertThat(SamplePreprocessing.none().samples(csv, new int[] {1, 2}))
        .containsExactly(new float[] {0.5f, 1.5f}, new float[] {2.5f, 3.5f});
  }

  @Test
  void noneRejectsArraysThatAreNotWholeInputsWithBothShapes(@TempDir Path dir) throws IOException {
    Path npy = dir.resolve("odd.npy");
    Npy.write(npy, NpyArray.ofFloats(new float[] {1, 2, 3}, 3));

    assertThatThrownBy(() -> SamplePreprocessing.none().samples(npy, new int[] {1, 2}))
        .hasMessageContaining("odd.npy holds an array shape [3] (3 values)")
        .hasMessageContaining("[1, 2] (2 values)");
    assertThatThrownBy(() -> SamplePreprocessing.none().samples(RING, new int[] {1, 128, 3, 1}))
        .hasMessageContaining("has lines of shape [3]")
        .hasMessageContaining("use preprocessing time-series");
  }

  @Test
  void namesAreLookedUpWithTheirOptionsAndUnknownNamesListTheValidOnes() {
    assertThat(SamplePreprocessing.named(null, null, 0, 0)).isEqualTo(SamplePreprocessing.none());
    assertThat(SamplePreprocessing.named("Image", ImageNormalization.MINUS_ONE_ONE, 0, 0))
        .isEqualTo(SamplePreprocessing.image(ImageNormalization.MINUS_ONE_ONE));
    assertThat(SamplePreprocessing.named("time-series", null, 50, 25))
        .isEqualTo(SamplePreprocessing.timeSeries(50, 25));
    assertThat(SamplePreprocessing.named("mfcc", null, 0, 0).name()).isEqualTo("mfcc");
    assertThatThrownBy(() -> SamplePreprocessing.named("spectrum", null, 0, 0))
        .hasMessage(
            "Unknown preprocessing 'spectrum'; valid values are none, micro-frontend, mfcc,"
                + " log-mel, image, time-series");
    assertThatThrownBy(() -> ImageNormalization.fromId("0-255"))
        .hasMessage(
            "Unknown image normalization '0-255'; valid values are zero-one, minus-one-one, none");
  }

  private static void assertAllBetween(float[] values, float lo, float hi) {
    for (int i = 0; i < values.length; i++) {
      assertThat(values[i]).as("value %d", i).isBetween(lo, hi);
    }
  }
}
