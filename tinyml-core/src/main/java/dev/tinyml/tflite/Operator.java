package dev.tinyml.tflite;

import java.util.Arrays;
import java.util.Objects;

/**
 * One operator of a subgraph: an index into {@link Model#operatorCodes()}, input and output tensor
 * indices (-1 marks an absent optional input) and its options. Mutable; fields the library does not
 * model ({@code builtin_options_2}, {@code mutating_variable_inputs}, {@code
 * custom_options_format}, fields of newer schemas) are kept in {@link #unknownFields()}.
 */
public final class Operator extends ModelElement {
  private int opcodeIndex;
  private int[] inputs = new int[0];
  private int[] outputs = new int[0];
  private BuiltinOptions options;
  private byte[] customOptions;
  private int[] intermediates = new int[0];

  /** An operator with opcode index 0, no tensors and no options. */
  public Operator() {}

  /** An operator with these tensors and options. */
  public Operator(int opcodeIndex, int[] inputs, int[] outputs, BuiltinOptions options) {
    setOpcodeIndex(opcodeIndex).setInputs(inputs).setOutputs(outputs).setOptions(options);
  }

  /** Index into {@link Model#operatorCodes()}. */
  public int opcodeIndex() {
    return opcodeIndex;
  }

  /** Sets the opcode index. */
  public Operator setOpcodeIndex(int opcodeIndex) {
    this.opcodeIndex = opcodeIndex;
    return this;
  }

  /** Input tensor indices (the array itself); -1 for an absent optional input. */
  public int[] inputs() {
    return inputs;
  }

  /** Sets the inputs. */
  public Operator setInputs(int... inputs) {
    this.inputs = Objects.requireNonNull(inputs, "inputs");
    return this;
  }

  /** Output tensor indices (the array itself). */
  public int[] outputs() {
    return outputs;
  }

  /** Sets the outputs. */
  public Operator setOutputs(int... outputs) {
    this.outputs = Objects.requireNonNull(outputs, "outputs");
    return this;
  }

  /** The builtin options, or {@code null} when the operator has none (e.g. LOGISTIC, RELU). */
  public BuiltinOptions options() {
    return options;
  }

  /** Sets the builtin options. */
  public Operator setOptions(BuiltinOptions options) {
    this.options = options;
    return this;
  }

  /** The custom options bytes (usually a FlexBuffer), or {@code null}. */
  public byte[] customOptions() {
    return customOptions;
  }

  /** Sets the custom options. */
  public Operator setCustomOptions(byte[] customOptions) {
    this.customOptions = customOptions;
    return this;
  }

  /** Tensors internal to the operator (e.g. LSTM gate outputs), possibly empty. */
  public int[] intermediates() {
    return intermediates;
  }

  /** Sets the intermediate tensors. */
  public Operator setIntermediates(int... intermediates) {
    this.intermediates = Objects.requireNonNull(intermediates, "intermediates");
    return this;
  }

  @Override
  Object[] state() {
    return new Object[] {opcodeIndex, inputs, outputs, options, customOptions, intermediates};
  }

  @Override
  public int hashCode() {
    return Objects.hash(opcodeIndex, Arrays.hashCode(inputs), Arrays.hashCode(outputs), options);
  }

  @Override
  public String toString() {
    return "Operator[opcode="
        + opcodeIndex
        + ", inputs="
        + Arrays.toString(inputs)
        + ", outputs="
        + Arrays.toString(outputs)
        + (options == null ? "" : ", " + options)
        + "]";
  }
}
