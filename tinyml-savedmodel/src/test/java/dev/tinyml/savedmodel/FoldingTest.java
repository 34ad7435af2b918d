package dev.tinyml.savedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;

/** Constant folding computes what TensorFlow would for the shape-arithmetic ops Keras leaves. */
class FoldingTest {
  private static TensorValue ints(int[] shape, long... v) {
    return TensorValue.ofInts(DType.INT32, shape, v);
  }

  private static Node.Port constant(TensorValue v) {
    return Node.constant("c", "", v).out(0);
  }

  private static Node node(String op, Map<String, AttrValue> attrs, TensorValue... inputs) {
    List<Node.Port> in = java.util.Arrays.stream(inputs).map(FoldingTest::constant).toList();
    Node n = new Node(op.toLowerCase(java.util.Locale.ROOT), op, "", in, attrs, 1);
    assertThat(ShapeInference.infer(n)).isTrue();
    return n;
  }

  private static AttrValue i(long v) {
    return AttrValue.newBuilder().setI(v).build();
  }

  @Test
  void stridedSliceWithShrinkMaskTakesTheBatchDimension() {
    Node n =
        node(
            "StridedSlice",
            Map.of("shrink_axis_mask", i(1)),
            ints(new int[] {4}, 1, 28, 28, 3),
            ints(new int[] {1}, 0),
            ints(new int[] {1}, 1),
            ints(new int[] {1}, 1));
    assertThat(n.values[0].shape()).isEmpty();
    assertThat(n.values[0].ints()).containsExactly(1L);
  }

  @Test
  void stridedSliceHonoursBeginEndMasksAndNegativeStrides() {
    TensorValue v = ints(new int[] {6}, 0, 1, 2, 3, 4, 5);
    Node tail =
        node(
            "StridedSlice",
            Map.of("end_mask", i(1)),
            v,
            ints(new int[] {1}, -2),
            ints(new int[] {1}, 0),
            ints(new int[] {1}, 1));
    assertThat(tail.values[0].ints()).containsExactly(4L, 5L);
    Node reversed =
        node(
            "StridedSlice",
            Map.of("begin_mask", i(1), "end_mask", i(1)),
            v,
            ints(new int[] {1}, 0),
            ints(new int[] {1}, 0),
            ints(new int[] {1}, -2));
    assertThat(reversed.values[0].ints()).containsExactly(5L, 3L, 1L);
  }

  @Test
  void packStacksScalarsIntoAShapeVector() {
    Node n = node("Pack", Map.of("axis", i(0)), ints(new int[0], 1), ints(new int[0], -1));
    assertThat(n.values[0].shape()).containsExactly(2);
    assertThat(n.values[0].ints()).containsExactly(1L, -1L);
  }

  @Test
  void prodAndConcatComputeFlattenedSizes() {
    Node prod = node("Prod", Map.of(), ints(new int[] {3}, 28, 28, 3), ints(new int[] {1}, 0));
    assertThat(prod.values[0].ints()).containsExactly(2352L);
    Node concat =
        node(
            "ConcatV2",
            Map.of(),
            ints(new int[] {1}, 1),
            ints(new int[] {1}, 2352),
            ints(new int[0], 0));
    assertThat(concat.values[0].ints()).containsExactly(1L, 2352L);
  }

  @Test
  void reshapeInfersTheMinusOneDimension() {
    assertThat(ShapeInference.reshape(new int[] {1, 7, 7, 4}, new int[] {1, -1}))
        .containsExactly(1, 196);
    assertThatThrownBy(() -> ShapeInference.reshape(new int[] {1, 5}, new int[] {3, -1}))
        .hasMessageContaining("cannot reshape");
  }

  @Test
  void transposeAndBroadcastingArithmeticMatchHandComputedValues() {
    TensorValue m = TensorValue.ofFloats(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
    Node t = node("Transpose", Map.of(), m, ints(new int[] {2}, 1, 0));
    assertThat(t.values[0].shape()).containsExactly(3, 2);
    assertThat(t.values[0].floats()).containsExactly(1, 4, 2, 5, 3, 6);
    Node sum =
        node("AddV2", Map.of(), m, TensorValue.ofFloats(new int[] {3}, new float[] {10, 20, 30}));
    assertThat(sum.values[0].floats()).containsExactly(11, 22, 33, 14, 25, 36);
  }

  @Test
  void gatherAndSliceTakeDimensionsOfAShapeVector() {
    // Keras' Tensordot (Dense on 3-D inputs) gathers the free and contracted dimensions.
    Node free =
        node(
            "GatherV2",
            Map.of(),
            ints(new int[] {3}, 1, 10, 8),
            ints(new int[] {2}, 0, 1),
            ints(new int[0], 0));
    assertThat(free.values[0].ints()).containsExactly(1L, 10L);
    Node tail =
        node(
            "Slice",
            Map.of(),
            ints(new int[] {3}, 1, 10, 8),
            ints(new int[] {1}, 1),
            ints(new int[] {1}, -1));
    assertThat(tail.values[0].ints()).containsExactly(10L, 8L);
    TensorValue m = TensorValue.ofFloats(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
    Node columns = node("GatherV2", Map.of(), m, ints(new int[] {2}, 2, 0), ints(new int[0], 1));
    assertThat(columns.values[0].shape()).containsExactly(2, 2);
    assertThat(columns.values[0].floats()).containsExactly(3, 1, 6, 4);
  }

  @Test
  void broadcastRejectsIncompatibleShapes() {
    assertThatThrownBy(() -> ShapeInference.broadcast(new int[] {2, 3}, new int[] {4}))
        .hasMessageContaining("do not broadcast");
  }

  @Test
  void convolutionOutputSizesFollowTensorFlowPadding() {
    assertThat(ShapeInference.outSize(49, 10, 2, 1, "SAME")).isEqualTo(25);
    assertThat(ShapeInference.outSize(10, 3, 1, 1, "VALID")).isEqualTo(8);
    assertThat(ShapeInference.outSize(10, 3, 1, 2, "VALID")).isEqualTo(6);
  }

  @Test
  void halfPrecisionDecodes() {
    assertThat(TensorValue.halfToFloat((short) 0x3c00)).isEqualTo(1f);
    assertThat(TensorValue.halfToFloat((short) 0xc000)).isEqualTo(-2f);
    assertThat(TensorValue.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
  }
}
