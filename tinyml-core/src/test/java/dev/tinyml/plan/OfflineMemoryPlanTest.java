package dev.tinyml.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.Metadata;
import dev.tinyml.tflite.Model;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class OfflineMemoryPlanTest {

  @Test
  void encodesVersionSubgraphCountTensorCountAndOneOffsetPerTensor() {
    Model model = TinyModels.convReluReshape();
    ArenaPlan plan = ArenaPlanner.planned(model);

    ByteBuffer data =
        ByteBuffer.wrap(OfflineMemoryPlan.encode(plan)).order(ByteOrder.LITTLE_ENDIAN);

    assertThat(data.getInt()).isEqualTo(OfflineMemoryPlan.VERSION);
    assertThat(data.getInt()).isEqualTo(1);
    assertThat(data.getInt()).isEqualTo(7);
    int[] offsets = new int[7];
    for (int i = 0; i < 7; i++) {
      offsets[i] = data.getInt();
    }
    // Constants (weights, bias, shape) are left to TFLM; activations get the plan's offsets.
    assertThat(offsets[1]).isEqualTo(-1);
    assertThat(offsets[2]).isEqualTo(-1);
    assertThat(offsets[5]).isEqualTo(-1);
    assertThat(offsets[0]).isEqualTo(plan.tensorOffset(0, 0));
    assertThat(offsets[6]).isEqualTo(plan.tensorOffset(0, 6));
  }

  @Test
  void decodeReadsWhatEncodeWrote() {
    ArenaPlan plan = ArenaPlanner.planned(TinyModels.convReluReshape());

    int[] offsets = OfflineMemoryPlan.decode(OfflineMemoryPlan.encode(plan));

    assertThat(offsets).hasSize(7);
    assertThat(offsets[3]).isEqualTo(plan.tensorOffset(0, 3));
  }

  @Test
  void attachReplacesAnEarlierPlanEntry() {
    Model model = TinyModels.convReluReshape();
    ArenaPlan plan = ArenaPlanner.planned(model);

    OfflineMemoryPlan.attach(model, plan);
    OfflineMemoryPlan.attach(model, plan);

    assertThat(model.metadata())
        .filteredOn(m -> m.name().equals(OfflineMemoryPlan.METADATA_NAME))
        .hasSize(1);
  }

  @Test
  void greedyPlanEmbedsNothingButOnlineMarkers() {
    ArenaPlan greedy = ArenaPlanner.tflmGreedy(TinyModels.convReluReshape());

    assertThat(OfflineMemoryPlan.decode(OfflineMemoryPlan.encode(greedy))).containsOnly(-1);
  }

  @Test
  void modelPlanWithWrongTensorCountIsRejectedAsTflmWould() {
    Model model = TinyModels.convReluReshape();
    byte[] data =
        ByteBuffer.allocate(16)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(1)
            .putInt(1)
            .putInt(1)
            .putInt(0)
            .array();
    int buffer = model.addBuffer(new Buffer(data));
    model.metadata().add(new Metadata(OfflineMemoryPlan.METADATA_NAME, buffer));

    assertThatThrownBy(() -> ArenaPlanner.tflmGreedy(model))
        .isInstanceOf(PlanningException.class)
        .hasMessageContaining("not equal nbr tensors (7)");
  }

  @Test
  void truncatedPlanBufferIsRejected() {
    assertThatThrownBy(() -> OfflineMemoryPlan.decode(new byte[] {1, 0, 0, 0}))
        .isInstanceOf(PlanningException.class)
        .hasMessageContaining("12-byte header");
  }
}
