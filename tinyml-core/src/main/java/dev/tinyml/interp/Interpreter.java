package dev.tinyml.interp;

import dev.tinyml.ops.PreparedOp;
import dev.tinyml.ops.Scratch;
import java.util.List;

/**
 * One thread's state for running a {@link PreparedModel}: the arrays of every non-constant tensor
 * and the kernels' scratch space. Fill the inputs, {@link #invoke()}, read the outputs; nothing is
 * allocated per invoke.
 */
public final class Interpreter {

  private final PreparedModel model;
  private final Object[] arrays;
  private final Scratch scratch;
  private final TensorBuffer[] inputs;
  private final TensorBuffer[] outputs;

  Interpreter(PreparedModel model, Object[] arrays) {
    this.model = model;
    this.arrays = arrays;
    this.scratch = model.newScratch();
    List<TensorInfo> in = model.inputs();
    List<TensorInfo> out = model.outputs();
    this.inputs = new TensorBuffer[in.size()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = new TensorBuffer(in.get(i), "input " + i, arrays[in.get(i).index()]);
    }
    this.outputs = new TensorBuffer[out.size()];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = new TensorBuffer(out.get(i), "output " + i, arrays[out.get(i).index()]);
    }
    model.resetVariables(arrays);
  }

  /** The prepared model this interpreter runs. */
  public PreparedModel model() {
    return model;
  }

  /**
   * Input {@code i}'s data.
   *
   * @throws InterpreterException when there is no such input
   */
  public TensorBuffer input(int i) {
    if (i < 0 || i >= inputs.length) {
      throw new InterpreterException(
          "input " + i + " does not exist; the model has " + inputs.length + " input(s)");
    }
    return inputs[i];
  }

  /**
   * Output {@code i}'s data (valid after {@link #invoke()}).
   *
   * @throws InterpreterException when there is no such output
   */
  public TensorBuffer output(int i) {
    if (i < 0 || i >= outputs.length) {
      throw new InterpreterException(
          "output " + i + " does not exist; the model has " + outputs.length + " output(s)");
    }
    return outputs[i];
  }

  /** Number of inputs. */
  public int inputCount() {
    return inputs.length;
  }

  /** Number of outputs. */
  public int outputCount() {
    return outputs.length;
  }

  /**
   * Runs every op once, in model order.
   *
   * @throws InterpreterException naming the op if it fails on tensors that preparation could not
   *     prove consistent
   */
  public void invoke() {
    PreparedOp<?>[] ops = model.ops();
    int k = 0;
    try {
      for (; k < ops.length; k++) {
        ops[k].run(arrays, scratch);
      }
    } catch (IndexOutOfBoundsException | ClassCastException | ArithmeticException e) {
      // Preparation checks what the kernels rely on; a model that slips past still fails named.
      throw new InterpreterException(
          model.describeOp(k)
              + ": failed while running ("
              + e
              + "); its tensors' shapes or types do not fit the op, check or re-convert the model",
          e);
    }
  }

  /**
   * Resets the model's variable (state) tensors to their initial values, and the state ops keep
   * themselves (the signal library's noise estimate).
   */
  public void resetState() {
    model.resetVariables(arrays);
    scratch.resetStates();
  }
}
