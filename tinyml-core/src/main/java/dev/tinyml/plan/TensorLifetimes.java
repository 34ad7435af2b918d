package dev.tinyml.plan;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The buffers TFLite Micro's memory planner places, with their lifetimes, derived as {@code
 * AllocationInfoBuilder} (micro_allocation_info.cc) derives them.
 *
 * <ul>
 *   <li>Scope 0 is the start of the primary subgraph; its inputs are created and used there.
 *   <li>Each operator opens the next scope: its outputs are created in it, and every tensor it
 *       reads or writes is last used in it (at least).
 *   <li>Subgraph outputs live until the subgraph's last scope.
 *   <li>Constant tensors (with buffer data), variable tensors (persistent) and empty tensors are
 *       not planned.
 *   <li>A kernel's scratch buffers live in the scope of the operator that requested them.
 * </ul>
 *
 * <p>The list holds every planned tensor of every subgraph (subgraph by subgraph, by tensor index)
 * followed by the scratch buffers in request order: the order in which TFLM adds them to its
 * planner, which decides how it breaks ties.
 */
public final class TensorLifetimes {
  private TensorLifetimes() {}

  /**
   * The planned buffers of {@code model} in TFLM's order.
   *
   * @throws PlanningException if the model uses control flow, an operator whose scratch needs are
   *     unknown, or a tensor without a static size
   */
  public static List<ArenaBuffer> of(Model model) {
    return of(model, true);
  }

  /**
   * The planned tensors of {@code model} without any kernel scratch buffer, for code that runs its
   * own kernels (the c backend) rather than TFLM's: this also plans models with custom operators,
   * whose TFLM scratch needs are unknown.
   *
   * @throws PlanningException if the model uses control flow or a tensor without a static size
   */
  public static List<ArenaBuffer> tensorsOnly(Model model) {
    return of(model, false);
  }

  private static List<ArenaBuffer> of(Model model, boolean withScratch) {
    List<SubGraph> subgraphs = model.subgraphs();
    if (subgraphs.isEmpty()) {
      throw new PlanningException("The model has no subgraph; there is nothing to plan.");
    }
    int[][] first = new int[subgraphs.size()][];
    int[][] last = new int[subgraphs.size()][];
    for (int s = 0; s < subgraphs.size(); s++) {
      first[s] = new int[subgraphs.get(s).tensors().size()];
      last[s] = new int[subgraphs.get(s).tensors().size()];
      Arrays.fill(first[s], -1);
      Arrays.fill(last[s], -1);
    }
    // Scratch requests, in TFLM's prepare order: subgraph by subgraph, operator by operator.
    List<int[]> scratch = new ArrayList<>(); // {subgraph, op, bytes}
    for (int s = 0; s < subgraphs.size(); s++) {
      List<Operator> ops = subgraphs.get(s).operators();
      for (int i = 0; i < ops.size(); i++) {
        rejectControlFlow(model, s, i, ops.get(i));
        if (!withScratch) {
          continue;
        }
        for (int bytes : KernelFootprint.scratchRequests(model, s, i, ops.get(i))) {
          scratch.add(new int[] {s, i, bytes});
        }
      }
    }
    int[] scratchFirst = new int[scratch.size()];
    int[] scratchLast = new int[scratch.size()];
    Arrays.fill(scratchFirst, -1);
    Arrays.fill(scratchLast, -1);

    // Only the primary subgraph runs without control flow, so only it gets lifetimes; the tensors
    // of other subgraphs keep (-1, -1) as in TFLM.
    SubGraph main = subgraphs.get(0);
    int scope = 0;
    for (int t : main.inputs()) {
      check(model, 0, t, "subgraph input");
      created(first[0], t, scope);
      last[0][t] = scope;
    }
    List<Operator> ops = main.operators();
    for (int i = 0; i < ops.size(); i++) {
      scope++;
      Operator op = ops.get(i);
      for (int t : op.outputs()) {
        check(model, 0, t, "output of operator " + i);
        created(first[0], t, scope);
      }
      for (int t : op.inputs()) {
        if (t >= 0) {
          check(model, 0, t, "input of operator " + i);
          last[0][t] = scope;
        }
      }
      for (int t : op.outputs()) {
        last[0][t] = scope;
      }
      for (int k = 0; k < scratch.size(); k++) {
        if (scratch.get(k)[0] == 0 && scratch.get(k)[1] == i) {
          scratchFirst[k] = scope;
          scratchLast[k] = scope;
        }
      }
    }
    for (int t : main.outputs()) {
      check(model, 0, t, "subgraph output");
      created(first[0], t, scope);
      last[0][t] = scope;
    }

    List<ArenaBuffer> buffers = new ArrayList<>();
    for (int s = 0; s < subgraphs.size(); s++) {
      List<Tensor> tensors = subgraphs.get(s).tensors();
      for (int t = 0; t < tensors.size(); t++) {
        Tensor tensor = tensors.get(t);
        if (TflmTensors.isConstant(model, tensor) || tensor.isVariable()) {
          continue;
        }
        int bytes = TflmTensors.byteLength(s, t, tensor);
        if (bytes == 0) {
          continue;
        }
        buffers.add(ArenaBuffer.tensor(s, t, bytes, first[s][t], last[s][t]));
      }
    }
    for (int k = 0; k < scratch.size(); k++) {
      int[] r = scratch.get(k);
      buffers.add(ArenaBuffer.scratch(r[0], r[1], r[2], scratchFirst[k], scratchLast[k]));
    }
    return List.copyOf(buffers);
  }

  private static void created(int[] first, int tensor, int scope) {
    if (first[tensor] == -1) {
      first[tensor] = scope;
    }
  }

  private static void check(Model model, int subgraph, int tensor, String role) {
    TflmTensors.tensor(model, subgraph, tensor, role);
  }

  private static void rejectControlFlow(Model model, int subgraph, int opIndex, Operator op) {
    BuiltinOperator code =
        op.opcodeIndex() >= 0 && op.opcodeIndex() < model.operatorCodes().size()
            ? model.opOf(op)
            : null;
    if (code == BuiltinOperator.IF
        || code == BuiltinOperator.WHILE
        || code == BuiltinOperator.CALL_ONCE) {
      throw new PlanningException(
          "Operator "
              + opIndex
              + " ("
              + code
              + ") of subgraph "
              + subgraph
              + " calls other subgraphs; planning control flow is not supported. Inline the"
              + " branches before conversion.");
    }
  }
}
