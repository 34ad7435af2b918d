package dev.tinyml.ops;

import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;

/**
 * One operator as the model stores it, before any preparation: what the planner, reports, the
 * quantizer and code generators read when they ask an {@link Op} about it.
 *
 * @param model the model
 * @param graph the operator's subgraph
 * @param operator the operator
 */
public record OpNode(Model model, SubGraph graph, Operator operator) {

  /** The operator's options record, or null. */
  public Object options() {
    return operator.options();
  }

  /** Input {@code i}, or null when it is absent or its index is outside the subgraph. */
  public Tensor input(int i) {
    return tensor(operator.inputs(), i);
  }

  /** Output {@code i}, or null when it is absent or its index is outside the subgraph. */
  public Tensor output(int i) {
    return tensor(operator.outputs(), i);
  }

  /** The shape of input {@code i}, empty when it is absent. */
  public int[] inputShape(int i) {
    Tensor t = input(i);
    return t == null ? new int[0] : t.shape();
  }

  /** The shape of output {@code i}, empty when it is absent. */
  public int[] outputShape(int i) {
    Tensor t = output(i);
    return t == null ? new int[0] : t.shape();
  }

  /**
   * Inputs {@code indices}, in that order, for the facets that size C memory and cannot go on
   * without them.
   *
   * @param lacks what the message says the operator lacks when one is absent
   * @param indices input indices
   * @return the inputs, none null
   * @throws IllegalArgumentException naming {@code lacks} when one is absent
   */
  public Tensor[] requireInputs(String lacks, int... indices) {
    Tensor[] ts = new Tensor[indices.length];
    for (int i = 0; i < indices.length; i++) {
      ts[i] = input(indices[i]);
      if (ts[i] == null) {
        throw new IllegalArgumentException("lacks " + lacks + "; malformed model.");
      }
    }
    return ts;
  }

  /** Number of input slots, absent optional inputs included. */
  public int inputCount() {
    return operator.inputs().length;
  }

  private Tensor tensor(int[] indices, int i) {
    if (i >= indices.length) {
      return null;
    }
    int t = indices[i];
    return t >= 0 && t < graph.tensors().size() ? graph.tensors().get(t) : null;
  }
}
