package dev.tinyml.plan;

import java.util.List;

/**
 * The tensor arena a TFLite Micro build needs for a model: {@code MicroInterpreter::
 * arena_used_bytes()} after {@code AllocateTensors()}.
 *
 * @param target the machine the figure is for
 * @param plannedBytes the head: the memory planner's size for activations and scratch buffers
 * @param persistentBytes the tail: everything TFLM keeps for the interpreter's lifetime
 * @param kernelDataBytes the part of the tail the kernels own (parsed builtin parameters, {@code
 *     OpData}, per-channel multiplier and shift arrays, lookup tables), alignment included
 * @param totalBytes {@code plannedBytes + persistentBytes}: {@code arena_used_bytes()}
 * @param minimumArenaBytes the smallest arena (starting 16-byte aligned) for which {@code
 *     AllocateTensors()} succeeds; it can exceed {@code totalBytes} because kernels' prepare steps
 *     and the planner need temporary space, and it can be a few bytes below it when an arena end
 *     that is not 16-byte aligned saves alignment padding
 * @param recommendedArenaBytes the smallest multiple of 16 bytes that is enough: the size to
 *     declare for {@code alignas(16) uint8_t tensor_arena[]} in a sketch
 * @param allocations the tail allocations in TFLM's order
 */
public record ArenaEstimate(
    Target target,
    int plannedBytes,
    int persistentBytes,
    int kernelDataBytes,
    int totalBytes,
    int minimumArenaBytes,
    int recommendedArenaBytes,
    List<PersistentAllocation> allocations) {

  /** Copies the list. */
  public ArenaEstimate {
    allocations = List.copyOf(allocations);
  }

  /**
   * One allocation from the tail of the arena.
   *
   * @param what what TFLM allocates (a struct name, with its owner)
   * @param bytes the requested size
   * @param alignment the requested alignment
   * @param consumed how far the tail moved: the size plus the padding the alignment cost
   * @param kernelData whether a kernel owns it (counted in {@link #kernelDataBytes()})
   */
  public record PersistentAllocation(
      String what, int bytes, int alignment, int consumed, boolean kernelData) {}
}
