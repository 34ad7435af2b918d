package dev.tinyml.plan;

/**
 * The machine a TFLite Micro build runs on, which fixes the sizes of TFLM's persistent structures.
 *
 * <p>The layouts below were derived from the TFLM sources at commit 90b983c2 (built with {@code
 * TF_LITE_STATIC_MEMORY}, without {@code USE_TFLM_COMPRESSION}) and checked against the arena sizes
 * TFLM reported for every fixture model; see {@code docs/plan.md}.
 */
public enum Target {
  /**
   * A 32-bit Arm Cortex-M (the Nano 33 BLE Sense's Cortex-M4F) built with arm-none-eabi GCC: 4-byte
   * pointers, 8-byte aligned {@code int64_t}/{@code double}, and one-byte C enums (the bare-metal
   * EABI default {@code -fshort-enums}), which shrinks {@code TfLiteTensor} and some builtin
   * parameter structs.
   */
  CORTEX_M_32BIT(4, 36, 44, 36, 8, 12, 32, 32, 12, 12, 24, true),
  /** A 64-bit host (x86-64 or AArch64 Linux/macOS): 8-byte pointers, 4-byte enums. */
  HOST_64BIT(8, 72, 72, 72, 16, 24, 64, 64, 24, 16, 32, false);

  final int pointerSize;
  final int singleArenaBufferAllocator;
  final int greedyMemoryPlanner;
  final int microAllocator;
  final int builtinDataAllocator;
  final int evalTensor;
  final int nodeAndRegistration;
  final int tfLiteTensor;
  final int affineQuantization;
  final int scratchBufferRequest;
  final int allocationInfo;
  final boolean shortEnums;

  Target(
      int pointerSize,
      int singleArenaBufferAllocator,
      int greedyMemoryPlanner,
      int microAllocator,
      int builtinDataAllocator,
      int evalTensor,
      int nodeAndRegistration,
      int tfLiteTensor,
      int affineQuantization,
      int scratchBufferRequest,
      int allocationInfo,
      boolean shortEnums) {
    this.pointerSize = pointerSize;
    this.singleArenaBufferAllocator = singleArenaBufferAllocator;
    this.greedyMemoryPlanner = greedyMemoryPlanner;
    this.microAllocator = microAllocator;
    this.builtinDataAllocator = builtinDataAllocator;
    this.evalTensor = evalTensor;
    this.nodeAndRegistration = nodeAndRegistration;
    this.tfLiteTensor = tfLiteTensor;
    this.affineQuantization = affineQuantization;
    this.scratchBufferRequest = scratchBufferRequest;
    this.allocationInfo = allocationInfo;
    this.shortEnums = shortEnums;
  }

  /** The alignment of pointer-holding structs ({@code alignof(void*)}). */
  int structAlignment() {
    return pointerSize;
  }
}
