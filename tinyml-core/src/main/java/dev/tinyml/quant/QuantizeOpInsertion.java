package dev.tinyml.quant;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.DequantizeOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.QuantizeOptions;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The QUANTIZE and DEQUANTIZE ops the quantizer adds to a rewritten model: requantizations of
 * concatenation inputs into shared parameters, and the float edges of a model with float I/O.
 */
final class QuantizeOpInsertion {
  private final Model out;
  private final SubGraph g;
  private final TensorType activationType;

  /**
   * @param out the quantized model being built
   * @param g its subgraph, with quantized tensors
   * @param activationType the integer type of its activations (int8 or int16)
   */
  QuantizeOpInsertion(Model out, SubGraph g, TensorType activationType) {
    this.out = out;
    this.g = g;
    this.activationType = activationType;
  }

  /**
   * Before each concatenation input with fixed parameters of its own, a QUANTIZE op into the
   * concatenation's shared parameters (unless they already match).
   *
   * @param requantized concatenation op index to the positions of such inputs
   */
  void requantizeConcatInputs(Map<Integer, List<Integer>> requantized) {
    if (requantized.isEmpty()) {
      return;
    }
    int code = out.addOperatorCode(new OperatorCode(BuiltinOperator.QUANTIZE, 1));
    List<Operator> rebuilt = new ArrayList<>();
    for (int k = 0; k < g.operators().size(); k++) {
      Operator op = g.operators().get(k);
      for (int j : requantized.getOrDefault(k, List.of())) {
        int t = op.inputs()[j];
        Tensor src = g.tensors().get(t);
        Tensor concatOut = g.tensors().get(op.outputs()[0]);
        if (src.quantization().equals(concatOut.quantization())) {
          continue;
        }
        Tensor r =
            new Tensor(
                src.name() == null ? null : src.name() + "_requantized",
                activationType,
                src.shape().clone());
        r.setQuantization(concatOut.quantization());
        int ri = g.addTensor(r);
        rebuilt.add(new Operator(code, new int[] {t}, new int[] {ri}, new QuantizeOptions()));
        op.inputs()[j] = ri;
      }
      rebuilt.add(op);
    }
    g.operators().clear();
    g.operators().addAll(rebuilt);
  }

  /** With float I/O: QUANTIZE after each model input, DEQUANTIZE before each model output. */
  void addFloatEdges(IoType inputType, IoType outputType) {
    List<Operator> prologue = new ArrayList<>();
    List<Operator> epilogue = new ArrayList<>();
    if (inputType == IoType.FLOAT32) {
      int code = out.addOperatorCode(new OperatorCode(BuiltinOperator.QUANTIZE, 1));
      for (int in : g.inputs()) {
        Tensor f = g.tensors().get(in);
        int q = g.addTensor(integerTwin(f));
        f.setType(TensorType.FLOAT32);
        f.setQuantization(null);
        for (Operator op : g.operators()) {
          replace(op.inputs(), in, q);
        }
        prologue.add(new Operator(code, new int[] {in}, new int[] {q}, new QuantizeOptions()));
      }
    }
    if (outputType == IoType.FLOAT32) {
      int code = out.addOperatorCode(new OperatorCode(BuiltinOperator.DEQUANTIZE, 2));
      for (int o : g.outputs()) {
        Tensor f = g.tensors().get(o);
        if (f.type() != activationType) {
          // A boolean or index output (a comparison's, ARG_MAX's) was never quantized.
          continue;
        }
        int q = g.addTensor(integerTwin(f));
        f.setType(TensorType.FLOAT32);
        f.setQuantization(null);
        for (Operator op : g.operators()) {
          replace(op.inputs(), o, q);
          replace(op.outputs(), o, q);
        }
        for (Operator op : prologue) {
          replace(op.outputs(), o, q);
        }
        epilogue.add(new Operator(code, new int[] {q}, new int[] {o}, new DequantizeOptions()));
      }
    }
    g.operators().addAll(0, prologue);
    g.operators().addAll(epilogue);
  }

  /** The integer tensor a float model input or output stands for ({@code <name>_int8}, ...). */
  private Tensor integerTwin(Tensor f) {
    String suffix = "_" + activationType.name().toLowerCase(Locale.ROOT);
    Tensor q = new Tensor(f.name() == null ? null : f.name() + suffix, activationType, f.shape());
    q.setShapeSignature(f.shapeSignature() == null ? null : f.shapeSignature().clone());
    q.setQuantization(f.quantization());
    return q;
  }

  private static void replace(int[] indices, int from, int to) {
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] == from) {
        indices[i] = to;
      }
    }
  }
}
