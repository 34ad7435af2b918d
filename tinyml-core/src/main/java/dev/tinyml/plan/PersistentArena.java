package dev.tinyml.plan;

import dev.tinyml.plan.ArenaEstimate.PersistentAllocation;
import dev.tinyml.plan.KernelFootprint.Struct;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A replay of every arena allocation TFLite Micro makes from constructing a {@code
 * MicroInterpreter} to the end of {@code AllocateTensors()}, on an arena of a given size that
 * starts 16-byte aligned. It tracks the three pointers of {@code SingleArenaBufferAllocator}: the
 * head (resizable buffer: scratch requests during prepare, the memory plan afterwards), the temp
 * pointer above it (temporary {@code TfLiteTensor}s in kernel prepare, the planner's working
 * memory) and the tail, which persistent allocations move down. An allocation that does not fit
 * fails as TFLM's would.
 */
final class PersistentArena {
  /** {@code kMaxScratchBuffersPerOp}: the head always has room for this many more requests. */
  private static final int MAX_SCRATCH_PER_OP = 12;

  /** The greedy planner's working memory per buffer ({@code per_buffer_size()}). */
  private static final int PLANNER_BYTES_PER_BUFFER = 40;

  /** An arena size no model here comes near; a multiple of 16 so the end is aligned. */
  private static final long LARGE_ARENA = 1L << 40;

  /** An allocation did not fit in the arena. */
  private static final class OutOfArena extends Exception {
    private static final long serialVersionUID = 1L;

    OutOfArena() {
      super(null, null, false, false);
    }
  }

  private final Target target;
  private final long size;
  private final List<PersistentAllocation> allocations = new ArrayList<>();
  private long head;
  private long temp;
  private long tail;

  private PersistentArena(Target target, long size) {
    this.target = target;
    this.size = size;
    this.tail = size;
  }

  static ArenaEstimate estimate(Model model, Target target, int plannedBytes, int plannedBuffers) {
    PersistentArena arena = new PersistentArena(target, LARGE_ARENA);
    try {
      arena.replay(model, plannedBytes, plannedBuffers);
    } catch (OutOfArena e) {
      throw new IllegalStateException("A " + LARGE_ARENA + "-byte arena cannot be too small", e);
    }
    int persistent = (int) (LARGE_ARENA - arena.tail);
    int kernel = 0;
    for (PersistentAllocation a : arena.allocations) {
      kernel += a.kernelData() ? a.consumed() : 0;
    }
    int minimum = minimum(model, target, plannedBytes, plannedBuffers, plannedBytes + persistent);
    int recommended = ArenaBuffer.alignUp(minimum, ArenaBuffer.ALIGNMENT);
    while (!fits(model, target, plannedBytes, plannedBuffers, recommended)) {
      recommended += ArenaBuffer.ALIGNMENT;
    }
    return new ArenaEstimate(
        target,
        plannedBytes,
        persistent,
        kernel,
        plannedBytes + persistent,
        minimum,
        recommended,
        arena.allocations);
  }

  /** The smallest arena for which the replay succeeds, searched as TFLM's recorder searched it. */
  private static int minimum(Model model, Target target, int planned, int buffers, int used) {
    long low = 1;
    long high = Math.max(used, 1);
    while (!fits(model, target, planned, buffers, high)) {
      high *= 2;
    }
    while (low < high) {
      long mid = (low + high) >>> 1;
      if (fits(model, target, planned, buffers, mid)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return (int) low;
  }

  private static boolean fits(Model model, Target target, int planned, int buffers, long size) {
    try {
      new PersistentArena(target, size).replay(model, planned, buffers);
      return true;
    } catch (OutOfArena e) {
      return false;
    }
  }

  private void persistent(String what, int bytes, int alignment, boolean kernelData)
      throws OutOfArena {
    long result = Math.floorDiv(tail - bytes, alignment) * alignment;
    if (result < head) {
      throw new OutOfArena();
    }
    allocations.add(
        new PersistentAllocation(what, bytes, alignment, (int) (tail - result), kernelData));
    tail = result;
  }

  private void temporary(long bytes, int alignment) throws OutOfArena {
    long start = alignUp(temp, alignment);
    if (tail - start < bytes) {
      throw new OutOfArena();
    }
    temp = start + bytes;
  }

  /** Sets the resizable head buffer (it starts at the arena start) and resets the temp pointer. */
  private void resizeHead(long bytes, int alignment) throws OutOfArena {
    if (tail - alignUp(0, alignment) < bytes) {
      throw new OutOfArena();
    }
    head = alignUp(0, alignment) + bytes;
    temp = head;
  }

  private static long alignUp(long value, int alignment) {
    return Math.floorDiv(value + alignment - 1, alignment) * alignment;
  }

  /**
   * One array of {@code struct} per subgraph, {@code count} entries of {@code structBytes} each.
   */
  private void perSubgraph(
      List<SubGraph> subgraphs,
      String struct,
      int structBytes,
      ToIntFunction<SubGraph> count,
      int alignment)
      throws OutOfArena {
    for (int s = 0; s < subgraphs.size(); s++) {
      int n = count.applyAsInt(subgraphs.get(s));
      persistent(struct + "[" + n + "] of subgraph " + s, structBytes * n, alignment, false);
    }
  }

  /** The interpreter's pointer array for its inputs or outputs, then each one's TfLiteTensor. */
  private void interfaceTensors(Model model, String role, int[] tensors, int ptr, int alignment)
      throws OutOfArena {
    persistent(
        role + " TfLiteTensor*[" + tensors.length + "]", ptr * tensors.length, alignment, false);
    for (int t : tensors) {
      tensorStruct(model, t, role);
    }
  }

  private void replay(Model model, int plannedBytes, int plannedBuffers) throws OutOfArena {
    int ptr = target.structAlignment();
    int sixteen = ArenaBuffer.ALIGNMENT;
    int requestSize = target.scratchBufferRequest;
    // MicroInterpreter's constructor: MicroAllocator::Create and the default planner.
    persistent("SingleArenaBufferAllocator", target.singleArenaBufferAllocator, ptr, false);
    persistent("GreedyMemoryPlanner", target.greedyMemoryPlanner, ptr, false);
    persistent("MicroAllocator", target.microAllocator, ptr, false);
    // AllocateTensors: StartModelAllocation.
    List<SubGraph> subgraphs = model.subgraphs();
    persistent("MicroBuiltinDataAllocator", target.builtinDataAllocator, ptr, false);
    resizeHead((long) requestSize * MAX_SCRATCH_PER_OP, ptr);
    persistent(
        "SubgraphAllocations[" + subgraphs.size() + "]", 2 * ptr * subgraphs.size(), ptr, false);
    perSubgraph(subgraphs, "TfLiteEvalTensor", target.evalTensor, g -> g.tensors().size(), ptr);
    perSubgraph(
        subgraphs,
        "NodeAndRegistration",
        target.nodeAndRegistration,
        g -> g.operators().size(),
        ptr);
    // Builtin parameters, parsed for every operator, then every kernel's Init, then Prepare.
    for (int s = 0; s < subgraphs.size(); s++) {
      List<Operator> ops = subgraphs.get(s).operators();
      for (int i = 0; i < ops.size(); i++) {
        Struct params = KernelFootprint.builtinParams(model, s, i, ops.get(i), target);
        if (params != null) {
          persistent(
              name(model, s, i, ops.get(i), "builtin params"),
              params.size(),
              params.alignment(),
              true);
        }
      }
    }
    for (int s = 0; s < subgraphs.size(); s++) {
      List<Operator> ops = subgraphs.get(s).operators();
      for (int i = 0; i < ops.size(); i++) {
        int opData = KernelFootprint.opData(model, s, i, ops.get(i), target);
        if (opData > 0) {
          persistent(name(model, s, i, ops.get(i), "OpData"), opData, sixteen, true);
        }
      }
    }
    int scratchCount = 0;
    for (int s = 0; s < subgraphs.size(); s++) {
      List<Operator> ops = subgraphs.get(s).operators();
      for (int i = 0; i < ops.size(); i++) {
        Operator op = ops.get(i);
        // The kernel looks at its tensors through temporary TfLiteTensors, all at once.
        for (int t : op.inputs()) {
          if (t >= 0) {
            temporaryTensor(model, s, t);
          }
        }
        for (int t : op.outputs()) {
          temporaryTensor(model, s, t);
        }
        for (int bytes : KernelFootprint.prepareAllocations(model, s, i, op, target)) {
          persistent(name(model, s, i, op, "prepare buffer"), bytes, sixteen, true);
        }
        scratchCount += KernelFootprint.scratchRequests(model, s, i, op).length;
        temp = head;
        resizeHead((long) requestSize * (scratchCount + MAX_SCRATCH_PER_OP), ptr);
      }
    }
    // FinishModelAllocation: scratch buffer handles, then the static memory plan.
    if (scratchCount > 0) {
      persistent("ScratchBufferHandle[" + scratchCount + "]", ptr * scratchCount, ptr, false);
    }
    int tensorCount = 0;
    for (SubGraph sg : subgraphs) {
      tensorCount += sg.tensors().size();
    }
    temporary((long) ptr * subgraphs.size(), ptr);
    temporary((long) target.allocationInfo * (tensorCount + scratchCount), ptr);
    for (int s = 0; s < subgraphs.size(); s++) {
      List<Tensor> tensors = subgraphs.get(s).tensors();
      for (int t = 0; t < tensors.size(); t++) {
        if (tensors.get(t).isVariable()) {
          persistent(
              "variable tensor " + TflmTensors.describe(s, t, tensors.get(t)),
              TflmTensors.byteLength(s, t, tensors.get(t)),
              sixteen,
              false);
        }
      }
    }
    long available = Math.floorDiv(tail, sixteen) * (long) sixteen - alignUp(temp, sixteen);
    if (available / PLANNER_BYTES_PER_BUFFER < plannedBuffers) {
      throw new OutOfArena();
    }
    resizeHead(plannedBytes, sixteen);
    // The interpreter's input and output TfLiteTensors.
    SubGraph main = subgraphs.get(0);
    interfaceTensors(model, "input", main.inputs(), ptr, sixteen);
    interfaceTensors(model, "output", main.outputs(), ptr, sixteen);
  }

  private void temporaryTensor(Model model, int subgraph, int index) throws OutOfArena {
    int ptr = target.structAlignment();
    Tensor tensor = TflmTensors.tensor(model, subgraph, index, "operator tensor");
    temporary(target.tfLiteTensor, ptr);
    if (quantized(tensor)) {
      temporary(target.affineQuantization, ptr);
      temporary(4 + 4L * tensor.quantization().scale().length, 4);
    }
  }

  private void tensorStruct(Model model, int index, String role) throws OutOfArena {
    int ptr = target.structAlignment();
    Tensor tensor = TflmTensors.tensor(model, 0, index, "subgraph " + role);
    String name = role + " tensor " + TflmTensors.describe(0, index, tensor);
    persistent("TfLiteTensor for " + name, target.tfLiteTensor, ptr, false);
    if (quantized(tensor)) {
      persistent("TfLiteAffineQuantization for " + name, target.affineQuantization, ptr, false);
      persistent("zero points for " + name, 4 + 4 * tensor.quantization().scale().length, 4, false);
    }
  }

  /** Whether TFLM copies quantization parameters for the tensor: it has scales and zero points. */
  private static boolean quantized(Tensor tensor) {
    QuantizationParameters q = tensor.quantization();
    return q != null
        && q.scale() != null
        && q.scale().length > 0
        && q.zeroPoint() != null
        && q.zeroPoint().length > 0;
  }

  private static String name(Model model, int subgraph, int op, Operator operator, String what) {
    return what
        + " of operator "
        + op
        + " ("
        + model.operatorCodeOf(operator).displayName()
        + ")"
        + (subgraph == 0 ? "" : " of subgraph " + subgraph);
  }
}
