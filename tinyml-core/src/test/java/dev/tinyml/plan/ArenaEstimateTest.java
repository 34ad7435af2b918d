package dev.tinyml.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.plan.ArenaEstimate.PersistentAllocation;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.OperatorCode;
import org.junit.jupiter.api.Test;

class ArenaEstimateTest {

  @Test
  void totalIsPlannedHeadPlusPersistentTail() {
    Model model = TinyModels.convReluReshape();

    ArenaEstimate e = ArenaPlanner.estimate(model, Target.CORTEX_M_32BIT);

    assertThat(e.plannedBytes()).isEqualTo(128);
    assertThat(e.totalBytes()).isEqualTo(e.plannedBytes() + e.persistentBytes());
    assertThat(e.allocations().stream().mapToInt(PersistentAllocation::consumed).sum())
        .isEqualTo(e.persistentBytes());
  }

  @Test
  void convolutionKeepsOpDataAndTwoPerChannelArraysOfFourBytesPerFilter() {
    ArenaEstimate e = ArenaPlanner.estimate(TinyModels.convReluReshape(), Target.CORTEX_M_32BIT);

    assertThat(e.allocations())
        .filteredOn(a -> a.what().startsWith("prepare buffer of operator 0 (CONV_2D)"))
        .extracting(PersistentAllocation::bytes)
        .containsExactly(16, 16);
    assertThat(e.allocations())
        .filteredOn(a -> a.what().startsWith("OpData of operator 0"))
        .extracting(PersistentAllocation::bytes)
        .containsExactly(56);
  }

  @Test
  void hostNeedsMoreThanCortexMForTheSameModel() {
    Model model = TinyModels.convReluReshape();

    int m4 = ArenaPlanner.estimate(model, Target.CORTEX_M_32BIT).persistentBytes();
    int host = ArenaPlanner.estimate(model, Target.HOST_64BIT).persistentBytes();

    assertThat(host).isGreaterThan(m4);
  }

  @Test
  void estimateWithOwnPlanUsesItsHead() {
    Model model = TinyModels.convReluReshape();
    ArenaPlan ours = ArenaPlanner.planned(model);

    ArenaEstimate e = ArenaPlanner.estimate(model, Target.CORTEX_M_32BIT, ours);

    assertThat(e.plannedBytes()).isEqualTo(80);
    assertThat(e.persistentBytes())
        .isEqualTo(ArenaPlanner.estimate(model, Target.CORTEX_M_32BIT).persistentBytes());
  }

  @Test
  void unknownOperatorIsNamedInTheError() {
    Model model = TinyModels.convReluReshape();
    model.operatorCodes().set(1, new OperatorCode(BuiltinOperator.CUMSUM));

    assertThatThrownBy(() -> ArenaPlanner.estimate(model, Target.HOST_64BIT))
        .isInstanceOf(PlanningException.class)
        .hasMessageContaining("Operator 1 (CUMSUM) of subgraph 0");
  }
}
