package dev.tinyml.ops;

import static dev.tinyml.tflite.TensorType.FLOAT32;
import static dev.tinyml.tflite.TensorType.INT16;
import static dev.tinyml.tflite.TensorType.INT32;
import static dev.tinyml.tflite.TensorType.INT64;
import static dev.tinyml.tflite.TensorType.INT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.InterpreterException;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.DepthToSpaceOptions;
import dev.tinyml.tflite.GatherOptions;
import dev.tinyml.tflite.PackOptions;
import dev.tinyml.tflite.ResizeNearestNeighborOptions;
import dev.tinyml.tflite.SpaceToDepthOptions;
import dev.tinyml.tflite.SplitOptions;
import dev.tinyml.tflite.SplitVOptions;
import dev.tinyml.tflite.UnpackOptions;
import org.junit.jupiter.api.Test;

/**
 * The data-movement ops run as one-op models through {@link PreparedModel}, with figures from
 * TFLM's kernel tests (tensorflow/lite/micro/kernels/*_test.cc, named per test).
 */
class DataMovementOpsTest {

  static final float[] SIXTEEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

  // transpose_test.cc, TransposeTest 3DFlatten.
  @Test
  void transposeRunsWithAConstantPermutation() {
    Interpreter it =
        new OneOpModel()
            .input(FLOAT32, 2, 2, 3)
            .ints(0, 2, 1)
            .output(FLOAT32, 2, 3, 2)
            .interpreter(BuiltinOperator.TRANSPOSE, null);
    it.input(0).setFloat(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    it.invoke();
    assertThat(it.output(0).floats()).containsExactly(0, 3, 1, 4, 2, 5, 6, 9, 7, 10, 8, 11);
  }

  @Test
  void transposeWithARuntimePermutationIsRefusedNamingIt() {
    OneOpModel m = new OneOpModel().input(FLOAT32, 2, 3).input(INT32, 2).output(FLOAT32, 3, 2);
    assertThatThrownBy(() -> PreparedModel.prepare(m.build(BuiltinOperator.TRANSPOSE, null)))
        .isInstanceOf(InterpreterException.class)
        .hasMessageStartingWith("op #0 TRANSPOSE: perm (input 1");
  }

  // slice_test.cc, SliceTest InputInteger2.
  @Test
  void sliceRunsWithConstantBeginAndSize() {
    Interpreter it =
        new OneOpModel()
            .input(INT32, 3, 2, 3, 1)
            .ints(1, 0, 0, 0)
            .ints(1, 2, 3, 1)
            .output(INT32, 1, 2, 3, 1)
            .interpreter(BuiltinOperator.SLICE, null);
    it.input(0).setInt32(new int[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6});
    it.invoke();
    assertThat(it.output(0).int32()).containsExactly(3, 3, 3, 4, 4, 4);
  }

  // split_test.cc, SplitTest TwoSplitFourDimensionalAxisThree.
  @Test
  void splitRunsIntoEqualOutputs() {
    Interpreter it =
        new OneOpModel()
            .ints(new int[] {}, 3)
            .input(FLOAT32, 2, 2, 2, 2)
            .output(FLOAT32, 2, 2, 2, 1)
            .output(FLOAT32, 2, 2, 2, 1)
            .interpreter(BuiltinOperator.SPLIT, new SplitOptions(2));
    it.input(0).setFloat(SIXTEEN);
    it.invoke();
    assertThat(it.output(0).floats()).containsExactly(1, 3, 5, 7, 9, 11, 13, 15);
    assertThat(it.output(1).floats()).containsExactly(2, 4, 6, 8, 10, 12, 14, 16);
  }

  // split_v_test.cc, SplitVTest SPLIT_V_ThreeOutputs.
  @Test
  void splitVRunsIntoGivenSizes() {
    Interpreter it =
        new OneOpModel()
            .input(INT8, 0.5f, 0, 4, 3)
            .ints(1, 1, 2)
            .ints(new int[] {}, 0)
            .output(INT8, 0.5f, 0, 1, 3)
            .output(INT8, 0.5f, 0, 1, 3)
            .output(INT8, 0.5f, 0, 2, 3)
            .interpreter(BuiltinOperator.SPLIT_V, new SplitVOptions(3));
    it.input(0).setInt8(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    it.invoke();
    assertThat(it.output(0).int8()).containsExactly(1, 2, 3);
    assertThat(it.output(1).int8()).containsExactly(4, 5, 6);
    assertThat(it.output(2).int8()).containsExactly(7, 8, 9, 10, 11, 12);
  }

  // pack_test.cc, PackTest PackFloatThreeInputsDifferentAxis.
  @Test
  void packStacksItsInputs() {
    Interpreter it =
        new OneOpModel()
            .input(FLOAT32, 2)
            .input(FLOAT32, 2)
            .input(FLOAT32, 2)
            .output(FLOAT32, 2, 3)
            .interpreter(BuiltinOperator.PACK, new PackOptions(3, 1));
    it.input(0).setFloat(new float[] {1, 4});
    it.input(1).setFloat(new float[] {2, 5});
    it.input(2).setFloat(new float[] {3, 6});
    it.invoke();
    assertThat(it.output(0).floats()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  // unpack_test.cc, UnpackTest UnpackInt16ThreeOutputs.
  @Test
  void unpackSplitsIntoSlices() {
    Interpreter it =
        new OneOpModel()
            .input(INT16, 3, 2)
            .output(INT16, 2)
            .output(INT16, 2)
            .output(INT16, 2)
            .interpreter(BuiltinOperator.UNPACK, new UnpackOptions(3, 0));
    it.input(0).setInt16(new short[] {1, 2, 3, 4, 5, 6});
    it.invoke();
    assertThat(it.output(0).int16()).containsExactly((short) 1, (short) 2);
    assertThat(it.output(2).int16()).containsExactly((short) 5, (short) 6);
  }

  // expand_dims_test.cc, ExpandDimsTest ExpandDimsPositiveAxisTest0.
  @Test
  void expandDimsCopiesTheData() {
    Interpreter it =
        new OneOpModel()
            .input(INT8, 1f, 0, 2, 2)
            .ints(new int[] {}, 0)
            .output(INT8, 1f, 0, 1, 2, 2)
            .interpreter(BuiltinOperator.EXPAND_DIMS, null);
    it.input(0).setInt8(new byte[] {-1, 1, -2, 2});
    it.invoke();
    assertThat(it.output(0).int8()).containsExactly(-1, 1, -2, 2);
  }

  @Test
  void expandDimsWithAnAxisOutOfRangeIsRefused() {
    OneOpModel m = new OneOpModel().input(FLOAT32, 2).ints(new int[] {}, 3).output(FLOAT32, 1, 2);
    assertThatThrownBy(() -> PreparedModel.prepare(m.build(BuiltinOperator.EXPAND_DIMS, null)))
        .hasMessageStartingWith("op #0 EXPAND_DIMS: axis 3");
  }

  // space_to_depth_test.cc, SpaceToDepth_Int8_1441; depth_to_space_test.cc, _1124_2.
  @Test
  void spaceToDepthAndDepthToSpaceRun() {
    Interpreter s2d =
        new OneOpModel()
            .input(INT8, 1f, 0, 1, 4, 4, 1)
            .output(INT8, 1f, 0, 1, 2, 2, 4)
            .interpreter(BuiltinOperator.SPACE_TO_DEPTH, new SpaceToDepthOptions(2));
    s2d.input(0).setInt8(new byte[] {1, 2, 5, 6, 3, 4, 7, 8, 9, 10, 13, 14, 11, 12, 15, 16});
    s2d.invoke();
    assertThat(s2d.output(0).int8())
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);

    Interpreter d2s =
        new OneOpModel()
            .input(FLOAT32, 1, 1, 2, 4)
            .output(FLOAT32, 1, 2, 4, 1)
            .interpreter(BuiltinOperator.DEPTH_TO_SPACE, new DepthToSpaceOptions(2));
    d2s.input(0).setFloat(new float[] {1, 2, 3, 4, 5, 6, 7, 8});
    d2s.invoke();
    assertThat(d2s.output(0).floats()).containsExactly(1, 2, 5, 6, 3, 4, 7, 8);
  }

  // space_to_batch_nd_test.cc, SpaceToBatchBasicInt8 layout; padding takes the zero point.
  @Test
  void spaceToBatchPadsWithTheOutputZeroPoint() {
    Interpreter it =
        new OneOpModel()
            .input(INT8, 0.5f, -5, 1, 2, 2, 1)
            .ints(2, 2)
            .ints(new int[] {2, 2}, 1, 1, 1, 1)
            .output(INT8, 0.5f, -5, 4, 2, 2, 1)
            .interpreter(BuiltinOperator.SPACE_TO_BATCH_ND, null);
    it.input(0).setInt8(new byte[] {1, 2, 3, 4});
    it.invoke();
    assertThat(it.output(0).int8())
        .containsExactly(-5, -5, -5, 4, -5, -5, 3, -5, -5, 2, -5, -5, 1, -5, -5, -5);
  }

  // batch_to_space_nd_test.cc, BatchToSpaceBasicFloat.
  @Test
  void batchToSpaceRuns() {
    Interpreter it =
        new OneOpModel()
            .input(FLOAT32, 4, 2, 2, 1)
            .ints(2, 2)
            .ints(new int[] {2, 2}, 0, 0, 0, 0)
            .output(FLOAT32, 1, 4, 4, 1)
            .interpreter(BuiltinOperator.BATCH_TO_SPACE_ND, null);
    it.input(0).setFloat(SIXTEEN);
    it.invoke();
    assertThat(it.output(0).floats())
        .containsExactly(1, 5, 2, 6, 9, 13, 10, 14, 3, 7, 4, 8, 11, 15, 12, 16);
  }

  // gather_test.cc, GatherTest GatherOp_Axis1; gather_nd_test.cc, GatherNd_SliceIndexingIntoMatrix.
  @Test
  void gatherAndGatherNdReadTheirIndicesAtRunTime() {
    Interpreter g =
        new OneOpModel()
            .input(FLOAT32, 1, 2, 3)
            .input(INT32, 2)
            .output(FLOAT32, 1, 2, 3)
            .interpreter(BuiltinOperator.GATHER, new GatherOptions(1, 0));
    g.input(0).setFloat(new float[] {1, 2, 3, 4, 5, 6});
    g.input(1).setInt32(new int[] {1, 0});
    g.invoke();
    assertThat(g.output(0).floats()).containsExactly(4, 5, 6, 1, 2, 3);

    Interpreter nd =
        new OneOpModel()
            .input(FLOAT32, 2, 2)
            .input(INT32, 2, 1)
            .output(FLOAT32, 2, 2)
            .interpreter(BuiltinOperator.GATHER_ND, null);
    nd.input(0).setFloat(new float[] {1.1f, 1.2f, 2.1f, 2.2f});
    nd.input(1).setInt32(new int[] {1, 0});
    nd.invoke();
    assertThat(nd.output(0).floats()).containsExactly(2.1f, 2.2f, 1.1f, 1.2f);
  }

  @Test
  void gatherWithAPositionOutsideTheAxisFailsTheInvokeNamingTheOp() {
    Interpreter g =
        new OneOpModel()
            .input(FLOAT32, 3)
            .input(INT32, 1)
            .output(FLOAT32, 1)
            .interpreter(BuiltinOperator.GATHER, new GatherOptions(0, 0));
    g.input(1).setInt32(new int[] {5});
    assertThatThrownBy(g::invoke)
        .isInstanceOf(InterpreterException.class)
        .hasMessageContaining("GATHER")
        .hasMessageContaining("position 5");
  }

  @Test
  void zerosLikeFillAndShapeRun() {
    Interpreter z =
        new OneOpModel()
            .input(FLOAT32, 3)
            .output(FLOAT32, 3)
            .interpreter(BuiltinOperator.ZEROS_LIKE, null);
    z.input(0).setFloat(new float[] {1, 2, 3});
    z.invoke();
    assertThat(z.output(0).floats()).containsExactly(0, 0, 0);

    Interpreter f =
        new OneOpModel()
            .ints(2, 3)
            .input(INT32)
            .output(INT32, 2, 3)
            .interpreter(BuiltinOperator.FILL, null);
    f.input(0).setInt32(new int[] {7});
    f.invoke();
    assertThat(f.output(0).int32()).containsExactly(7, 7, 7, 7, 7, 7);

    Interpreter s =
        new OneOpModel()
            .input(INT8, 1f, 0, 1, 3, 5)
            .output(INT64, 3)
            .interpreter(BuiltinOperator.SHAPE, (BuiltinOptions) null);
    s.invoke();
    assertThat(s.output(0).values()).containsExactly(1.0, 3.0, 5.0);
  }

  // resize_nearest_neighbor_test.cc, ResizeNearestNeighborTest TwoDimensionalResizeInt8.
  @Test
  void resizeNearestNeighbourRuns() {
    Interpreter it =
        new OneOpModel()
            .input(INT8, 1f, 0, 1, 2, 2, 1)
            .ints(3, 3)
            .output(INT8, 1f, 0, 1, 3, 3, 1)
            .interpreter(
                BuiltinOperator.RESIZE_NEAREST_NEIGHBOR,
                new ResizeNearestNeighborOptions(false, false));
    it.input(0).setInt8(new byte[] {3, 6, 9, 12});
    it.invoke();
    assertThat(it.output(0).int8()).containsExactly(3, 3, 6, 3, 3, 6, 9, 9, 12);
  }

  @Test
  void anOutputOfTheWrongSizeIsRefused() {
    OneOpModel m = new OneOpModel().input(FLOAT32, 2, 3).ints(1, 0).output(FLOAT32, 5);
    assertThatThrownBy(() -> PreparedModel.prepare(m.build(BuiltinOperator.TRANSPOSE, null)))
        .hasMessageStartingWith("op #0 TRANSPOSE: output")
        .hasMessageContaining("6 elements");
  }
}
