package dev.tinyml.codegen;

import java.util.List;
import java.util.Objects;

/**
 * Everything code generation needs about a model, independent of how it was read.
 *
 * @param name the model name (sanitized before use as an identifier)
 * @param flatbuffer the exact {@code .tflite} bytes that go into the C array
 * @param inputs the primary subgraph's inputs, in order
 * @param outputs the primary subgraph's outputs, in order
 * @param ops the builtin operator names the model uses (schema names such as {@code CONV_2D}), each
 *     once, in the order the resolver should register them
 * @param labels class names in output order, possibly empty
 * @param arenaBytes the tensor arena size the firmware must reserve
 */
public record ModelDescription(
    String name,
    byte[] flatbuffer,
    List<TensorSpec> inputs,
    List<TensorSpec> outputs,
    List<String> ops,
    List<String> labels,
    long arenaBytes) {

  /** Copies the lists and the bytes and checks the values. */
  public ModelDescription {
    Objects.requireNonNull(name, "name");
    flatbuffer = flatbuffer.clone();
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    ops = List.copyOf(ops);
    labels = List.copyOf(labels);
    if (inputs.isEmpty() || outputs.isEmpty()) {
      throw new IllegalArgumentException(
          "Model '" + name + "' needs at least one input and one output tensor");
    }
    if (arenaBytes <= 0) {
      throw new IllegalArgumentException(
          "Model '" + name + "': the tensor arena size must be positive, got " + arenaBytes);
    }
    if (ops.size() != ops.stream().distinct().count()) {
      throw new IllegalArgumentException("Model '" + name + "': ops listed twice in " + ops);
    }
  }

  @Override
  public byte[] flatbuffer() {
    return flatbuffer.clone();
  }

  /** The number of bytes of the flatbuffer, without copying it. */
  int modelLength() {
    return flatbuffer.length;
  }

  /** The flatbuffer itself, without a copy, for writers in this package. */
  byte[] flatbufferView() {
    return flatbuffer;
  }
}
