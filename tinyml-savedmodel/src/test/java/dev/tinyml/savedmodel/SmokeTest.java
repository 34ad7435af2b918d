package dev.tinyml.savedmodel;

import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.*;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void dump() throws Exception {
    for (String m :
        new String[] {
          "tf1_half_plus_two",
          "tf2_module_half_plus_two",
          "keras_sequential_dense_mlp",
          "keras_functional_two_inputs",
          "keras_functional_mnist_mlp",
          "keras_kws_ds_cnn",
          "keras_subclass_multi_signature"
        }) {
      System.out.println("=== " + m);
      try {
        ImportResult r =
            SavedModelImporter.builder().build().importModel(Fixtures.path("savedmodel/" + m));
        Model model = r.model();
        SubGraph g = model.primarySubgraph();
        System.out.println(
            "in " + r.inputNames() + " out " + r.outputNames() + " folded " + r.foldedNodes());
        for (Operator op : g.operators()) {
          StringBuilder sb = new StringBuilder(model.opOf(op) + " ");
          for (int i : op.inputs())
            sb.append(i < 0 ? "-" : g.tensor(i).name() + Arrays.toString(g.tensor(i).shape()))
                .append(", ");
          sb.append(" -> ")
              .append(
                  g.tensor(op.outputs()[0]).name()
                      + Arrays.toString(g.tensor(op.outputs()[0]).shape()))
              .append(" ")
              .append(op.options());
          System.out.println(sb);
        }
      } catch (SavedModelException e) {
        System.out.println("ERROR " + e.getMessage());
      }
    }
  }
}
