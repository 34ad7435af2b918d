package dev.tinyml.examples.vww;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VwwModelTest {

  @Test
  void separableBlockCostsWhatTheCourseFormulaSays() {
    // First block: 3x3 depthwise over 48x48x8, then 1x1 to 16 channels.
    var rows = VwwModel.network().summary();
    assertThat(rows.get(1).kind()).isEqualTo("dw");
    long separable = rows.get(1).macs() + rows.get(2).macs();
    assertThat(separable).isEqualTo(3L * 3 * 8 * 48 * 48 + 8L * 16 * 48 * 48);
    var standard = VwwModel.standardEquivalent().summary();
    assertThat(standard.get(1).macs()).isEqualTo(3L * 3 * 8 * 16 * 48 * 48);
  }

  @Test
  void widthMultiplierQuartersMobileNetChannels() {
    assertThat(VwwModel.channels(32)).isEqualTo(8);
    assertThat(VwwModel.channels(256)).isEqualTo(64);
    assertThat(VwwModel.network().outputSize()).isEqualTo(2);
  }

  @Test
  void separableNetworkIsAboutSevenTimesCheaper() {
    assertThat(VwwModel.network().parameterCount()).isEqualTo(9_746);
    assertThat(VwwModel.standardEquivalent().parameterCount()).isEqualTo(70_690);
    assertThat(VwwModel.network().macCount()).isEqualTo(2_264_960);
    assertThat(VwwModel.standardEquivalent().macCount()).isEqualTo(14_764_160);
  }

  @Test
  void identityTransformKeepsThePicture() {
    float[] image = new float[SceneGenerator.SIZE * SceneGenerator.SIZE];
    for (int i = 0; i < image.length; i++) {
      image[i] = (i % 97) / 96f;
    }
    float[] same = VwwData.transform(image, false, 0, 0, 1f, 0f);
    for (int i = 0; i < image.length; i++) {
      assertThat(same[i]).isCloseTo(image[i], org.assertj.core.data.Offset.offset(1e-6f));
    }
    float[] mirrored = VwwData.transform(image, true, 0, 0, 1f, 0f);
    assertThat(mirrored[0]).isEqualTo(image[SceneGenerator.SIZE - 1]);
  }
}
