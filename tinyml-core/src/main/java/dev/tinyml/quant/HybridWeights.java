package dev.tinyml.quant;

import dev.tinyml.ops.Int8Rules;
import dev.tinyml.ops.OpRegistry;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.TreeSet;

/**
 * Turns a hybrid (dynamic-range) model, whose conv and dense weights are int8 while activations are
 * float, back into a plain float model by dequantizing those weights. TFLM refuses hybrid models;
 * after this step the quantizer makes a full-integer one from it. The weights already lie on an
 * int8 grid, so re-quantizing them loses (next to) nothing.
 */
final class HybridWeights {
  private HybridWeights() {}

  /** The model itself when it has no int8 weights under float activations, else a float copy. */
  static Model toFloat(Model model) {
    if (model.subgraphs().size() != 1) {
      return model;
    }
    SubGraph src = model.primarySubgraph();
    TreeSet<Integer> hybrid = new TreeSet<>();
    for (Operator op : src.operators()) {
      BuiltinOperator b = model.opOf(op);
      Int8Rules.WeightedInputs slots =
          OpRegistry.int8Rules(b)
              .filter(r -> r.weightsChannelAxis() >= 0)
              .map(Int8Rules::weightedInputs)
              .orElse(null);
      int[] in = op.inputs();
      if (slots == null
          || in.length <= Math.max(slots.data(), slots.weights())
          || in[slots.weights()] < 0) {
        continue;
      }
      Tensor data = src.tensors().get(in[slots.data()]);
      Tensor w = src.tensors().get(in[slots.weights()]);
      if (data.type() == TensorType.FLOAT32
          && w.type() == TensorType.INT8
          && model.dataOf(w).length > 0
          && w.quantization() != null
          && w.quantization().hasScale()) {
        hybrid.add(in[slots.weights()]);
      }
    }
    if (hybrid.isEmpty()) {
      return model;
    }
    Model out = new Model();
    out.setVersion(model.version());
    out.setDescription(model.description());
    for (OperatorCode c : model.operatorCodes()) {
      // Hybrid versions (CONV_2D 2, FULLY_CONNECTED 3, ...) describe int8 weights; now float.
      out.operatorCodes().add(new OperatorCode(c.builtinCodeValue(), c.customCode(), 1));
    }
    out.buffers().addAll(model.buffers());
    SubGraph g = new SubGraph();
    g.setName(src.name());
    for (int i = 0; i < src.tensors().size(); i++) {
      Tensor t = src.tensors().get(i);
      Tensor c = new Tensor(t.name(), t.type(), t.shape().clone());
      c.setShapeSignature(t.shapeSignature() == null ? null : t.shapeSignature().clone());
      c.setBuffer(t.buffer());
      c.setVariable(t.isVariable());
      c.setQuantization(t.quantization());
      if (hybrid.contains(i)) {
        c.setType(TensorType.FLOAT32);
        c.setQuantization(null);
        c.setBuffer(out.addBuffer(new Buffer(dequantize(t, model.dataOf(t)))));
      }
      g.tensors().add(c);
    }
    g.operators().addAll(src.operators());
    g.setInputs(src.inputs().clone());
    g.setOutputs(src.outputs().clone());
    out.subgraphs().add(g);
    out.metadata().addAll(model.metadata());
    out.signatureDefs().addAll(model.signatureDefs());
    return out;
  }

  private static byte[] dequantize(Tensor t, byte[] q) {
    QuantizationParameters p = t.quantization();
    float[] scales = p.scale();
    long[] zeros = p.zeroPoint();
    int[] shape = t.shape();
    int channels = scales.length;
    int inner = 1;
    if (channels > 1) {
      for (int d = p.quantizedDimension() + 1; d < shape.length; d++) {
        inner *= shape[d];
      }
    }
    ByteBuffer out = ByteBuffer.allocate(q.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < q.length; i++) {
      int c = channels > 1 ? (i / inner) % channels : 0;
      long zp = zeros.length > c ? zeros[c] : 0;
      out.putFloat((float) ((double) scales[c] * (q[i] - zp)));
    }
    return out.array();
  }
}
