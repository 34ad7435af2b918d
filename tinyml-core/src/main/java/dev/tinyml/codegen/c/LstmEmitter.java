package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.UnidirectionalSequenceLstmOp;
import dev.tinyml.ops.kernels.Int16Activations;
import dev.tinyml.ops.kernels.Lstm;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM int8 (int16 cell state) from its plan record. The hidden and cell
 * states are variable tensors, so static arrays kept across invokes; the int16 activations' sigmoid
 * table is one constant array however many LSTMs a model has.
 */
final class LstmEmitter {
  private LstmEmitter() {}

  /** Four int32 per gate, 19 more scalars and 13 pointers (counted as 32-bit). */
  private static final int PARAMS_BYTES = 4 * (16 + 19) + 4 * 13;

  static void lstm(COp op, UnidirectionalSequenceLstmOp.LstmPlan lstmPlan, CModuleWriter m)
      throws CodegenException {
    if (!(lstmPlan instanceof UnidirectionalSequenceLstmOp.Plan plan)) {
      throw op.unsupported("float32 UNIDIRECTIONAL_SEQUENCE_LSTM");
    }
    Lstm.Plan p = plan.lstm();
    m.useKernel("lstm_s8.c");
    String table = m.sharedUint16Array("tml_sigmoid_table", Int16Activations.sigmoidTable());
    StringBuilder gates = new StringBuilder();
    String[] inputWeights = new String[4];
    String[] recurrentWeights = new String[4];
    String[] biases = new String[4];
    for (int g = 0; g < 4; g++) {
      Lstm.Gate q = p.gates()[g];
      gates
          .append(g > 0 ? ", " : "")
          .append('{')
          .append(
              CModuleWriter.ints(
                  q.inputMultiplier(), q.inputShift(), q.recurrentMultiplier(), q.recurrentShift()))
          .append('}');
      int w = UnidirectionalSequenceLstmOp.gateInputWeights(g);
      inputWeights[g] = m.tensor(op.in(w), op);
      recurrentWeights[g] = m.tensor(op.in(w + 4), op);
      biases[g] = m.tensor(op.in(w + 11), op);
    }
    String params =
        m.params(
            op,
            "tml_lstm_s8_params",
            PARAMS_BYTES,
            String.join(
                ", ",
                CModuleWriter.ints(
                    p.timeMajor() ? 1 : 0, p.batches(), p.timeSteps(), p.inputSize(), p.units()),
                CModuleWriter.ints(p.inputOffset(), p.hiddenOffset(), p.weightOffset()),
                "{" + gates + "}",
                CModuleWriter.ints(
                    p.forgetMultiplier(),
                    p.forgetShift(),
                    p.inputMulMultiplier(),
                    p.inputMulShift()),
                CModuleWriter.ints(
                    p.outputMulMultiplier(), p.outputMulShift(), p.hiddenZeroPoint()),
                CModuleWriter.ints(
                    p.cellGateTanh() ? 1 : 0,
                    p.cellTanhMultiplier(),
                    p.cellTanhShift(),
                    p.quantizedCellClip()),
                table,
                "{" + String.join(", ", inputWeights) + "}",
                "{" + String.join(", ", recurrentWeights) + "}",
                "{" + String.join(", ", biases) + "}"));
    m.call(
        op,
        "tml_lstm_s8",
        params,
        m.tensors(op, plan.input(), plan.hidden(), plan.cell(), plan.output()));
  }
}
