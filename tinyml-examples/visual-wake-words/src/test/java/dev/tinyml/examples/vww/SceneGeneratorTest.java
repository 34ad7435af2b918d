package dev.tinyml.examples.vww;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SceneGeneratorTest {

  @Test
  void sameSeedDrawsTheSameScene() {
    BufferedImage a = new SceneGenerator(1).render(true);
    BufferedImage b = new SceneGenerator(1).render(true);
    assertThat(a.getWidth()).isEqualTo(96);
    assertThat(a.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 96; y++) {
      for (int x = 0; x < 96; x++) {
        assertThat(a.getRaster().getSample(x, y, 0)).isEqualTo(b.getRaster().getSample(x, y, 0));
      }
    }
  }

  @Test
  void committedSplitsHaveBothClassesAtTheDocumentedSizes() {
    VwwData test = VwwData.read(Path.of("data", "test"));
    assertThat(test.size()).isEqualTo(2 * SceneGenerator.TEST_PER_CLASS);
    long persons = java.util.Arrays.stream(test.labels()).filter(l -> l == 1).count();
    assertThat(persons).isEqualTo(SceneGenerator.TEST_PER_CLASS);
    assertThat(test.pixels()[0]).hasSize(96 * 96);
  }
}
