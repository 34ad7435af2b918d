package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.ResizeBilinearOptions;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The element-wise math functions, L2_NORMALIZATION and RESIZE_BILINEAR, each reading one [1, 4, 5,
 * 5] input of one model, cross-compiled for Cortex-M4 (flags of {@link CortexM4}) and run on qemu:
 * every output equals the Java interpreter's bytes (NaNs, from SQRT, RSQRT and LOG of negative
 * inputs, only as NaNs), so newlib's soft-double libm rounds to the same floats as Java on these
 * inputs.
 */
class CBackendMathCortexM4Test {
  @TempDir Path dir;

  /** Builds one model of several ops on a shared input, one model output per op. */
  private static final class ManyOps {
    final SingleOpModels b = new SingleOpModels();
    final TensorType type;
    final int in;
    final List<Integer> outputs = new ArrayList<>();
    Model model;

    ManyOps(TensorType type, float scale, int zeroPoint) {
      this.type = type;
      this.in = b.tensor("in", type, scale, zeroPoint, 1, 4, 5, 5);
    }

    ManyOps unary(BuiltinOperator code, float scale, int zeroPoint) {
      int out = b.tensor(code.name(), type, scale, zeroPoint, 1, 4, 5, 5);
      outputs.add(out);
      model = b.op(code, null, new int[] {in}, new int[] {in}, out);
      return this;
    }

    ManyOps resize(float scale, int zeroPoint, boolean align, boolean half) {
      int size = b.int32(new int[] {2}, 7, 3);
      int out = b.tensor("resized", type, scale, zeroPoint, 1, 7, 3, 5);
      outputs.add(out);
      model =
          b.op(
              BuiltinOperator.RESIZE_BILINEAR,
              new ResizeBilinearOptions(align, half),
              new int[] {in},
              new int[] {in, size},
              out);
      return this;
    }

    Model build() {
      model.primarySubgraph().setOutputs(outputs.stream().mapToInt(Integer::intValue).toArray());
      return model;
    }
  }

  /**
   * Float32 bytes with every NaN as 0x7fc00000. A NaN's sign and payload are the FPU's (x86's
   * default NaN has the sign set, ARM's has not) and Java does not define them; every other float
   * is compared bit for bit.
   */
  private static byte[] canonicalNans(byte[] floats) {
    ByteBuffer b = ByteBuffer.wrap(floats.clone()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 4 <= floats.length; i += 4) {
      if (Float.isNaN(b.getFloat(i))) {
        b.putInt(i, 0x7fc00000);
      }
    }
    return b.array();
  }

  private void assertCortexM4EqualsInterpreter(Model model) throws Exception {
    CortexM4.requireTools();
    List<byte[][]> runs = SeededInputs.of(model, 2, 20261207L);
    CModule module = CBackend.render(model, "m");
    CProgram.write(dir, module, runs, true);
    CortexM4.Result result = CortexM4.buildAndRun(dir, module, runs.size());
    int outputs = model.primarySubgraph().outputs().length;
    byte[][][] c = CProgram.parse(result.stdout(), runs.size(), outputs);
    byte[][][] java = SeededInputs.javaOutputs(model, runs);
    for (int r = 0; r < runs.size(); r++) {
      for (int o = 0; o < outputs; o++) {
        if (model.primarySubgraph().tensors().get(model.primarySubgraph().outputs()[o]).type()
            == TensorType.FLOAT32) {
          assertThat(canonicalNans(c[r][o]))
              .as("run %d output %d, NaNs canonical", r, o)
              .isEqualTo(canonicalNans(java[r][o]));
        } else {
          assertThat(c[r][o]).as("run %d output %d", r, o).isEqualTo(java[r][o]);
        }
      }
    }
  }

  @Test
  void floatMathOpsOnCortexM4EqualInterpreter() throws Exception {
    ManyOps m = new ManyOps(TensorType.FLOAT32, 0, 0);
    for (BuiltinOperator code :
        new BuiltinOperator[] {
          BuiltinOperator.ABS,
          BuiltinOperator.SQRT,
          BuiltinOperator.RSQRT,
          BuiltinOperator.EXP,
          BuiltinOperator.LOG,
          BuiltinOperator.FLOOR,
          BuiltinOperator.ROUND,
          BuiltinOperator.ELU,
          BuiltinOperator.HARD_SWISH,
          BuiltinOperator.L2_NORMALIZATION
        }) {
      m.unary(code, 0, 0);
    }
    assertCortexM4EqualsInterpreter(m.resize(0, 0, false, true).build());
  }

  @Test
  void int8MathOpsOnCortexM4EqualInterpreter() throws Exception {
    // Input zero point -128: every value is in RSQRT's domain.
    ManyOps m =
        new ManyOps(TensorType.INT8, 0.03f, -128)
            .unary(BuiltinOperator.ABS, 0.05f, -100)
            .unary(BuiltinOperator.RSQRT, 0.05f, -20)
            .unary(BuiltinOperator.ELU, 0.03f, 30)
            .unary(BuiltinOperator.HARD_SWISH, 0.04f, -40)
            .unary(BuiltinOperator.L2_NORMALIZATION, 1f / 128f, 0)
            .resize(0.03f, -128, true, false);
    assertCortexM4EqualsInterpreter(m.build());
  }

  @Test
  void int16AbsOnCortexM4EqualsInterpreter() throws Exception {
    assertCortexM4EqualsInterpreter(
        new ManyOps(TensorType.INT16, 0.001f, 0).unary(BuiltinOperator.ABS, 0.0007f, 0).build());
  }
}
