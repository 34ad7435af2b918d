package dev.tinyml.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.tflite.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArenaPlannerTest {

  /** A lifetime set where placing by size first wastes 16 bytes: greedy 128, optimum 112. */
  private static List<ArenaBuffer> greedyMissesTheOptimum() {
    return List.of(
        ArenaBuffer.tensor(0, 0, 64, 1, 1),
        ArenaBuffer.tensor(0, 1, 64, 4, 6),
        ArenaBuffer.tensor(0, 2, 32, 3, 5),
        ArenaBuffer.tensor(0, 3, 32, 1, 3),
        ArenaBuffer.tensor(0, 4, 16, 4, 5));
  }

  @Test
  void compactPlanReachesTheOptimumWhereGreedyDoesNot() {
    List<ArenaBuffer> buffers = greedyMissesTheOptimum();

    assertThat(ArenaPlanner.tflmGreedy(buffers).totalBytes()).isEqualTo(128);
    ArenaPlan ours = ArenaPlanner.planned(buffers, List.of());
    assertThat(ours.totalBytes()).isEqualTo(112);
    assertThat(
            new CompactPlacer(sizes(buffers), first(buffers), last(buffers), List.of())
                .isValid(ours.offsets()))
        .isTrue();
  }

  @Test
  void compactPlanIsNeverLargerThanGreedyOnRandomLifetimes() {
    SplittableRandom random = new SplittableRandom(42);
    for (int trial = 0; trial < 300; trial++) {
      List<ArenaBuffer> buffers = new ArrayList<>();
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        int start = random.nextInt(8);
        buffers.add(
            ArenaBuffer.tensor(0, i, 1 + random.nextInt(200), start, start + random.nextInt(4)));
      }
      ArenaPlan greedy = ArenaPlanner.tflmGreedy(buffers);
      ArenaPlan ours = ArenaPlanner.planned(buffers, List.of());
      CompactPlacer check =
          new CompactPlacer(sizes(buffers), first(buffers), last(buffers), List.of());

      assertThat(ours.totalBytes()).isLessThanOrEqualTo(greedy.totalBytes());
      assertThat(ours.totalBytes()).isGreaterThanOrEqualTo(check.lowerBound());
      assertThat(check.isValid(ours.offsets())).as("plan %s of %s", ours, buffers).isTrue();
      assertThat(check.isValid(greedy.offsets())).isTrue();
    }
  }

  @Test
  void allowedOverlapLetsAnOutputStartBelowItsInput() {
    // Input 64 bytes (scopes 0-1) read by the operator of scope 1, whose output (96 bytes) may
    // start
    // 48 bytes below the input: both fit in 48 + 64 = 112 bytes instead of 160.
    List<ArenaBuffer> buffers =
        List.of(ArenaBuffer.tensor(0, 0, 64, 0, 1), ArenaBuffer.tensor(0, 1, 96, 1, 2));
    List<InPlaceOverlap> overlaps = List.of(new InPlaceOverlap(0, 1, 48, false, "test"));

    ArenaPlan ours = ArenaPlanner.planned(buffers, overlaps);

    assertThat(ArenaPlanner.tflmGreedy(buffers).totalBytes()).isEqualTo(160);
    assertThat(ours.totalBytes()).isEqualTo(112);
    assertThat(ours.offset(0) - ours.offset(1)).isEqualTo(48);
    assertThat(ours.overlaps()).hasSize(1);
  }

  @Test
  void exactOverlapAllowsSharingTheSameStartButNotAHalfOverlap() {
    List<ArenaBuffer> buffers =
        List.of(ArenaBuffer.tensor(0, 0, 64, 0, 1), ArenaBuffer.tensor(0, 1, 64, 1, 2));
    List<InPlaceOverlap> exact = List.of(new InPlaceOverlap(0, 1, 0, true, "reshape"));
    List<InPlaceOverlap> atLeast = List.of(new InPlaceOverlap(0, 1, 0, false, "relu"));
    int[] sizes = sizes(buffers);

    ArenaPlan ours = ArenaPlanner.planned(buffers, exact);

    assertThat(ours.totalBytes()).isEqualTo(64);
    assertThat(ours.offset(0)).isEqualTo(ours.offset(1));
    assertThat(
            new CompactPlacer(sizes, first(buffers), last(buffers), exact)
                .isValid(new int[] {16, 0}))
        .isFalse();
    assertThat(
            new CompactPlacer(sizes, first(buffers), last(buffers), atLeast)
                .isValid(new int[] {16, 0}))
        .isTrue();
  }

  @Test
  void tinyModelGreedyPlanMatchesHandComputedOffsets() {
    Model model = TinyModels.convReluReshape();

    ArenaPlan greedy = ArenaPlanner.tflmGreedy(model);

    // Sizes 32, 64, 64, 64; ties go to the buffer added last, so t6 and t3 share offset 0.
    assertThat(greedy.tensorOffset(0, 0)).isEqualTo(64);
    assertThat(greedy.tensorOffset(0, 3)).isZero();
    assertThat(greedy.tensorOffset(0, 4)).isEqualTo(64);
    assertThat(greedy.tensorOffset(0, 6)).isZero();
    assertThat(greedy.tensorOffset(0, 1)).isEqualTo(-1);
    assertThat(greedy.totalBytes()).isEqualTo(128);
  }

  @Test
  void tinyModelOwnPlanOverlapsConsumedInputs() {
    Model model = TinyModels.convReluReshape();

    ArenaPlan ours = ArenaPlanner.planned(model);

    // The 1x1 convolution needs its input 48 bytes above its output's start (hand-computed row
    // rule); RELU and RESHAPE write in place. So 48 + 32 = 80 bytes.
    assertThat(ours.totalBytes()).isEqualTo(80);
    assertThat(ours.tensorOffset(0, 0) - ours.tensorOffset(0, 3)).isGreaterThanOrEqualTo(48);
    assertThat(ArenaPlanner.planned(model, false).totalBytes()).isEqualTo(128);
  }

  @Test
  void ownPlanIsWhatTflmMakesOfItOnceEmbedded() {
    Model model = TinyModels.convReluReshape();
    ArenaPlan ours = ArenaPlanner.planned(model);

    OfflineMemoryPlan.attach(model, ours);
    ArenaPlan replayed = ArenaPlanner.tflmGreedy(model);

    assertThat(replayed.offsets()).containsExactly(ours.offsets());
    assertThat(replayed.totalBytes()).isEqualTo(ours.totalBytes());
  }

  @Test
  void rejectsAModelWithoutSubgraphs() {
    assertThatThrownBy(() -> ArenaPlanner.tflmGreedy(Model.empty()))
        .isInstanceOf(PlanningException.class)
        .hasMessageContaining("no subgraph");
  }

  static int[] sizes(List<ArenaBuffer> buffers) {
    return buffers.stream().mapToInt(ArenaBuffer::alignedBytes).toArray();
  }

  static int[] first(List<ArenaBuffer> buffers) {
    return buffers.stream().mapToInt(ArenaBuffer::firstUse).toArray();
  }

  static int[] last(List<ArenaBuffer> buffers) {
    return buffers.stream().mapToInt(ArenaBuffer::lastUse).toArray();
  }
}
