package dev.tinyml.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture model against the arena sizes real TFLM reported for it. */
class FixtureArenaTest {

  record Case(String name, Path model, int host64, int cortexM4, int minimumHost64) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Fixtures.path("expected"))) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
          files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        if (files.isEmpty()) {
          continue;
        }
        JsonNode expected = json.readTree(files.get(0).toFile());
        if (!expected.has("model") || !expected.has("arena_used_bytes_host64")) {
          continue;
        }
        cases.add(
            new Case(
                dir.getFileName().toString(),
                Fixtures.path(expected.get("model").asText()),
                expected.get("arena_used_bytes_host64").asInt(),
                expected.get("arena_used_bytes_cortex_m4").asInt(),
                expected.get("min_arena_bytes_host64").asInt()));
      }
    }
    return cases;
  }

  @Test
  void everyFixtureModelWithRecordedArenaSizesIsCovered() throws IOException {
    assertThat(cases()).extracting(Case::name).hasSize(11).contains("person_detect", "dtln");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void hostEstimateEqualsTflmArenaUsedBytes(Case c) throws Exception {
    Model model = TfliteReader.read(c.model());

    assertThat(ArenaPlanner.estimate(model, Target.HOST_64BIT).totalBytes()).isEqualTo(c.host64());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void hostMinimumArenaEqualsTheSmallestArenaTflmAccepted(Case c) throws Exception {
    Model model = TfliteReader.read(c.model());

    ArenaEstimate e = ArenaPlanner.estimate(model, Target.HOST_64BIT);

    assertThat(e.minimumArenaBytes()).isEqualTo(c.minimumHost64());
    assertThat(e.recommendedArenaBytes() % 16).isZero();
    assertThat(e.recommendedArenaBytes())
        .isGreaterThanOrEqualTo(Math.max(c.minimumHost64(), c.host64()) - 15);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void cortexM4EstimateEqualsTflmArenaUsedBytes(Case c) throws Exception {
    Model model = TfliteReader.read(c.model());

    assertThat(ArenaPlanner.estimate(model, Target.CORTEX_M_32BIT).totalBytes())
        .isEqualTo(c.cortexM4());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void ownPlanIsNeverLargerThanGreedyAndIsValid(Case c) throws Exception {
    Model model = TfliteReader.read(c.model());
    ArenaPlan greedy = ArenaPlanner.tflmGreedy(model);
    ArenaPlan ours = ArenaPlanner.planned(model);
    List<ArenaBuffer> buffers = ours.buffers();
    CompactPlacer check =
        new CompactPlacer(
            ArenaPlannerTest.sizes(buffers),
            ArenaPlannerTest.first(buffers),
            ArenaPlannerTest.last(buffers),
            ours.overlaps());

    assertThat(ours.totalBytes()).isLessThanOrEqualTo(greedy.totalBytes());
    assertThat(check.isValid(ours.offsets())).isTrue();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void embeddedOwnPlanIsReplayedByTflmExactly(Case c) throws Exception {
    Model model = TfliteReader.read(c.model());
    ArenaPlan ours = ArenaPlanner.planned(model);

    OfflineMemoryPlan.attach(model, ours);

    assertThat(ArenaPlanner.tflmGreedy(model).offsets()).containsExactly(ours.offsets());
  }

  @Test
  void ownPlanIsSmallerThanGreedyOnPersonDetection() throws Exception {
    Model model = TfliteReader.read(Fixtures.path("tflite/person_detection/person_detect.tflite"));

    int greedy = ArenaPlanner.tflmGreedy(model).totalBytes();
    int ours = ArenaPlanner.planned(model).totalBytes();

    assertThat(greedy).isEqualTo(55296);
    // The 1x1 convolution of operator 2 and the stride-2 depthwise convolution of operator 3 write
    // over the inputs they consume: 38400 bytes instead of 55296.
    assertThat(ours).isLessThan(greedy).isLessThanOrEqualTo(38400);
  }
}
