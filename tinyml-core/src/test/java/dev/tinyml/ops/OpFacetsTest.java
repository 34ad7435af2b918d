package dev.tinyml.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.tflite.BuiltinOperator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What op classes state for the planner, quantizer and resolver generator. */
class OpFacetsTest {

  @Test
  void resolverMethodsAreTheLibrarysAddMethods() {
    assertThat(new Conv2DOp().resolverMethod()).contains("AddConv2D");
    assertThat(new UnidirectionalSequenceLstmOp().resolverMethod())
        .contains("AddUnidirectionalSequenceLSTM");
    assertThat(new SignalRfftOp().resolverMethod()).isEmpty();
  }

  @Test
  void sigmoidLikeOutputsHaveTheKernelsFixedParameters() {
    Int8Rules softmax = OpRegistry.int8Rules(BuiltinOperator.SOFTMAX).orElseThrow();
    assertThat(softmax.outputParams()).isEqualTo(Int8Rules.OutputParams.FIXED);
    assertThat(softmax.fixedOutputScale()).isEqualTo(1f / 256);
    assertThat(softmax.fixedOutputZeroPoint()).isEqualTo(-128);
    Int8Rules tanh = OpRegistry.int8Rules(BuiltinOperator.TANH).orElseThrow();
    assertThat(tanh.fixedOutputScale()).isEqualTo(1f / 128);
    assertThat(tanh.fixedOutputZeroPoint()).isZero();
  }

  @Test
  void weightedOpsNameTheirFiltersOutputChannelAxis() {
    assertThat(OpRegistry.int8Rules(BuiltinOperator.CONV_2D).orElseThrow().weightsChannelAxis())
        .isZero();
    assertThat(
            OpRegistry.int8Rules(BuiltinOperator.DEPTHWISE_CONV_2D)
                .orElseThrow()
                .weightsChannelAxis())
        .isEqualTo(3);
    assertThat(OpRegistry.int8Rules(BuiltinOperator.ADD).orElseThrow().weightsChannelAxis())
        .isEqualTo(-1);
  }

  @Test
  void opsWithoutAModelledTflmKernelStateNoFootprint() {
    assertThat(OpRegistry.tflmFootprint(BuiltinOperator.CONV_2D)).isPresent();
    assertThat(OpRegistry.tflmFootprint(BuiltinOperator.CAST)).isEmpty();
  }

  @Test
  void everyBreadthOpStatesItsTflmFootprintButBatchMatMul() {
    List<BuiltinOperator> without =
        OpRegistry.builtins().stream().filter(b -> OpRegistry.tflmFootprint(b).isEmpty()).toList();
    assertThat(without)
        .containsExactlyInAnyOrder(BuiltinOperator.CAST, BuiltinOperator.BATCH_MATMUL);
  }

  @Test
  void breadthFootprintsFollowTflmsStructs() {
    TflmFootprint.Abi arm = new TflmFootprint.Abi(4, true);
    TflmFootprint.Abi host = new TflmFootprint.Abi(8, false);
    TflmFootprint argMax = OpRegistry.tflmFootprint(BuiltinOperator.ARG_MAX).orElseThrow();
    assertThat(argMax.builtinParams(null, arm)).isEqualTo(new TflmFootprint.CStruct(1, 1));
    assertThat(argMax.builtinParams(null, host)).isEqualTo(new TflmFootprint.CStruct(4, 4));
    TflmFootprint transposeConv =
        OpRegistry.tflmFootprint(BuiltinOperator.TRANSPOSE_CONV).orElseThrow();
    assertThat(transposeConv.opData(null, arm)).isEqualTo(72);
    assertThat(transposeConv.opData(null, host)).isEqualTo(80);
    assertThat(OpRegistry.tflmFootprint(BuiltinOperator.TRANSPOSE).orElseThrow().opData(null, arm))
        .isZero();
    assertThat(
            OpRegistry.tflmFootprint(BuiltinOperator.SQUARED_DIFFERENCE)
                .orElseThrow()
                .opData(null, arm))
        .isEqualTo(112);
    assertThat(OpRegistry.tflmFootprint(BuiltinOperator.ELU).orElseThrow().opData(null, arm))
        .isEqualTo(256);
  }

  @Test
  void onlyOpsThatReadTheirInputInOrderMayOverwriteIt() {
    assertThat(new ReshapeOp().inPlace(null)).isEqualTo(InPlaceRule.ALIAS);
    assertThat(new SqueezeOp().inPlace(null)).isEqualTo(InPlaceRule.NONE);
    assertThat(new SoftmaxOp().inPlace(null)).isEqualTo(InPlaceRule.NONE);
  }
}
