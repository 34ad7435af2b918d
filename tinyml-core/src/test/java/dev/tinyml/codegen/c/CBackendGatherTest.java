package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.interp.PreparedModel;
import dev.tinyml.io.AtomicFiles;
import dev.tinyml.tflite.ArgMaxOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.GatherOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GATHER and GATHER_ND (indices read at run time) as one-op models on the host: every output equals
 * the interpreter's byte for byte, and an index the interpreter refuses makes the invoke fail.
 */
class CBackendGatherTest {
  @TempDir Path dir;

  private void assertHostEqualsInterpreter(Model model) throws Exception {
    SingleOpModels.assertHostEqualsInterpreter(dir, model);
  }

  /** GATHER of {@code values} by the constant {@code positions}. */
  static Model gather(
      TensorType type,
      int[] valuesShape,
      int[] positionsShape,
      int[] positions,
      int axis,
      int batchDims,
      int... outShape) {
    SingleOpModels b = new SingleOpModels();
    int values = b.tensor("values", type, type == TensorType.INT8 ? 0.1f : 0, 0, valuesShape);
    int idx = b.int32(positionsShape, positions);
    int out = b.tensor("out", type, type == TensorType.INT8 ? 0.1f : 0, 0, outShape);
    return b.op(
        BuiltinOperator.GATHER,
        new GatherOptions(axis, batchDims),
        new int[] {values},
        new int[] {values, idx},
        out);
  }

  @Test
  void floatGatherAlongTheMiddleAxisWithRepeatedPositionsEqualsInterpreter() throws Exception {
    assertHostEqualsInterpreter(
        gather(
            TensorType.FLOAT32,
            new int[] {2, 5, 3},
            new int[] {2, 2},
            new int[] {4, 0, 0, 2},
            1,
            0,
            2,
            2,
            2,
            3));
  }

  @Test
  void int8GatherAlongANegativeAxisEqualsInterpreter() throws Exception {
    assertHostEqualsInterpreter(
        gather(TensorType.INT8, new int[] {3, 4}, new int[] {3}, new int[] {3, 1, 3}, -1, 0, 3, 3));
  }

  @Test
  void int16AndInt32GathersWithBatchDimensionsEqualInterpreter() throws Exception {
    for (TensorType type : new TensorType[] {TensorType.INT16, TensorType.INT32}) {
      assertHostEqualsInterpreter(
          gather(
              type, new int[] {2, 3, 4}, new int[] {2, 2}, new int[] {0, 2, 1, 1}, 2, 1, 2, 3, 2));
    }
  }

  /** GATHER_ND of {@code params} by the constant index rows. */
  static Model gatherNd(
      TensorType type, int[] paramsShape, int[] indicesShape, int[] indices, int... outShape) {
    SingleOpModels b = new SingleOpModels();
    int params = b.tensor("params", type, type == TensorType.INT8 ? 0.1f : 0, 0, paramsShape);
    int idx = b.int32(indicesShape, indices);
    int out = b.tensor("out", type, type == TensorType.INT8 ? 0.1f : 0, 0, outShape);
    return b.op(BuiltinOperator.GATHER_ND, null, new int[] {params}, new int[] {params, idx}, out);
  }

  @Test
  void int8GatherNdOfSlicesEqualsInterpreter() throws Exception {
    assertHostEqualsInterpreter(
        gatherNd(
            TensorType.INT8,
            new int[] {3, 4, 2},
            new int[] {3, 2},
            new int[] {2, 3, 0, 0, 1, 2},
            3,
            2));
  }

  @Test
  void floatGatherNdOfSingleElementsEqualsInterpreter() throws Exception {
    assertHostEqualsInterpreter(
        gatherNd(
            TensorType.FLOAT32,
            new int[] {2, 3},
            new int[] {2, 2, 2},
            new int[] {1, 2, 0, 1, 1, 0, 0, 0},
            2,
            2));
  }

  @Test
  void gatherByPositionsComputedAtRunTimeEqualsInterpreter() throws Exception {
    // ARG_MAX makes in-range positions from the seeded scores; GATHER picks rows of the table.
    SingleOpModels b = new SingleOpModels();
    int scores = b.tensor("scores", TensorType.FLOAT32, 0, 0, 4, 5);
    int axis = b.int32(new int[] {}, 1);
    int positions = b.tensor("positions", TensorType.INT32, 0, 0, 4);
    b.op(
        BuiltinOperator.ARG_MAX,
        new ArgMaxOptions(TensorType.INT32),
        new int[] {scores},
        new int[] {scores, axis},
        positions);
    int table = b.tensor("table", TensorType.INT8, 0.1f, 0, 5, 3);
    int out = b.tensor("out", TensorType.INT8, 0.1f, 0, 4, 3);
    assertHostEqualsInterpreter(
        b.op(
            BuiltinOperator.GATHER,
            new GatherOptions(0, 0),
            new int[] {scores, table},
            new int[] {table, positions},
            out));
  }

  @Test
  void aPositionOutsideTheAxisMakesTheInvokeReturnTheOperatorNumber() throws Exception {
    Model model =
        gather(TensorType.INT8, new int[] {3, 4}, new int[] {2}, new int[] {1, 3}, 0, 0, 2, 4);
    assertThatThrownBy(() -> PreparedModel.prepare(model).newInterpreter().invoke())
        .as("the interpreter fails the invoke")
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("outside the axis");
    assertThat(invokeResult(model)).isEqualTo(1);
  }

  @Test
  void anIndexRowOutsideTheParamsMakesTheInvokeReturnTheOperatorNumber() throws Exception {
    Model model =
        gatherNd(TensorType.FLOAT32, new int[] {2, 3}, new int[] {1, 2}, new int[] {2, 0}, 1);
    assertThatThrownBy(() -> PreparedModel.prepare(model).newInterpreter().invoke())
        .as("the interpreter fails the invoke")
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("outside the params");
    assertThat(invokeResult(model)).isEqualTo(1);
  }

  /** Builds the module with a main that prints what one invoke returns. */
  private int invokeResult(Model model) throws Exception {
    Toolchain.require("gcc", "the host build of the generated C");
    CModule module = CBackend.render(model, "op");
    assertThat(module.header()).contains("returns 0, or 1 + the index of the operator");
    AtomicFiles.write(dir.resolve(module.headerFile()), module.header());
    AtomicFiles.write(dir.resolve(module.sourceFile()), module.source());
    AtomicFiles.write(
        dir.resolve("main.c"),
        "#include <stdio.h>\n#include \""
            + module.headerFile()
            + "\"\nint main(void) {\n  printf(\"invoke %d\\n\", op_invoke());\n  return 0;\n}\n");
    Path exe = Toolchain.hostBuild(dir, module);
    String out = Toolchain.runOk(dir, 60, List.of(exe.toString())).strip();
    assertThat(out).startsWith("invoke ");
    return Integer.parseInt(out.substring("invoke ".length()));
  }
}
