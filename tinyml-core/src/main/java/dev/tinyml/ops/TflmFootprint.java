package dev.tinyml.ops;

/**
 * What an op's TFLite Micro reference kernel takes from the arena, implemented by the op classes
 * whose kernels the memory planner models (derived from {@code tensorflow/lite/micro/kernels} at
 * tflite-micro 90b983c2). Methods may throw {@link IllegalArgumentException} for a malformed
 * operator; the planner reports it naming the operator.
 */
public interface TflmFootprint {

  /** A C struct's size and alignment in bytes. */
  record CStruct(int size, int alignment) {}

  /**
   * The target's C ABI, as far as the structs depend on it.
   *
   * @param pointerSize bytes per pointer (4 on Cortex-M, 8 on a 64-bit host)
   * @param shortEnums whether enums take the fewest bytes that hold them (Arm's EABI)
   */
  record Abi(int pointerSize, boolean shortEnums) {
    /** {@code lp64} on a 64-bit target, {@code ilp32} on a 32-bit one. */
    int byPointer(int lp64, int ilp32) {
      return pointerSize == 8 ? lp64 : ilp32;
    }

    /** {@code packed} where enums are short (Arm's EABI), {@code wide} where they take an int. */
    <T> T byEnums(T packed, T wide) {
      return shortEnums ? packed : wide;
    }

    /** A parameter struct holding one enum (an activation or an output type) and nothing else. */
    CStruct oneEnum() {
      return shortEnums ? new CStruct(1, 1) : new CStruct(4, 4);
    }
  }

  /** The builtin parameter struct the op resolver's parser allocates, or null for none. */
  default CStruct builtinParams(OpNode node, Abi abi) {
    return null;
  }

  /** The size of the {@code OpData} the kernel's {@code Init} allocates, 0 for none. */
  default int opData(OpNode node, Abi abi) {
    return 0;
  }

  /** The sizes of the persistent buffers the kernel's {@code Prepare} allocates, in order. */
  default int[] prepareAllocations(OpNode node) {
    return new int[0];
  }

  /**
   * The sizes of the persistent buffers the kernel's {@code Prepare} allocates, in order, where
   * they hold structs whose size depends on the target's ABI; by default {@link
   * #prepareAllocations(OpNode)}.
   */
  default int[] prepareAllocations(OpNode node, Abi abi) {
    return prepareAllocations(node);
  }

  /** The byte sizes of the scratch buffers the kernel's {@code Prepare} requests, in order. */
  default int[] scratchRequests(OpNode node) {
    return new int[0];
  }

  /** The two per-channel arrays (multipliers and shifts) of {@code channels} int32 values. */
  static int[] perChannel(int channels) {
    return new int[] {4 * channels, 4 * channels};
  }

  /** The scratch of a kernel that unpacks an INT4 filter (input 1) to int8 first. */
  static int[] int4FilterScratch(OpNode node) {
    dev.tinyml.tflite.Tensor filter = node.input(1);
    if (filter == null) {
      throw new IllegalArgumentException("lacks its input 1; malformed model.");
    }
    return filter.type() == dev.tinyml.tflite.TensorType.INT4
        ? new int[] {filter.elementCount()}
        : new int[0];
  }
}
