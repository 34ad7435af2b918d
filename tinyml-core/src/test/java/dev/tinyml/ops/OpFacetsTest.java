package dev.tinyml.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.tflite.BatchMatMulOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What op classes state for the planner, quantizer and resolver generator. */
class OpFacetsTest {
  private static final TflmFootprint.Abi ARM = new TflmFootprint.Abi(4, true);
  private static final TflmFootprint.Abi HOST = new TflmFootprint.Abi(8, false);

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
    assertThat(OpRegistry.tflmFootprint(BuiltinOperator.CUMSUM)).isEmpty();
  }

  @Test
  void everyRegisteredBuiltinStatesItsTflmFootprint() {
    List<BuiltinOperator> without =
        OpRegistry.builtins().stream().filter(b -> OpRegistry.tflmFootprint(b).isEmpty()).toList();
    assertThat(without).isEmpty();
  }

  @Test
  void castsParametersAreItsTwoTypeEnums() {
    TflmFootprint cast = OpRegistry.tflmFootprint(BuiltinOperator.CAST).orElseThrow();
    assertThat(cast.kernelStructs(ARM).params()).isEqualTo(new TflmFootprint.CStruct(2, 1));
    assertThat(cast.kernelStructs(HOST).params()).isEqualTo(new TflmFootprint.CStruct(8, 4));
    assertThat(cast.kernelStructs(ARM).opData()).isZero();
  }

  @Test
  void batchMatMulAllocatesQuantizationDataAndTheTransposedRhs() {
    TflmFootprint bmm = OpRegistry.tflmFootprint(BuiltinOperator.BATCH_MATMUL).orElseThrow();
    OpNode node =
        batchMatMulNode(
            new BatchMatMulOptions(false, false, false), new int[] {2, 3, 4}, new int[] {2, 4, 5});
    assertThat(bmm.kernelStructs(ARM).params()).isEqualTo(new TflmFootprint.CStruct(3, 1));
    assertThat(bmm.kernelStructs(ARM).opData()).isEqualTo(16);
    assertThat(bmm.kernelStructs(HOST).opData()).isEqualTo(32);
    // quantization (7 int32), then the rhs copy: TfLiteEvalTensor, dims (size + 3), 40 int8s.
    assertThat(bmm.prepareAllocations(node, ARM)).containsExactly(28, 12, 16, 40);
    assertThat(bmm.prepareAllocations(node, HOST)).containsExactly(28, 24, 16, 40);
  }

  @Test
  void batchMatMulWithAdjointsTransposesOnlyTheLhs() {
    TflmFootprint bmm = OpRegistry.tflmFootprint(BuiltinOperator.BATCH_MATMUL).orElseThrow();
    OpNode node =
        batchMatMulNode(
            new BatchMatMulOptions(true, true, false), new int[] {4, 3}, new int[] {5, 4});
    assertThat(bmm.prepareAllocations(node, ARM)).containsExactly(28, 12, 12, 12);
  }

  /** An int8 BATCH_MATMUL node; output shape is irrelevant to the footprint. */
  private static OpNode batchMatMulNode(BatchMatMulOptions options, int[] lhs, int[] rhs) {
    Model m =
        new OneOpModel()
            .input(TensorType.INT8, 0.5f, 0, lhs)
            .input(TensorType.INT8, 0.5f, 0, rhs)
            .output(TensorType.INT8, 0.5f, 0, 1)
            .build(BuiltinOperator.BATCH_MATMUL, options);
    return new OpNode(m, m.subgraphs().get(0), m.subgraphs().get(0).operators().get(0));
  }

  @Test
  void breadthFootprintsFollowTflmsStructs() {
    TflmFootprint.Abi arm = new TflmFootprint.Abi(4, true);
    TflmFootprint.Abi host = new TflmFootprint.Abi(8, false);
    TflmFootprint argMax = OpRegistry.tflmFootprint(BuiltinOperator.ARG_MAX).orElseThrow();
    assertThat(argMax.kernelStructs(arm).params()).isEqualTo(new TflmFootprint.CStruct(1, 1));
    assertThat(argMax.kernelStructs(host).params()).isEqualTo(new TflmFootprint.CStruct(4, 4));
    TflmFootprint transposeConv =
        OpRegistry.tflmFootprint(BuiltinOperator.TRANSPOSE_CONV).orElseThrow();
    assertThat(transposeConv.kernelStructs(arm).opData()).isEqualTo(72);
    assertThat(transposeConv.kernelStructs(host).opData()).isEqualTo(80);
    assertThat(
            OpRegistry.tflmFootprint(BuiltinOperator.TRANSPOSE)
                .orElseThrow()
                .kernelStructs(arm)
                .opData())
        .isZero();
    assertThat(
            OpRegistry.tflmFootprint(BuiltinOperator.SQUARED_DIFFERENCE)
                .orElseThrow()
                .kernelStructs(arm)
                .opData())
        .isEqualTo(112);
    assertThat(
            OpRegistry.tflmFootprint(BuiltinOperator.ELU).orElseThrow().kernelStructs(arm).opData())
        .isEqualTo(256);
  }

  @Test
  void onlyOpsThatReadTheirInputInOrderMayOverwriteIt() {
    assertThat(new ReshapeOp().inPlace(null)).isEqualTo(InPlaceRule.ALIAS);
    assertThat(new SqueezeOp().inPlace(null)).isEqualTo(InPlaceRule.NONE);
    assertThat(new SoftmaxOp().inPlace(null)).isEqualTo(InPlaceRule.NONE);
  }
}
