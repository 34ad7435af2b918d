package dev.tinyml.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TflmGreedyPlacerTest {
  private static final int[] NONE = null;

  @Test
  void placesBuffersOfDisjointLifetimesAtTheSameOffset() {
    int[] offsets =
        TflmGreedyPlacer.place(new int[] {10, 20}, new int[] {0, 2}, new int[] {1, 3}, NONE);

    assertThat(offsets).containsExactly(0, 0);
    assertThat(TflmGreedyPlacer.size(new int[] {10, 20}, offsets)).isEqualTo(20);
  }

  @Test
  void placesLargestFirstEachAtTheLowestGapThatFits() {
    // TFLM's own "medium" case: sizes 10..50 over scopes 0..4.
    int[] sizes = {10, 20, 30, 40, 50};
    int[] offsets =
        TflmGreedyPlacer.place(sizes, new int[] {0, 1, 2, 3, 0}, new int[] {1, 2, 3, 4, 1}, NONE);

    assertThat(offsets).containsExactly(50, 70, 40, 0, 0);
    assertThat(TflmGreedyPlacer.size(sizes, offsets)).isEqualTo(90);
  }

  @Test
  void breaksSizeTiesInFavourOfTheBufferAddedLast() {
    int[] offsets =
        TflmGreedyPlacer.place(
            new int[] {16, 16, 16}, new int[] {0, 0, 0}, new int[] {1, 1, 1}, NONE);

    assertThat(offsets).containsExactly(32, 16, 0);
  }

  @Test
  void keepsOfflineOffsetsAndFitsOnlineBuffersAroundThem() {
    int[] offline = {32, TflmGreedyPlacer.ONLINE, TflmGreedyPlacer.ONLINE};
    int[] offsets =
        TflmGreedyPlacer.place(
            new int[] {16, 32, 16}, new int[] {0, 0, 0}, new int[] {1, 1, 1}, offline);

    // The fixed buffer holds [32, 48); the 32-byte buffer fits below it, the 16-byte one above.
    assertThat(offsets).containsExactly(32, 0, 48);
  }

  @Test
  void planOfNoBuffersIsEmpty() {
    assertThat(TflmGreedyPlacer.place(new int[0], new int[0], new int[0], NONE)).isEmpty();
    assertThat(TflmGreedyPlacer.size(new int[0], new int[0])).isZero();
  }
}
