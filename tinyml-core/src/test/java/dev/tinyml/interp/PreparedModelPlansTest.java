package dev.tinyml.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.ops.Conv2DOp;
import dev.tinyml.ops.DepthwiseConv2DOp;
import dev.tinyml.ops.FullyConnectedOp;
import dev.tinyml.ops.PreparedOp;
import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.TfliteReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link PreparedModel#plans()} shows backends: each op's class and typed plan, in order. */
class PreparedModelPlansTest {

  @Test
  void plansListEveryOperatorInOrderWithItsOpClass() throws Exception {
    PreparedModel m =
        PreparedModel.prepare(
            TfliteReader.read(Fixtures.path("tflite/hello_world/hello_world_int8.tflite")));
    List<PreparedOp<?>> plans = m.plans();
    assertThat(plans).hasSize(m.operatorCount());
    for (int k = 0; k < plans.size(); k++) {
      assertThat(plans.get(k).index()).isEqualTo(k);
      assertThat(plans.get(k).op()).isInstanceOf(FullyConnectedOp.class);
      assertThat(plans.get(k).plan()).isInstanceOf(FullyConnectedOp.Plan.class);
    }
  }

  @Test
  void convolutionPlansHoldTheirPerChannelMultipliersAndChosenKernel() throws Exception {
    PreparedModel m =
        PreparedModel.prepare(
            TfliteReader.read(Fixtures.path("tflite/person_detection/person_detect.tflite")));
    Conv2DOp.Plan conv = first(m, Conv2DOp.Plan.class);
    assertThat(conv.kernel()).isEqualTo(Conv2DOp.Kernel.INT8_TRANSPOSED);
    assertThat(conv.conv().multipliers().multiplier()).hasSize(conv.conv().outC());
    assertThat(conv.transposedFilter()).isNotNull();
    assertThat(conv.scratchInts()).isEqualTo(conv.conv().outC());
    DepthwiseConv2DOp.Plan depthwise = first(m, DepthwiseConv2DOp.Plan.class);
    assertThat(depthwise.conv().multipliers().shift()).hasSize(depthwise.conv().outC());
  }

  private static <T> T first(PreparedModel m, Class<T> planType) {
    return m.plans().stream()
        .map(PreparedOp::plan)
        .filter(planType::isInstance)
        .map(planType::cast)
        .findFirst()
        .orElseThrow();
  }
}
