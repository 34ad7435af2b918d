package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.UnidirectionalSequenceLstmOp;
import dev.tinyml.ops.kernels.Int16Activations;
import dev.tinyml.ops.kernels.Lstm;
import dev.tinyml.ops.kernels.LstmFloat;
import dev.tinyml.ops.kernels.SequenceShape;
import java.util.ArrayList;
import java.util.List;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM from its plan record: int8 with an int16 cell state ({@code
 * lstm_s8.c}) or float32 ({@code lstm_f32.c}). Both parameter structs start with the same sizes and
 * end with the same per-gate weight and bias pointers ({@link #emit}). The hidden and cell states
 * are variable tensors, so static arrays kept across invokes; the int16 activations' sigmoid table
 * is one constant array however many LSTMs a model has.
 */
final class LstmEmitter {
  private LstmEmitter() {}

  /** Four int32 per gate, 19 more scalars and 13 pointers (counted as 32-bit). */
  private static final int PARAMS_BYTES = 4 * (16 + 19) + 4 * 13;

  /** Five int32 sizes, the float cell clip and 12 pointers (counted as 32-bit). */
  private static final int FLOAT_PARAMS_BYTES = 4 * 6 + 4 * 12;

  static void lstm(COp op, UnidirectionalSequenceLstmOp.LstmPlan lstmPlan, CModuleWriter m)
      throws CodegenException {
    if (lstmPlan instanceof UnidirectionalSequenceLstmOp.FloatPlan plan) {
      lstmFloat(op, plan, m);
      return;
    }
    UnidirectionalSequenceLstmOp.Plan plan = (UnidirectionalSequenceLstmOp.Plan) lstmPlan;
    Lstm.Plan p = plan.lstm();
    m.useKernel("lstm_s8.c");
    String table = m.sharedUint16Array("tml_sigmoid_table", Int16Activations.sigmoidTable());
    StringBuilder gates = new StringBuilder();
    for (int g = 0; g < 4; g++) {
      Lstm.Gate q = p.gates()[g];
      gates
          .append(g > 0 ? ", " : "")
          .append('{')
          .append(
              CModuleWriter.ints(
                  q.inputMultiplier(), q.inputShift(), q.recurrentMultiplier(), q.recurrentShift()))
          .append('}');
    }
    emit(
        op,
        plan,
        m,
        "tml_lstm_s8",
        PARAMS_BYTES,
        p.shape(),
        CModuleWriter.ints(p.inputOffset(), p.hiddenOffset(), p.weightOffset()),
        "{" + gates + "}",
        CModuleWriter.ints(
            p.forgetMultiplier(), p.forgetShift(), p.inputMulMultiplier(), p.inputMulShift()),
        CModuleWriter.ints(p.outputMulMultiplier(), p.outputMulShift(), p.hiddenZeroPoint()),
        CModuleWriter.ints(
            p.cellGateTanh() ? 1 : 0,
            p.cellTanhMultiplier(),
            p.cellTanhShift(),
            p.quantizedCellClip()),
        table);
  }

  /**
   * The float32 LSTM: the sizes, the cell clip and the gate tensors; sigmoid and tanh are the float
   * LOGISTIC and TANH kernels, so the module needs libm.
   */
  private static void lstmFloat(
      COp op, UnidirectionalSequenceLstmOp.FloatPlan plan, CModuleWriter m)
      throws CodegenException {
    LstmFloat.Plan p = plan.lstm();
    m.useKernel("logistic_f32.c");
    m.useKernel("tanh_f32.c");
    m.useKernel("lstm_f32.c");
    emit(
        op,
        plan,
        m,
        "tml_lstm_f32",
        FLOAT_PARAMS_BYTES,
        p.shape(),
        CModuleWriter.floatLiteral(p.cellClip()));
  }

  /**
   * The constant parameter struct of type {@code kernel + "_params"} and the call of {@code kernel}
   * on it, the input, the two states and the output; both structs start with the sizes ({@code
   * shape}), go on with the kernel's own {@code fields} and end with the gate pointers.
   */
  private static void emit(
      COp op,
      UnidirectionalSequenceLstmOp.LstmPlan plan,
      CModuleWriter m,
      String kernel,
      int paramsBytes,
      SequenceShape shape,
      String... fields)
      throws CodegenException {
    List<String> initializer = new ArrayList<>();
    initializer.add(sizes(shape));
    initializer.addAll(List.of(fields));
    initializer.add(gateTensors(op, m));
    String params = m.params(op, kernel + "_params", paramsBytes, String.join(", ", initializer));
    m.call(
        op, kernel, params, m.tensors(op, plan.input(), plan.hidden(), plan.cell(), plan.output()));
  }

  /** The sizes both parameter structs start with: time major, batches, steps, input size, units. */
  private static String sizes(SequenceShape s) {
    return CModuleWriter.ints(
        s.timeMajor() ? 1 : 0, s.batches(), s.timeSteps(), s.inputSize(), s.units());
  }

  /**
   * The gate pointers both parameter structs end with: per gate (forget, input, cell, output) the
   * input weights, then the recurrent weights, then the biases, each the op's constant tensor.
   */
  private static String gateTensors(COp op, CModuleWriter m) throws CodegenException {
    String[] inputWeights = new String[4];
    String[] recurrentWeights = new String[4];
    String[] biases = new String[4];
    for (int g = 0; g < 4; g++) {
      int w = UnidirectionalSequenceLstmOp.gateInputWeights(g);
      inputWeights[g] = m.tensor(op.in(w), op);
      recurrentWeights[g] = m.tensor(op.in(w + 4), op);
      biases[g] = m.tensor(op.in(w + 11), op);
    }
    return String.join(
        ", ",
        "{" + String.join(", ", inputWeights) + "}",
        "{" + String.join(", ", recurrentWeights) + "}",
        "{" + String.join(", ", biases) + "}");
  }
}
