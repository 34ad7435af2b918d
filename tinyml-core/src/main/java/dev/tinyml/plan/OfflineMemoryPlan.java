package dev.tinyml.plan;

import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.Metadata;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The offline memory plan TFLite Micro reads from model metadata named {@value #METADATA_NAME}
 * (micro_allocation_info.cc, docs/memory_management.md): little-endian int32 values {@code
 * [version, subgraph count, n, offset of tensor 0, ..., offset of tensor n-1]}, where the tensors
 * of all subgraphs are numbered one after the other and -1 leaves a tensor to the online planner.
 * TFLM ignores the first two values and fails unless {@code n} equals the total tensor count.
 */
public final class OfflineMemoryPlan {
  /** The metadata name TFLM looks for. */
  public static final String METADATA_NAME = "OfflineMemoryAllocation";

  /** The format version written (the value TFLM's own tests use). */
  public static final int VERSION = 1;

  /** An offset that leaves the tensor to TFLM's online planner. */
  public static final int ONLINE = -1;

  private OfflineMemoryPlan() {}

  /** The metadata buffer for {@code plan}: fixed offsets for its tensors, -1 for all others. */
  public static byte[] encode(ArenaPlan plan) {
    int[] counts = plan.subgraphTensorCounts();
    int[] base = new int[counts.length];
    for (int s = 1; s < counts.length; s++) {
      base[s] = base[s - 1] + counts[s - 1];
    }
    int n = plan.tensorCount();
    int[] offsets = new int[n];
    Arrays.fill(offsets, ONLINE);
    int[] offline = plan.offlineOffsets();
    List<ArenaBuffer> buffers = plan.buffers();
    for (int i = 0; i < buffers.size(); i++) {
      ArenaBuffer b = buffers.get(i);
      if (b.kind() == ArenaBuffer.Kind.TENSOR && offline[i] != ONLINE) {
        if (b.subgraph() >= counts.length) {
          throw new IllegalArgumentException(
              "The plan has no tensor counts for subgraph "
                  + b.subgraph()
                  + "; plan the model itself (ArenaPlanner.planned(Model)).");
        }
        offsets[base[b.subgraph()] + b.index()] = offline[i];
      }
    }
    ByteBuffer out = ByteBuffer.allocate(4 * (3 + n)).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(VERSION).putInt(counts.length).putInt(n);
    for (int o : offsets) {
      out.putInt(o);
    }
    return out.array();
  }

  /** The per-tensor offsets in an encoded plan. */
  public static int[] decode(byte[] data) {
    if (data.length < 12 || data.length % 4 != 0) {
      throw new PlanningException(
          "The "
              + METADATA_NAME
              + " buffer has "
              + data.length
              + " bytes; it needs a 12-byte header and whole int32 offsets.");
    }
    ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    in.getInt();
    in.getInt();
    int n = in.getInt();
    if (n < 0 || n != data.length / 4 - 3) {
      throw new PlanningException(
          "The "
              + METADATA_NAME
              + " buffer announces "
              + n
              + " offsets but holds "
              + (data.length / 4 - 3)
              + ".");
    }
    int[] offsets = new int[n];
    for (int i = 0; i < n; i++) {
      offsets[i] = in.getInt();
      if (offsets[i] < ONLINE) {
        throw new PlanningException(
            "The "
                + METADATA_NAME
                + " buffer gives tensor "
                + i
                + " the offset "
                + offsets[i]
                + ".");
      }
    }
    return offsets;
  }

  /**
   * Embeds {@code plan} in {@code model}: adds a buffer with {@link #encode} and points the {@value
   * #METADATA_NAME} metadata entry at it (replacing an earlier entry of that name).
   *
   * @return {@code model}, changed in place
   */
  public static Model attach(Model model, ArenaPlan plan) {
    int total = 0;
    for (SubGraph sg : model.subgraphs()) {
      total += sg.tensors().size();
    }
    if (total != plan.tensorCount()) {
      throw new IllegalArgumentException(
          "The plan covers "
              + plan.tensorCount()
              + " tensors but the model has "
              + total
              + "; plan this model with ArenaPlanner.planned(model).");
    }
    int buffer = model.addBuffer(new Buffer(encode(plan)));
    model.metadata().removeIf(m -> METADATA_NAME.equals(m.name()));
    model.metadata().add(new Metadata(METADATA_NAME, buffer));
    return model;
  }

  /**
   * The offline offset TFLM will use for each of {@code buffers}, from the model's own plan if it
   * has one (the last entry named {@value #METADATA_NAME} wins, as in TFLM), else all online.
   */
  static int[] offlineOffsetsOf(Model model, List<ArenaBuffer> buffers) {
    int[] result = new int[buffers.size()];
    Arrays.fill(result, ONLINE);
    Metadata entry = null;
    for (Metadata m : model.metadata()) {
      if (METADATA_NAME.equals(m.name())) {
        entry = m;
      }
    }
    if (entry == null) {
      return result;
    }
    if (entry.buffer() < 0 || entry.buffer() >= model.buffers().size()) {
      throw new PlanningException(
          "Metadata "
              + METADATA_NAME
              + " points at buffer "
              + entry.buffer()
              + ", which is absent.");
    }
    int[] offsets = decode(model.buffers().get(entry.buffer()).data());
    List<SubGraph> subgraphs = model.subgraphs();
    int[] base = new int[subgraphs.size() + 1];
    for (int s = 0; s < subgraphs.size(); s++) {
      base[s + 1] = base[s] + subgraphs.get(s).tensors().size();
    }
    if (offsets.length != base[subgraphs.size()]) {
      throw new PlanningException(
          "Nbr of offline buffer offsets ("
              + offsets.length
              + ") in metadata not equal nbr tensors ("
              + base[subgraphs.size()]
              + "): TFLite Micro will refuse this model. Re-plan it.");
    }
    for (int s = 0; s < subgraphs.size(); s++) {
      List<Tensor> tensors = subgraphs.get(s).tensors();
      for (int t = 0; t < tensors.size(); t++) {
        if (tensors.get(t).isVariable() && offsets[base[s] + t] != ONLINE) {
          throw new PlanningException(
              "The offline plan places variable tensor "
                  + TflmTensors.describe(s, t, tensors.get(t))
                  + " in the planned area; this planner keeps variables persistent. Re-plan the"
                  + " model.");
        }
      }
    }
    for (int i = 0; i < buffers.size(); i++) {
      ArenaBuffer b = buffers.get(i);
      if (b.kind() == ArenaBuffer.Kind.TENSOR) {
        result[i] = offsets[base[b.subgraph()] + b.index()];
      }
    }
    return result;
  }
}
