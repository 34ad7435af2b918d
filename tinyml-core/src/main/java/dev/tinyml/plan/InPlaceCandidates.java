package dev.tinyml.plan;

import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operators that may write their output over their input 0, under a kernel rule: the planner's
 * TFLM-safe rule ({@code OverlapRules}) and a backend's own (the c backend's {@code CInPlace})
 * share the conditions every overlap needs. The operator has one output, is its input's last
 * reader, reads it once, and the input is not a subgraph output.
 */
public final class InPlaceCandidates {
  private InPlaceCandidates() {}

  /**
   * What a kernel allows for one operator.
   *
   * @param minDistance the least distance from the output's start up to the input's start
   * @param exact whether the distance must be exactly {@code minDistance} (an alias)
   */
  public record Allowance(int minDistance, boolean exact) {}

  /** A kernel's in-place rule. */
  @FunctionalInterface
  public interface Rule {
    /**
     * The overlap the kernel of operator {@code index} allows between its input 0 and output 0.
     *
     * @return the allowance, or null when the output must not overlap the input
     */
    Allowance of(int index, Operator op, Tensor in, Tensor out);
  }

  /**
   * The overlaps {@code rule} allows in the primary subgraph.
   *
   * @param buffers the plan's buffers ({@link TensorLifetimes#of})
   * @param who text after the operator in each overlap's reason (e.g. " of the c backend")
   * @return the overlaps, in operator order
   */
  public static List<InPlaceOverlap> find(
      Model model, List<ArenaBuffer> buffers, String who, Rule rule) {
    SubGraph g = model.primarySubgraph();
    int[] position = new int[g.tensors().size()];
    Arrays.fill(position, -1);
    for (int i = 0; i < buffers.size(); i++) {
      ArenaBuffer b = buffers.get(i);
      if (b.kind() == ArenaBuffer.Kind.TENSOR && b.subgraph() == 0) {
        position[b.index()] = i;
      }
    }
    List<InPlaceOverlap> result = new ArrayList<>();
    List<Operator> ops = g.operators();
    for (int i = 0; i < ops.size(); i++) {
      Operator op = ops.get(i);
      if (op.inputs().length == 0 || op.outputs().length != 1) {
        continue;
      }
      int in = op.inputs()[0];
      int out = op.outputs()[0];
      if (in < 0 || in == out || position[in] < 0 || position[out] < 0) {
        continue;
      }
      if (Arrays.stream(op.inputs()).filter(t -> t == in).count() != 1
          || buffers.get(position[in]).lastUse() != i + 1
          || Arrays.stream(g.outputs()).anyMatch(t -> t == in)) {
        continue;
      }
      Allowance a = rule.of(i, op, g.tensors().get(in), g.tensors().get(out));
      if (a != null) {
        result.add(
            new InPlaceOverlap(
                position[in],
                position[out],
                a.minDistance(),
                a.exact(),
                "operator "
                    + i
                    + " ("
                    + model.opOf(op)
                    + ")"
                    + who
                    + " consumes its input in order"));
      }
    }
    return List.copyOf(result);
  }
}
