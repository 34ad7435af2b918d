package dev.tinyml.plan;

import java.util.Arrays;
import java.util.List;

/**
 * A placement of the arena's non-persistent buffers.
 *
 * @param method how the plan was made: {@code "tflm-greedy"} (TFLite Micro's own planner) or {@code
 *     "compact"} (ours, to be embedded as an offline plan)
 * @param buffers the planned buffers, in TFLM's order (see {@link TensorLifetimes})
 * @param offsets the byte offset of each buffer from the start of the arena
 * @param offlineOffsets per buffer, the offset an offline plan fixes, or -1 where TFLM's online
 *     planner decides (always -1 for scratch buffers, which an offline plan cannot fix)
 * @param overlaps the input/output pairs the plan lets share memory
 * @param subgraphTensorCounts the number of tensors of each subgraph of the model
 * @param totalBytes the planned (head) size: the largest buffer end
 */
public record ArenaPlan(
    String method,
    List<ArenaBuffer> buffers,
    int[] offsets,
    int[] offlineOffsets,
    List<InPlaceOverlap> overlaps,
    int[] subgraphTensorCounts,
    int totalBytes) {

  /** Method name of TFLite Micro's greedy plan. */
  public static final String TFLM_GREEDY = "tflm-greedy";

  /** Method name of our own plan. */
  public static final String COMPACT = "compact";

  /** Validates the fields and copies the arrays. */
  public ArenaPlan {
    buffers = List.copyOf(buffers);
    overlaps = List.copyOf(overlaps);
    offsets = offsets.clone();
    offlineOffsets = offlineOffsets.clone();
    subgraphTensorCounts = subgraphTensorCounts.clone();
    if (offsets.length != buffers.size() || offlineOffsets.length != buffers.size()) {
      throw new IllegalArgumentException(
          "ArenaPlan needs one offset per buffer: "
              + buffers.size()
              + " buffers, "
              + offsets.length
              + " offsets, "
              + offlineOffsets.length
              + " offline offsets");
    }
  }

  /** A copy of the offsets. */
  @Override
  public int[] offsets() {
    return offsets.clone();
  }

  /** A copy of the offline offsets. */
  @Override
  public int[] offlineOffsets() {
    return offlineOffsets.clone();
  }

  /** A copy of the tensor counts. */
  @Override
  public int[] subgraphTensorCounts() {
    return subgraphTensorCounts.clone();
  }

  /** The offset of buffer {@code i} of {@link #buffers()}. */
  public int offset(int i) {
    return offsets[i];
  }

  /**
   * The arena offset of a tensor's data, or -1 if the tensor is not in the planned area (a
   * constant, a variable, or empty).
   */
  public int tensorOffset(int subgraph, int tensor) {
    for (int i = 0; i < buffers.size(); i++) {
      ArenaBuffer b = buffers.get(i);
      if (b.kind() == ArenaBuffer.Kind.TENSOR && b.subgraph() == subgraph && b.index() == tensor) {
        return offsets[i];
      }
    }
    return -1;
  }

  /** The number of tensors over all subgraphs. */
  public int tensorCount() {
    return Arrays.stream(subgraphTensorCounts).sum();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArenaPlan p
        && method.equals(p.method)
        && buffers.equals(p.buffers)
        && Arrays.equals(offsets, p.offsets)
        && Arrays.equals(offlineOffsets, p.offlineOffsets)
        && overlaps.equals(p.overlaps)
        && Arrays.equals(subgraphTensorCounts, p.subgraphTensorCounts)
        && totalBytes == p.totalBytes;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * method.hashCode() + Arrays.hashCode(offsets)) + totalBytes;
  }

  @Override
  public String toString() {
    return "ArenaPlan["
        + method
        + ", "
        + buffers.size()
        + " buffers, "
        + overlaps.size()
        + " overlaps, totalBytes="
        + totalBytes
        + "]";
  }
}
