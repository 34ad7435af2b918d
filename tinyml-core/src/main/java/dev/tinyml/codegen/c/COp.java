package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.Tensor;
import java.util.Arrays;

/**
 * One operator of the primary subgraph as an emitter sees it: its index, code, tensors and their
 * quantization. The model was validated by the interpreter's prepare before, so emitters read these
 * facts without re-checking what prepare refuses.
 *
 * @param model the model
 * @param index the operator's position in the primary subgraph
 * @param code the builtin operator
 * @param operator the operator
 */
public record COp(Model model, int index, BuiltinOperator code, Operator operator) {

  /** The tensor index of input {@code i}, -1 when absent. */
  public int in(int i) {
    int[] ins = operator.inputs();
    return i < ins.length ? ins[i] : -1;
  }

  /** The tensor index of output {@code i}. */
  public int out(int i) {
    return operator.outputs()[i];
  }

  /** Input tensor {@code i}. */
  public Tensor input(int i) {
    return model.primarySubgraph().tensors().get(in(i));
  }

  /** Output tensor {@code i}. */
  public Tensor output(int i) {
    return model.primarySubgraph().tensors().get(out(i));
  }

  /** The operator's options as {@code type}, or null. */
  public <T> T options(Class<T> type) {
    return type.isInstance(operator.options()) ? type.cast(operator.options()) : null;
  }

  /** The first quantization scale of {@code t}. */
  public static float scale(Tensor t) {
    QuantizationParameters q = t.quantization();
    return q == null || q.scale().length == 0 ? 0f : q.scale()[0];
  }

  /** Every quantization scale of {@code t} (one per channel when per-channel). */
  public static float[] scales(Tensor t) {
    QuantizationParameters q = t.quantization();
    return q == null ? new float[0] : q.scale();
  }

  /** The first zero point of {@code t}, 0 when there is none. */
  public static int zeroPoint(Tensor t) {
    QuantizationParameters q = t.quantization();
    return q == null || q.zeroPoint().length == 0 ? 0 : (int) q.zeroPoint()[0];
  }

  /** A failure naming this operator and suggesting the TFLM backend. */
  public CodegenException unsupported(String what) {
    return new CodegenException(
        "op #"
            + index
            + " "
            + code
            + ": the c backend has no emitter for "
            + what
            + "; use backend=tflm for this model");
  }

  /** Describes a tensor as {@code 'name' TYPE[shape]}. */
  public static String describe(Tensor t) {
    return "'" + t.name() + "' " + t.type() + Arrays.toString(t.shape());
  }
}
