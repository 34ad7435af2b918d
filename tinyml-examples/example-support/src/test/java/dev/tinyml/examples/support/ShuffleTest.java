package dev.tinyml.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShuffleTest {

  @Test
  void sameSeedGivesSameOrderOfTheSameValues() {
    int[] a = {0, 1, 2, 3, 4, 5, 6, 7};
    int[] b = a.clone();
    Shuffle.inPlace(a, new Random(42));
    Shuffle.inPlace(b, new Random(42));

    assertThat(a).containsExactly(b).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void firstDrawPicksTheLastPlaceFromAllValues() {
    // Fisher-Yates from the end: the seed's first nextInt(3) says which value ends up last.
    int[] values = {10, 20, 30};
    int first = new Random(9).nextInt(3);
    Shuffle.inPlace(values, new Random(9));

    assertThat(values[2]).isEqualTo(new int[] {10, 20, 30}[first]);
  }
}
