package dev.tinyml.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.quant.ModelQuantizer;
import dev.tinyml.quant.QuantAssertions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Float models of new ops quantize to int8 with each op's rule and int8 version, and stay within a
 * few output steps of the float model.
 */
class BreadthQuantizationTest {

  @Test
  void quantizesWithEachOpsRuleAndVersionAndFollowsTheFloatModel() {
    Model f = BreadthModels.transposeReduceModel();
    Model q = ModelQuantizer.quantize(f, BreadthModels.samples(1, 64));
    SubGraph g = q.subgraphs().get(0);
    Tensor transposed = g.tensors().get(1);
    Tensor x = g.tensors().get(0);
    Tensor reduced = g.tensors().get(3);
    Tensor hardSwish = g.tensors().get(2);
    Tensor l2 = g.tensors().get(4);
    assertThat(transposed.type()).isEqualTo(TensorType.INT8);
    assertThat(transposed.quantization().scale()).containsExactly(x.quantization().scale());
    assertThat(reduced.quantization().scale()).containsExactly(hardSwish.quantization().scale());
    assertThat(l2.quantization().scale()).containsExactly(1f / 128f);
    assertThat(l2.quantization().zeroPoint()).containsExactly(0L);
    for (OperatorCode c : q.operatorCodes()) {
      if (c.builtinCode() == BuiltinOperator.TRANSPOSE
          || c.builtinCode() == BuiltinOperator.L2_NORMALIZATION) {
        assertThat(c.version()).as("%s", c.builtinCode()).isEqualTo(2);
      }
    }
    // Four requantizations feed an L2 norm over two values, which magnifies the input error when
    // the pair is small: a few output steps (of 1/128) is the expected agreement.
    QuantAssertions.assertWithinQuantSteps(f, q, BreadthModels.samples(2, 16), 5);
  }

  @Test
  void multiOutputAndConditionalOpsShareTheirDataParametersAndFollowTheFloatModel() {
    Model f = BreadthModels.splitSelectGatherModel();
    Model q = ModelQuantizer.quantize(f, BreadthModels.samples(3, 64));
    List<Tensor> t = q.subgraphs().get(0).tensors();
    float xScale = t.get(0).quantization().scale()[0];
    assertThat(t.get(1).quantization().scale()).containsExactly(xScale);
    assertThat(t.get(2).quantization().scale()).containsExactly(xScale);
    assertThat(t.get(4).type()).isEqualTo(TensorType.BOOL);
    float selected = t.get(5).quantization().scale()[0];
    assertThat(t.get(3).quantization().scale()).containsExactly(selected);
    assertThat(t.get(6).quantization().scale()).containsExactly(selected);
    assertThat(t.get(7).quantization().scale()).containsExactly(selected);
    assertThat(t.get(8).quantization().scale()).containsExactly(selected);
    QuantAssertions.assertWithinQuantSteps(f, q, BreadthModels.samples(4, 16), 3);
  }

  @Test
  void batchMatMulOperandsAreActivationsAndArgMaxKeepsItsIndexOutput() {
    Model q =
        ModelQuantizer.quantize(
            BreadthModels.batchMatMulArgMaxModel(), BreadthModels.samples(6, 32));
    List<Tensor> t = q.subgraphs().get(0).tensors();
    assertThat(t.get(1).type()).as("constant operand").isEqualTo(TensorType.INT8);
    assertThat(t.get(2).type()).isEqualTo(TensorType.INT8);
    assertThat(t.get(3).type()).isEqualTo(TensorType.INT32);
    for (OperatorCode c : q.operatorCodes()) {
      if (c.builtinCode() == BuiltinOperator.BATCH_MATMUL
          || c.builtinCode() == BuiltinOperator.ARG_MAX) {
        assertThat(c.version()).as("%s", c.builtinCode()).isEqualTo(2);
      }
    }
  }
}
