package dev.tinyml.plan;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Conv2DOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.ReshapeOptions;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.List;

/** Small hand-built models with lifetimes that are easy to work out by hand. */
final class TinyModels {
  private TinyModels() {}

  /**
   * input int8[1,4,4,2] (t0) -> CONV_2D 1x1, 4 filters (t1 weights, t2 bias) -> t3 int8[1,4,4,4] ->
   * RELU -> t4 -> RESHAPE (t5 shape) -> t6 int8[1,64], the output.
   */
  static Model convReluReshape() {
    Model m = Model.empty();
    SubGraph sg = new SubGraph();
    m.subgraphs().add(sg);
    QuantizationParameters q = QuantizationParameters.perTensor(0.5f, -1);
    sg.addTensor(new Tensor("input", TensorType.INT8, 1, 4, 4, 2).setQuantization(q));
    sg.addTensor(
        new Tensor("filter", TensorType.INT8, 4, 1, 1, 2)
            .setBuffer(m.addBuffer(new Buffer(new byte[8])))
            .setQuantization(
                QuantizationParameters.perChannel(
                    new float[] {0.1f, 0.1f, 0.1f, 0.1f}, new long[4], 0)));
    sg.addTensor(
        new Tensor("bias", TensorType.INT32, 4).setBuffer(m.addBuffer(new Buffer(new byte[16]))));
    sg.addTensor(new Tensor("conv", TensorType.INT8, 1, 4, 4, 4).setQuantization(q));
    sg.addTensor(new Tensor("relu", TensorType.INT8, 1, 4, 4, 4).setQuantization(q));
    sg.addTensor(
        new Tensor("shape", TensorType.INT32, 2).setBuffer(m.addBuffer(new Buffer(new byte[8]))));
    sg.addTensor(new Tensor("output", TensorType.INT8, 1, 64).setQuantization(q));
    int conv = m.addOperatorCode(new OperatorCode(BuiltinOperator.CONV_2D));
    int relu = m.addOperatorCode(new OperatorCode(BuiltinOperator.RELU));
    int reshape = m.addOperatorCode(new OperatorCode(BuiltinOperator.RESHAPE));
    sg.operators()
        .add(
            new Operator(
                conv,
                new int[] {0, 1, 2},
                new int[] {3},
                new Conv2DOptions(
                    Padding.VALID, 1, 1, ActivationFunctionType.NONE, 1, 1, TensorType.FLOAT32)));
    sg.operators().add(new Operator(relu, new int[] {3}, new int[] {4}, null));
    sg.operators()
        .add(
            new Operator(
                reshape, new int[] {4, 5}, new int[] {6}, new ReshapeOptions(List.of(1, 64))));
    sg.setInputs(0).setOutputs(6);
    return m;
  }
}
