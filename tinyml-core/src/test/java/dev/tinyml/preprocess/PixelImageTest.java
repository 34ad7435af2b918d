package dev.tinyml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tinyml.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PixelImageTest {

  @Test
  void personBmpBytesAreTheRecordedPersonDetectInput() throws IOException {
    // person.bmp's bytes are int8 values stored as uint8; the recorded input holds them as-is in
    // the file's (bottom-up) row order.
    PixelImage image = PixelImage.read(Fixtures.path("images/person_detection/person.bmp"));

    assertThat(image.width()).isEqualTo(96);
    assertThat(image.channels()).isEqualTo(1);
    assertThat(image.flipVertical().toBytes())
        .isEqualTo(Files.readAllBytes(Fixtures.path("expected/person_detect/person.input0.bin")));
  }

  @Test
  void noPersonBmpQuantizedWithZeroPointMinus128IsTheRecordedInput() throws IOException {
    PixelImage image = PixelImage.read(Fixtures.path("images/person_detection/no_person.bmp"));

    byte[] input = image.flipVertical().quantize(new InputQuantization(1f, -128, true));

    assertThat(input)
        .isEqualTo(
            Files.readAllBytes(Fixtures.path("expected/person_detect/no_person.input0.bin")));
  }

  @Test
  void bmpIsReadTopDownFromBottomUpRows() throws IOException {
    byte[] file = Files.readAllBytes(Fixtures.path("images/person_detection/no_person.bmp"));
    PixelImage image = PixelImage.read(Fixtures.path("images/person_detection/no_person.bmp"));

    // The file's last stored row (offset 1078 + 95*96) is the image's top row.
    for (int x = 0; x < 96; x++) {
      assertThat(image.pixels()[x]).isEqualTo(file[1078 + 95 * 96 + x] & 0xFF);
    }
  }

  @Test
  void flipVerticalMirrorsRows() {
    PixelImage img = new PixelImage(1, 3, 1, new float[] {1, 2, 3});

    assertThat(img.flipVertical().pixels()).containsExactly(3, 2, 1);
  }

  @Test
  void decodesPngAndJpegAsRgb(@TempDir Path dir) throws IOException {
    BufferedImage rgb = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
    rgb.setRGB(0, 0, 0xFF0000);
    rgb.setRGB(3, 1, 0x00FF80);
    Path png = dir.resolve("a.png");
    ImageIO.write(rgb, "png", png.toFile());
    Path jpg = dir.resolve("a.jpg");
    ImageIO.write(rgb, "jpg", jpg.toFile());

    PixelImage p = PixelImage.read(png);
    PixelImage j = PixelImage.read(jpg);

    assertThat(p.channels()).isEqualTo(3);
    assertThat(p.pixels()).startsWith(255f, 0f, 0f);
    assertThat(p.pixels()[(1 * 4 + 3) * 3 + 2]).isEqualTo(128f);
    assertThat(j.width()).isEqualTo(4);
    assertThat(j.channels()).isEqualTo(3);
  }

  @Test
  void unreadableImagesAreNamed(@TempDir Path dir) throws IOException {
    Path text = dir.resolve("x.png");
    Files.writeString(text, "not an image");

    assertThatThrownBy(() -> PixelImage.read(text)).hasMessageContaining("Cannot decode image");
    assertThatThrownBy(() -> PixelImage.read(dir.resolve("none.png")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void grayscaleUsesBt601Weights() {
    PixelImage rgb = new PixelImage(2, 1, 3, new float[] {255, 0, 0, 10, 200, 30});

    assertThat(rgb.toGrayscale().pixels()).containsExactly(76f, 124f);
    assertThat(rgb.toGrayscale().toRgb().pixels()).containsExactly(76f, 76f, 76f, 124f, 124f, 124f);
  }

  @Test
  void bilinearResizeUsesHalfPixelCentres() {
    PixelImage row = new PixelImage(2, 1, 1, new float[] {0, 100});

    // Output x samples input (x + 0.5) * 2/4 - 0.5: -0.25 -> 0, 0.25, 0.75, 1.25 -> 1.
    assertThat(row.resize(4, 1, PixelImage.Interpolation.BILINEAR).pixels())
        .containsExactly(new float[] {0, 25, 75, 100}, within(1e-4f));
  }

  @Test
  void areaResizeAveragesTheCoveredPixels() {
    PixelImage img = new PixelImage(4, 2, 1, new float[] {0, 10, 20, 30, 40, 50, 60, 70});

    assertThat(img.resize(2, 1, PixelImage.Interpolation.AREA).pixels())
        .containsExactly(new float[] {25, 45}, within(1e-4f));
    PixelImage three = new PixelImage(3, 1, 1, new float[] {0, 30, 60});
    // Two outputs of 1.5 pixels each: (0 + 0.5*30)/1.5 = 10 and (0.5*30 + 60)/1.5 = 50.
    assertThat(three.resize(2, 1, PixelImage.Interpolation.AREA).pixels())
        .containsExactly(new float[] {10, 50}, within(1e-4f));
  }

  @Test
  void centerCropTakesTheMiddle() {
    float[] px = new float[25];
    for (int i = 0; i < 25; i++) {
      px[i] = i;
    }

    PixelImage crop = new PixelImage(5, 5, 1, px).centerCrop(3, 2);

    assertThat(crop.pixels()).containsExactly(6, 7, 8, 11, 12, 13);
    assertThatThrownBy(() -> new PixelImage(5, 5, 1, px).centerCrop(6, 1))
        .hasMessageContaining("Cannot crop 6x1 out of a 5x5 image");
  }

  @Test
  void normalizeMapsToTheWantedRange() {
    PixelImage img = new PixelImage(1, 1, 3, new float[] {0, 127.5f, 255});

    assertThat(img.normalize(new float[] {127.5f}, new float[] {127.5f}).pixels())
        .containsExactly(-1f, 0f, 1f);
  }

  @Test
  void rgb565WidensEachChannelToFullScale() {
    // 0xF800 red, 0x07E0 green, 0x001F blue, big-endian.
    byte[] data = {(byte) 0xF8, 0, 0x07, (byte) 0xE0, 0, 0x1F};

    PixelImage img = PixelImage.fromRgb565(data, 3, 1, true);

    assertThat(img.pixels()).containsExactly(255, 0, 0, 0, 255, 0, 0, 0, 255);
    byte[] little = {0, (byte) 0xF8};
    assertThat(PixelImage.fromRgb565(little, 1, 1, false).pixels()).containsExactly(255, 0, 0);
  }

  @Test
  void yuv422GivesLumaOrBt601Rgb() {
    byte[] yuyv = {(byte) 200, (byte) 128, 50, (byte) 128, 76, 85, 76, (byte) 255};

    assertThat(PixelImage.fromYuv422(yuyv, 4, 1, true).pixels()).containsExactly(200, 50, 76, 76);
    PixelImage rgb = PixelImage.fromYuv422(yuyv, 4, 1, false);
    assertThat(rgb.pixels()).startsWith(200, 200, 200, 50, 50, 50);
    // Y=76, U=85-128, V=255-128 is close to pure red in full-range BT.601.
    assertThat(rgb.pixels()[6]).isGreaterThan(240f);
    assertThat(rgb.pixels()[7]).isLessThan(15f);
    assertThatThrownBy(() -> PixelImage.fromYuv422(new byte[6], 3, 1, true))
        .hasMessageContaining("even width");
  }

  @Test
  void quantizationRoundsHalfAwayFromZeroAndClamps() {
    InputQuantization q = new InputQuantization(0.5f, 0, true);

    assertThat(q.quantize(new float[] {0.25f, -0.25f, 100f, -100f, 0.74f}))
        .containsExactly(1, -1, 127, -128, 1);
    InputQuantization u = new InputQuantization(1f / 255, 0, false);
    assertThat(u.quantize(1f) & 0xFF).isEqualTo(255);
    assertThat(u.dequantize((byte) 255)).isCloseTo(1f, within(1e-6f));
    assertThatThrownBy(() -> new InputQuantization(1f, 300, false))
        .hasMessageContaining("Zero point 300");
  }
}
