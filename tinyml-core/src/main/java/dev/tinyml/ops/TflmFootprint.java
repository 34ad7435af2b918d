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

  /**
   * The two structs TFLM allocates for an operator before its {@code Prepare}: the builtin
   * parameter struct the op resolver's parser allocates, and the {@code OpData} the kernel's {@code
   * Init} allocates. Each op states both in one place, since both follow from the kernel's source.
   *
   * @param params the parameter struct, or null for none
   * @param opData the {@code OpData} size in bytes, 0 for none
   */
  record KernelStructs(CStruct params, int opData) {
    /** Neither struct. */
    public static final KernelStructs NONE = new KernelStructs(null, 0);

    /** Only a parameter struct, no {@code OpData}. */
    public static KernelStructs params(CStruct params) {
      return new KernelStructs(params, 0);
    }

    /** Only an {@code OpData} of {@code bytes}, no parameter struct. */
    public static KernelStructs opData(int bytes) {
      return new KernelStructs(null, bytes);
    }

    /** These structs with another parameter struct (a family member whose parser differs). */
    public KernelStructs withParams(CStruct other) {
      return new KernelStructs(other, opData);
    }
  }

  /** The structs the op's kernel has on a target with {@code abi}; by default neither. */
  default KernelStructs kernelStructs(Abi abi) {
    return KernelStructs.NONE;
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
