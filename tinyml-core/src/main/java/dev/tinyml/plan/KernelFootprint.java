package dev.tinyml.plan;

import dev.tinyml.ops.OpNode;
import dev.tinyml.ops.OpRegistry;
import dev.tinyml.ops.TflmFootprint;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each TFLite Micro reference kernel takes from the arena, as the op classes state it ({@link
 * TflmFootprint}): the builtin parameter struct the op resolver's parser allocates, the {@code
 * OpData} its {@code Init} allocates, the persistent arrays its {@code Prepare} allocates, and the
 * scratch buffers it requests. This class finds the op, adapts the target and names the operator in
 * errors.
 */
final class KernelFootprint {
  /** A C struct's size and alignment. */
  record Struct(int size, int alignment) {}

  /** Reference kernels that request scratch buffers the op classes do not model. */
  private static final Set<BuiltinOperator> UNMODELLED_SCRATCH =
      Set.of(BuiltinOperator.ADD_N, BuiltinOperator.MIRROR_PAD, BuiltinOperator.CUSTOM);

  private KernelFootprint() {}

  /**
   * The byte sizes of the scratch buffers the kernel of {@code op} requests in its prepare step, in
   * request order.
   */
  static int[] scratchRequests(Model model, int subgraph, int opIndex, Operator op) {
    BuiltinOperator code = opOf(model, subgraph, opIndex, op);
    if (UNMODELLED_SCRATCH.contains(code)) {
      throw unsupported(model, subgraph, opIndex, op, "its scratch buffers");
    }
    TflmFootprint f = footprintOrNull(code);
    return f == null ? new int[0] : ask(model, subgraph, opIndex, op, f::scratchRequests);
  }

  /** The builtin parameter struct the parser allocates, or null if it allocates none. */
  static Struct builtinParams(Model model, int subgraph, int opIndex, Operator op, Target t) {
    // The struct sizes depend only on the op and the ABI, never on the operator's tensors.
    TflmFootprint.CStruct s = known(model, subgraph, opIndex, op).kernelStructs(abi(t)).params();
    return s == null ? null : new Struct(s.size(), s.alignment());
  }

  /** The size of the {@code OpData} the kernel's {@code Init} allocates, or 0 for none. */
  static int opData(Model model, int subgraph, int opIndex, Operator op, Target t) {
    return known(model, subgraph, opIndex, op).kernelStructs(abi(t)).opData();
  }

  /** The sizes of the persistent buffers the kernel's {@code Prepare} allocates, in order. */
  static int[] prepareAllocations(Model model, int subgraph, int opIndex, Operator op, Target t) {
    TflmFootprint f = known(model, subgraph, opIndex, op);
    return ask(model, subgraph, opIndex, op, n -> f.prepareAllocations(n, abi(t)));
  }

  private static TflmFootprint.Abi abi(Target t) {
    return new TflmFootprint.Abi(t.pointerSize, t.shortEnums);
  }

  private static TflmFootprint footprintOrNull(BuiltinOperator code) {
    return OpRegistry.tflmFootprint(code).orElse(null);
  }

  private static TflmFootprint known(Model model, int subgraph, int opIndex, Operator op) {
    TflmFootprint f = footprintOrNull(opOf(model, subgraph, opIndex, op));
    if (f == null) {
      throw unsupported(model, subgraph, opIndex, op, "its persistent data");
    }
    return f;
  }

  /** Asks the op about the operator; a malformed operator fails naming it. */
  private static <T> T ask(
      Model model, int subgraph, int opIndex, Operator op, Function<OpNode, T> question) {
    OpNode node = new OpNode(model, model.subgraphs().get(subgraph), op);
    try {
      return question.apply(node);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new PlanningException(subject(model, subgraph, opIndex, op) + " " + e.getMessage());
    }
  }

  private static BuiltinOperator opOf(Model model, int subgraph, int opIndex, Operator op) {
    if (op.opcodeIndex() < 0 || op.opcodeIndex() >= model.operatorCodes().size()) {
      throw new PlanningException(
          "Operator "
              + opIndex
              + " of subgraph "
              + subgraph
              + " uses operator code "
              + op.opcodeIndex()
              + ", but the model has "
              + model.operatorCodes().size()
              + " codes; the model is malformed.");
    }
    BuiltinOperator code = model.opOf(op);
    if (code == null) {
      throw unsupported(model, subgraph, opIndex, op, "its arena needs");
    }
    return code;
  }

  /** "Operator N (NAME) of subgraph S", how the planner's errors name an operator. */
  private static String subject(Model model, int subgraph, int opIndex, Operator op) {
    return "Operator "
        + opIndex
        + " ("
        + model.operatorCodeOf(op).displayName()
        + ") of subgraph "
        + subgraph;
  }

  private static PlanningException unsupported(
      Model model, int subgraph, int opIndex, Operator op, String what) {
    return new PlanningException(
        subject(model, subgraph, opIndex, op)
            + ": the planner does not know "
            + what
            + " in TFLite Micro. Supported: "
            + modelled().stream().map(Enum::name).collect(Collectors.joining(", "))
            + ".");
  }

  /** The builtins whose op class states its TFLM footprint. */
  private static List<BuiltinOperator> modelled() {
    return OpRegistry.builtins().stream().filter(b -> footprintOrNull(b) != null).toList();
  }
}
