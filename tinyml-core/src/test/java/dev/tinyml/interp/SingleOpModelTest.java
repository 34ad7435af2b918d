package dev.tinyml.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.StridedSliceOptions;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** CAST and STRIDED_SLICE planned from one-op models: option handling and tensor types. */
class SingleOpModelTest {

  private static int constant(Model m, SubGraph g, int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    int buffer = m.addBuffer(new Buffer(b.array()));
    g.addTensor(
        new Tensor("c" + g.tensors().size(), TensorType.INT32, values.length).setBuffer(buffer));
    return g.tensors().size() - 1;
  }

  private static Model stridedSlice(
      int[] begin, int[] end, int[] strides, StridedSliceOptions o, int outCount) {
    Model m = new Model();
    m.buffers().add(new Buffer());
    SubGraph g = new SubGraph();
    g.addTensor(new Tensor("in", TensorType.INT32, 5));
    int b = constant(m, g, begin);
    int e = constant(m, g, end);
    int s = constant(m, g, strides);
    g.addTensor(new Tensor("out", TensorType.INT32, outCount));
    int out = g.tensors().size() - 1;
    g.setInputs(0);
    g.setOutputs(out);
    int code = m.addOperatorCode(new OperatorCode(BuiltinOperator.STRIDED_SLICE, 1));
    g.operators().add(new Operator(code, new int[] {0, b, e, s}, new int[] {out}, o));
    m.subgraphs().add(g);
    return m;
  }

  private static int[] run(Model m, int... input) {
    Interpreter it = PreparedModel.prepare(m).newInterpreter();
    it.input(0).setInt32(input);
    it.invoke();
    return it.output(0).int32();
  }

  private static StridedSliceOptions masks(int begin, int end, int shrink) {
    return new StridedSliceOptions(begin, end, 0, 0, shrink, false);
  }

  @Test
  void stridedSliceCountsNegativeIndicesFromTheBackAndStepsBackwards() {
    Model m = stridedSlice(new int[] {-1}, new int[] {0}, new int[] {-2}, masks(0, 0, 0), 2);
    assertThat(run(m, 10, 11, 12, 13, 14)).containsExactly(14, 12);
  }

  @Test
  void stridedSliceMasksTakeTheWholeRangeAndShrinkTakesOneElement() {
    Model all = stridedSlice(new int[] {3}, new int[] {1}, new int[] {2}, masks(1, 1, 0), 3);
    assertThat(run(all, 10, 11, 12, 13, 14)).containsExactly(10, 12, 14);
    Model one = stridedSlice(new int[] {2}, new int[] {0}, new int[] {1}, masks(0, 0, 1), 1);
    assertThat(run(one, 10, 11, 12, 13, 14)).containsExactly(12);
  }

  @Test
  void stridedSliceWithAnOutputOfTheWrongSizeIsRefused() {
    Model m = stridedSlice(new int[] {1}, new int[] {4}, new int[] {1}, masks(0, 0, 0), 2);
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .isInstanceOf(InterpreterException.class)
        .hasMessageStartingWith("op #0 STRIDED_SLICE: output")
        .hasMessageContaining("3 sliced elements");
  }

  @Test
  void stridedSliceEllipsisIsRefusedNamed() {
    Model m =
        stridedSlice(
            new int[] {1},
            new int[] {4},
            new int[] {1},
            new StridedSliceOptions(0, 0, 1, 0, 0, false),
            3);
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .hasMessageStartingWith("op #0 STRIDED_SLICE: ellipsis_mask");
  }

  private static Model cast(TensorType from, TensorType to) {
    Model m = new Model();
    m.buffers().add(new Buffer());
    SubGraph g = new SubGraph();
    g.addTensor(new Tensor("in", from, 2));
    g.addTensor(new Tensor("out", to, 2));
    g.setInputs(0);
    g.setOutputs(1);
    int code = m.addOperatorCode(new OperatorCode(BuiltinOperator.CAST, 1));
    g.operators().add(new Operator(code, new int[] {0}, new int[] {1}, (BuiltinOptions) null));
    m.subgraphs().add(g);
    return m;
  }

  @Test
  void castToUint32GivesUnsignedValues() {
    Interpreter it =
        PreparedModel.prepare(cast(TensorType.INT32, TensorType.UINT32)).newInterpreter();
    it.input(0).setInt32(new int[] {-1, 7});
    it.invoke();
    assertThat(it.output(0).values()).containsExactly(4294967295.0, 7.0);
  }

  @Test
  void castBetweenTypesTflmDoesNotCastIsRefused() {
    assertThatThrownBy(() -> PreparedModel.prepare(cast(TensorType.INT64, TensorType.INT32)))
        .isInstanceOf(InterpreterException.class)
        .hasMessageStartingWith("op #0 CAST:");
  }
}
