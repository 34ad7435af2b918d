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

/**
 * A replay of the persistent (tail) allocations TFLite Micro makes from constructing a {@code
 * MicroInterpreter} on an arena to the end of {@code AllocateTensors()}. The tail grows down from
 * the arena's end, which is taken to be 16-byte aligned; each allocation moves it down by its size
 * and then down to its alignment.
 */
final class PersistentArena {
  private final Target target;
  private final List<PersistentAllocation> allocations = new ArrayList<>();
  private long tail;

  private PersistentArena(Target target) {
    this.target = target;
  }

  static ArenaEstimate estimate(Model model, Target target, int plannedBytes) {
    PersistentArena arena = new PersistentArena(target);
    arena.replay(model);
    int persistent = (int) -arena.tail;
    int kernel = 0;
    for (PersistentAllocation a : arena.allocations) {
      kernel += a.kernelData() ? a.consumed() : 0;
    }
    return new ArenaEstimate(
        target, plannedBytes, persistent, kernel, plannedBytes + persistent, arena.allocations);
  }

  private void allocate(String what, int bytes, int alignment, boolean kernelData) {
    long before = tail;
    tail = Math.floorDiv(tail - bytes, alignment) * alignment;
    allocations.add(
        new PersistentAllocation(what, bytes, alignment, (int) (before - tail), kernelData));
  }

  private void replay(Model model) {
    int ptr = target.structAlignment();
    int sixteen = ArenaBuffer.ALIGNMENT;
    // MicroInterpreter's constructor: MicroAllocator::Create and the default planner.
    allocate("SingleArenaBufferAllocator", target.singleArenaBufferAllocator, ptr, false);
    allocate("GreedyMemoryPlanner", target.greedyMemoryPlanner, ptr, false);
    allocate("MicroAllocator", target.microAllocator, ptr, false);
    // AllocateTensors: StartModelAllocation.
    List<SubGraph> subgraphs = model.subgraphs();
    allocate("MicroBuiltinDataAllocator", target.builtinDataAllocator, ptr, false);
    allocate(
        "SubgraphAllocations[" + subgraphs.size() + "]", 2 * ptr * subgraphs.size(), ptr, false);
    for (int s = 0; s < subgraphs.size(); s++) {
      int tensors = subgraphs.get(s).tensors().size();
      allocate(
          "TfLiteEvalTensor[" + tensors + "] of subgraph " + s,
          target.evalTensor * tensors,
          ptr,
          false);
    }
    for (int s = 0; s < subgraphs.size(); s++) {
      int ops = subgraphs.get(s).operators().size();
      allocate(
          "NodeAndRegistration[" + ops + "] of subgraph " + s,
          target.nodeAndRegistration * ops,
          ptr,
          false);
    }
    // Builtin parameters, parsed for every operator, then every kernel's Init, then Prepare.
    for (int s = 0; s < subgraphs.size(); s++) {
      List<Operator> ops = subgraphs.get(s).operators();
      for (int i = 0; i < ops.size(); i++) {
        Struct params = KernelFootprint.builtinParams(model, s, i, ops.get(i), target);
        if (params != null) {
          allocate(
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
          allocate(name(model, s, i, ops.get(i), "OpData"), opData, sixteen, true);
        }
      }
    }
    int scratchCount = 0;
    for (int s = 0; s < subgraphs.size(); s++) {
      List<Operator> ops = subgraphs.get(s).operators();
      for (int i = 0; i < ops.size(); i++) {
        for (int bytes : KernelFootprint.prepareAllocations(model, s, i, ops.get(i))) {
          allocate(name(model, s, i, ops.get(i), "prepare buffer"), bytes, sixteen, true);
        }
        scratchCount += KernelFootprint.scratchRequests(model, s, i, ops.get(i)).length;
      }
    }
    // FinishModelAllocation: scratch buffer handles, then variable tensors.
    if (scratchCount > 0) {
      allocate("ScratchBufferHandle[" + scratchCount + "]", ptr * scratchCount, ptr, false);
    }
    for (int s = 0; s < subgraphs.size(); s++) {
      List<Tensor> tensors = subgraphs.get(s).tensors();
      for (int t = 0; t < tensors.size(); t++) {
        if (tensors.get(t).isVariable()) {
          allocate(
              "variable tensor " + TflmTensors.describe(s, t, tensors.get(t)),
              TflmTensors.byteLength(s, t, tensors.get(t)),
              sixteen,
              false);
        }
      }
    }
    // The interpreter's input and output TfLiteTensors.
    SubGraph main = subgraphs.get(0);
    allocate(
        "input TfLiteTensor*[" + main.inputs().length + "]",
        ptr * main.inputs().length,
        sixteen,
        false);
    for (int t : main.inputs()) {
      tensorStruct(model, t, "input");
    }
    allocate(
        "output TfLiteTensor*[" + main.outputs().length + "]",
        ptr * main.outputs().length,
        sixteen,
        false);
    for (int t : main.outputs()) {
      tensorStruct(model, t, "output");
    }
  }

  private void tensorStruct(Model model, int index, String role) {
    int ptr = target.structAlignment();
    Tensor tensor = TflmTensors.tensor(model, 0, index, "subgraph " + role);
    String name = role + " tensor " + TflmTensors.describe(0, index, tensor);
    allocate("TfLiteTensor for " + name, target.tfLiteTensor, ptr, false);
    QuantizationParameters q = tensor.quantization();
    if (q != null
        && q.scale() != null
        && q.scale().length > 0
        && q.zeroPoint() != null
        && q.zeroPoint().length > 0) {
      allocate("TfLiteAffineQuantization for " + name, target.affineQuantization, ptr, false);
      allocate("zero points for " + name, 4 + 4 * q.scale().length, 4, false);
    }
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
