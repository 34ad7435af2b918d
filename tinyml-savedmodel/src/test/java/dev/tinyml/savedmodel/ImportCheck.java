package dev.tinyml.savedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Imports a SavedModel TensorFlow Java exported and checks it against TensorFlow's outputs. */
final class ImportCheck {
  /** The largest relative error allowed against TensorFlow's float outputs. */
  static final double TOLERANCE = 1e-5;

  private ImportCheck() {}

  /** Imports, runs every recorded case in the float interpreter and compares within 1e-5. */
  static Model importAndCompare(TfOracle.Exported e) throws Exception {
    ImportResult r = SavedModelImporter.builder().build().importModel(e.dir());
    for (TfOracle.Case c : e.cases()) {
      float[][] in = new float[r.inputNames().size()][];
      for (int i = 0; i < in.length; i++) {
        in[i] = c.inputs().get(r.inputNames().get(i));
      }
      float[][] out = FloatRunner.run(r.model(), in);
      assertThat(out.length).isEqualTo(r.outputNames().size());
      for (int i = 0; i < out.length; i++) {
        float[] expected = c.outputs().get(r.outputNames().get(i));
        assertThat(FloatRunner.maxRelativeError(out[i], expected))
            .as(
                "output %s: %s vs TensorFlow %s",
                r.outputNames().get(i), Arrays.toString(out[i]), Arrays.toString(expected))
            .isLessThanOrEqualTo(TOLERANCE);
      }
    }
    return r.model();
  }

  /** The builtin of each operator of the primary subgraph, in order. */
  static List<BuiltinOperator> ops(Model m) {
    List<BuiltinOperator> ops = new ArrayList<>();
    for (Operator op : m.primarySubgraph().operators()) {
      ops.add(m.opOf(op));
    }
    return ops;
  }
}
