package dev.tinyml.quant;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.interp.TensorInfo;
import dev.tinyml.tflite.Model;
import java.util.List;

/**
 * Runs any model, float or int8, on real-valued samples: inputs are quantized with each input's own
 * parameters when the model wants integers, and outputs come back dequantized.
 */
final class ModelRunner {
  private final PreparedModel prepared;
  private final Interpreter interpreter;
  private final String what;

  /** A runner for {@code model}; a hybrid model runs as the float model it stands for. */
  ModelRunner(Model model, String what) {
    this(PreparedModel.prepare(HybridWeights.toFloat(model)), what);
  }

  ModelRunner(PreparedModel prepared, String what) {
    this.prepared = prepared;
    this.interpreter = prepared.newInterpreter();
    this.what = what;
  }

  PreparedModel prepared() {
    return prepared;
  }

  /** Runs one sample; returns each output's real values. */
  float[][] run(float[][] sample, long sampleNumber) {
    setInputs(prepared.inputs(), interpreter, sample, sampleNumber, what);
    interpreter.invoke();
    float[][] out = new float[prepared.outputs().size()][];
    for (int o = 0; o < out.length; o++) {
      out[o] = interpreter.output(o).dequantized();
    }
    return out;
  }

  static void setInputs(
      List<TensorInfo> inputs, Interpreter it, float[][] sample, long sampleNumber, String what) {
    if (sample == null || sample.length != inputs.size()) {
      throw new QuantizationException(
          "sample "
              + sampleNumber
              + " has "
              + (sample == null ? 0 : sample.length)
              + " input arrays but "
              + what
              + " has "
              + inputs.size()
              + " inputs; give one float[] per model input");
    }
    for (int i = 0; i < sample.length; i++) {
      TensorInfo info = inputs.get(i);
      float[] x = sample[i];
      String subject = "sample " + sampleNumber + ", input " + i + " ('" + info.name() + "') has ";
      if (x == null || x.length != info.elementCount()) {
        throw new QuantizationException(
            subject
                + (x == null ? 0 : x.length)
                + " values but the tensor holds "
                + info.elementCount());
      }
      for (int k = 0; k < x.length; k++) {
        if (!Float.isFinite(x[k])) {
          throw new QuantizationException(
              subject
                  + x[k]
                  + " at index "
                  + k
                  + "; remove or repair non-finite values in the data");
        }
      }
      if (info.type() == dev.tinyml.tflite.TensorType.FLOAT32) {
        it.input(i).setFloat(x);
      } else {
        double[] d = new double[x.length];
        for (int k = 0; k < x.length; k++) {
          d[k] = x[k];
        }
        it.input(i).setReal(d);
      }
    }
  }
}
