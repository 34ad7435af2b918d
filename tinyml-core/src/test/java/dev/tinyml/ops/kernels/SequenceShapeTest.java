package dev.tinyml.ops.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceShapeTest {

  @Test
  void readsBatchesAndStepsInTheInputsOrder() {
    assertThat(SequenceShape.of(false, new int[] {2, 5, 3}, 4))
        .isEqualTo(new SequenceShape(false, 2, 5, 3, 4));
    assertThat(SequenceShape.of(true, new int[] {5, 2, 3}, 4))
        .isEqualTo(new SequenceShape(true, 2, 5, 3, 4));
  }

  @Test
  void aTimeMajorStepComputesEveryBatchABatchMajorOneRow() {
    assertThat(new SequenceShape(true, 2, 5, 3, 4).stepRows()).isEqualTo(2);
    assertThat(new SequenceShape(false, 2, 5, 3, 4).stepRows()).isEqualTo(1);
  }

  @Test
  void statesHoldEveryBatchAndTheOutputEveryStep() {
    SequenceShape s = new SequenceShape(false, 2, 5, 3, 4);
    assertThat(s.stateSize()).isEqualTo(8);
    assertThat(s.outputSize()).isEqualTo(40);
  }
}
