package dev.tinyml.savedmodel;

import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.SignatureDef;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.TensorType;
import java.util.Set;

/**
 * Lowers the imported graph to a float TFLite model of builtin ops: each needed node goes, in graph
 * order, to the {@link OpLowering} its op is registered with in {@link OpTables}. MatMul, Conv2D
 * and DepthwiseConv2dNative absorb the bias, batch-norm and per-channel scale ops that follow them
 * (when nothing else reads the intermediate results) and a trailing Relu/Relu6 as fused activation,
 * as the TFLite converter does.
 */
final class Lowering {
  private Lowering() {}

  static Model lower(GraphImporter.Imported graph, String signatureKey, String description)
      throws SavedModelException {
    LoweringContext cx = new LoweringContext(graph);
    Model model = cx.model();
    SubGraph sub = cx.subgraph();
    model.setDescription(description);
    model.subgraphs().add(sub);
    sub.setName(signatureKey);
    for (Node.Port out : graph.outputs()) {
      if (out.isConstant()) {
        throw new SavedModelException(
            "Output "
                + out
                + " of the signature is a constant: it does not depend on any input, "
                + "so there is nothing to run. Export a signature whose outputs depend on its inputs.");
      }
      cx.markNeeded(out.node());
      cx.markRead(out);
    }
    int[] inputs = new int[graph.inputs().size()];
    for (int i = 0; i < inputs.length; i++) {
      Node.Port p = graph.inputs().get(i);
      inputs[i] = cx.addTensor(graph.inputNames().get(i), TensorType.FLOAT32, p.shape(), null);
      cx.bind(p, inputs[i]);
    }
    for (Node n : graph.nodes()) {
      if (cx.needsLowering(n) && !n.op.equals("Placeholder")) {
        try {
          emit(n, cx);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
          throw new SavedModelException(
              n.describe()
                  + " cannot be lowered: its attributes or inputs are malformed ("
                  + e
                  + ").",
              e);
        }
      }
    }
    int[] outputs = new int[graph.outputs().size()];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = cx.tensor(graph.outputs().get(i));
    }
    sub.setInputs(inputs);
    sub.setOutputs(outputs);
    SignatureDef sig = new SignatureDef(signatureKey, 0);
    for (int i = 0; i < inputs.length; i++) {
      sig.inputs().put(graph.inputNames().get(i), inputs[i]);
    }
    for (int i = 0; i < outputs.length; i++) {
      sig.outputs().put(graph.outputNames().get(i), outputs[i]);
    }
    model.signatureDefs().add(sig);
    return model;
  }

  private static void emit(Node n, LoweringContext cx) throws SavedModelException {
    if (n.values[0] != null) {
      return;
    }
    OpLowering lowering = OpTables.LOWERINGS.get(n.op);
    if (lowering == null) {
      throw new UnsupportedOpsException(
          n.describe() + " has no TFLite lowering. See docs/savedmodel.md for the supported ops.",
          GraphImporter.opCounts(cx.graph().nodes()),
          Set.of(n.op));
    }
    lowering.lower(n, cx);
  }
}
