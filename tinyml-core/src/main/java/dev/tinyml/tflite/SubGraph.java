package dev.tinyml.tflite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A subgraph: its tensors, the operators in execution order, and its input and output tensors. */
public final class SubGraph extends ModelElement {
  private final List<Tensor> tensors = new ArrayList<>();
  private int[] inputs = new int[0];
  private int[] outputs = new int[0];
  private final List<Operator> operators = new ArrayList<>();
  private String name;

  /** An empty subgraph. */
  public SubGraph() {}

  /** The tensors (mutable list; operators refer to them by index). */
  public List<Tensor> tensors() {
    return tensors;
  }

  /** Indices of the input tensors (the array itself). */
  public int[] inputs() {
    return inputs;
  }

  /** Sets the input tensor indices. */
  public SubGraph setInputs(int... inputs) {
    this.inputs = Objects.requireNonNull(inputs, "inputs");
    return this;
  }

  /** Indices of the output tensors (the array itself). */
  public int[] outputs() {
    return outputs;
  }

  /** Sets the output tensor indices. */
  public SubGraph setOutputs(int... outputs) {
    this.outputs = Objects.requireNonNull(outputs, "outputs");
    return this;
  }

  /** The operators in execution order (mutable list). */
  public List<Operator> operators() {
    return operators;
  }

  /** The name, or {@code null}. */
  public String name() {
    return name;
  }

  /** Sets the name. */
  public SubGraph setName(String name) {
    this.name = name;
    return this;
  }

  /** The tensor at {@code index}. */
  public Tensor tensor(int index) {
    return tensors.get(index);
  }

  /** Adds a tensor and returns its index. */
  public int addTensor(Tensor tensor) {
    tensors.add(Objects.requireNonNull(tensor, "tensor"));
    return tensors.size() - 1;
  }

  @Override
  Object[] state() {
    return new Object[] {tensors, inputs, outputs, operators, name};
  }

  @Override
  public int hashCode() {
    return Objects.hash(tensors, Arrays.hashCode(inputs), Arrays.hashCode(outputs), operators);
  }

  @Override
  public String toString() {
    return "SubGraph["
        + (name == null ? "" : name + ", ")
        + tensors.size()
        + " tensors, "
        + operators.size()
        + " operators]";
  }
}
