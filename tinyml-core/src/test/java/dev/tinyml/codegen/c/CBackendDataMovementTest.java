package dev.tinyml.codegen.c;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.DepthToSpaceOptions;
import dev.tinyml.tflite.ExpandDimsOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.PackOptions;
import dev.tinyml.tflite.ResizeNearestNeighborOptions;
import dev.tinyml.tflite.SpaceToBatchNDOptions;
import dev.tinyml.tflite.SplitOptions;
import dev.tinyml.tflite.SplitVOptions;
import dev.tinyml.tflite.StridedSliceOptions;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TransposeOptions;
import dev.tinyml.tflite.UnpackOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-movement ops (gathers through the plan's source map, piecewise copies, aliases) as
 * one-op models on the host: every output equals the interpreter's byte for byte.
 */
class CBackendDataMovementTest {
  @TempDir Path dir;

  private void assertHostEqualsInterpreter(Model model) throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, model);
  }

  @Test
  void int8TransposeEqualsInterpreter() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.INT8, 0.1f, 3, 1, 2, 3, 4);
    int perm = b.int32(new int[] {4}, 0, 3, 1, 2);
    int out = b.tensor("out", TensorType.INT8, 0.1f, 3, 1, 4, 2, 3);
    assertHostEqualsInterpreter(
        b.op(
            BuiltinOperator.TRANSPOSE,
            new TransposeOptions(),
            new int[] {in},
            new int[] {in, perm},
            out));
  }

  @Test
  void floatStridedSliceWithNegativeStrideEqualsInterpreter() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.FLOAT32, 0, 0, 4, 6);
    int begin = b.int32(new int[] {2}, 1, 5);
    int end = b.int32(new int[] {2}, 4, 0);
    int strides = b.int32(new int[] {2}, 2, -2);
    int out = b.tensor("out", TensorType.FLOAT32, 0, 0, 2, 3);
    assertHostEqualsInterpreter(
        b.op(
            BuiltinOperator.STRIDED_SLICE,
            new StridedSliceOptions(0, 0, 0, 0, 0, false),
            new int[] {in},
            new int[] {in, begin, end, strides},
            out));
  }

  @Test
  void int8SpaceToBatchPadsWithTheZeroPoint() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.INT8, 0.1f, -5, 1, 3, 3, 2);
    int block = b.int32(new int[] {2}, 2, 2);
    int pads = b.int32(new int[] {2, 2}, 1, 0, 0, 1);
    int out = b.tensor("out", TensorType.INT8, 0.1f, -5, 4, 2, 2, 2);
    assertHostEqualsInterpreter(
        b.op(
            BuiltinOperator.SPACE_TO_BATCH_ND,
            new SpaceToBatchNDOptions(),
            new int[] {in},
            new int[] {in, block, pads},
            out));
  }

  @Test
  void int8DepthToSpaceAndResizeNearestEqualInterpreter() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.INT8, 0.1f, 0, 1, 2, 3, 8);
    int out = b.tensor("out", TensorType.INT8, 0.1f, 0, 1, 4, 6, 2);
    assertHostEqualsInterpreter(
        b.op(
            BuiltinOperator.DEPTH_TO_SPACE,
            new DepthToSpaceOptions(2),
            new int[] {in},
            new int[] {in},
            out));
    SingleOpModels r = new SingleOpModels();
    int x = r.tensor("x", TensorType.FLOAT32, 0, 0, 1, 3, 2, 2);
    int size = r.int32(new int[] {2}, 5, 3);
    int y = r.tensor("y", TensorType.FLOAT32, 0, 0, 1, 5, 3, 2);
    assertHostEqualsInterpreter(
        r.op(
            BuiltinOperator.RESIZE_NEAREST_NEIGHBOR,
            new ResizeNearestNeighborOptions(false, true),
            new int[] {x},
            new int[] {x, size},
            y));
  }

  @Test
  void splitAndSplitVGiveEveryPiece() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int axis = b.int32(new int[] {}, 1);
    int in = b.tensor("in", TensorType.INT8, 0.1f, 2, 2, 6, 3);
    int o0 = b.tensor("o0", TensorType.INT8, 0.1f, 2, 2, 3, 3);
    int o1 = b.tensor("o1", TensorType.INT8, 0.1f, 2, 2, 3, 3);
    assertHostEqualsInterpreter(
        b.op(
            BuiltinOperator.SPLIT,
            new SplitOptions(2),
            new int[] {in},
            new int[] {axis, in},
            new int[] {o0, o1}));
    SingleOpModels v = new SingleOpModels();
    int x = v.tensor("x", TensorType.FLOAT32, 0, 0, 3, 7);
    int sizes = v.int32(new int[] {3}, 2, 4, 1);
    int dim = v.int32(new int[] {}, -1);
    int y0 = v.tensor("y0", TensorType.FLOAT32, 0, 0, 3, 2);
    int y1 = v.tensor("y1", TensorType.FLOAT32, 0, 0, 3, 4);
    int y2 = v.tensor("y2", TensorType.FLOAT32, 0, 0, 3, 1);
    assertHostEqualsInterpreter(
        v.op(
            BuiltinOperator.SPLIT_V,
            new SplitVOptions(3),
            new int[] {x},
            new int[] {x, sizes, dim},
            new int[] {y0, y1, y2}));
  }

  @Test
  void packAndUnpackOnAMiddleAxisEqualInterpreter() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int x = b.tensor("x", TensorType.INT8, 0.1f, 1, 2, 3);
    int y = b.tensor("y", TensorType.INT8, 0.1f, 1, 2, 3);
    int out = b.tensor("out", TensorType.INT8, 0.1f, 1, 2, 2, 3);
    assertHostEqualsInterpreter(
        b.op(BuiltinOperator.PACK, new PackOptions(2, 1), new int[] {x, y}, new int[] {x, y}, out));
    SingleOpModels u = new SingleOpModels();
    int in = u.tensor("in", TensorType.FLOAT32, 0, 0, 2, 3, 4);
    int[] outs = new int[3];
    for (int i = 0; i < 3; i++) {
      outs[i] = u.tensor("o" + i, TensorType.FLOAT32, 0, 0, 2, 4);
    }
    assertHostEqualsInterpreter(
        u.op(
            BuiltinOperator.UNPACK, new UnpackOptions(3, 1), new int[] {in}, new int[] {in}, outs));
  }

  @Test
  void expandDimsIsACopyOrAnAlias() throws Exception {
    SingleOpModels b = new SingleOpModels();
    int in = b.tensor("in", TensorType.INT8, 0.1f, 0, 3, 4);
    int axis = b.int32(new int[] {}, 1);
    int out = b.tensor("out", TensorType.INT8, 0.1f, 0, 3, 1, 4);
    assertHostEqualsInterpreter(
        b.op(
            BuiltinOperator.EXPAND_DIMS,
            new ExpandDimsOptions(),
            new int[] {in},
            new int[] {in, axis},
            out));
  }
}
