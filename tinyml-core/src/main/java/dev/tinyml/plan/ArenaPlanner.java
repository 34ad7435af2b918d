package dev.tinyml.plan;

import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.SubGraph;
import java.util.Arrays;
import java.util.List;

/**
 * Plans the tensor arena of a TFLite model the way TensorFlow Lite Micro does, and better.
 *
 * <ul>
 *   <li>{@link #tflmGreedy(Model)}: exactly the plan TFLM's {@code GreedyMemoryPlanner} makes for
 *       the model (honouring an offline plan the model already carries), so the head size is what
 *       TFLM will use.
 *   <li>{@link #planned(Model)}: our plan, never larger, to embed in the model as an offline plan
 *       ({@link OfflineMemoryPlan}); its offsets and size are TFLM's replay of that embedded plan.
 *   <li>{@link #estimate(Model, Target)}: the whole arena a sketch needs, planned head plus TFLM's
 *       persistent structures.
 * </ul>
 */
public final class ArenaPlanner {
  private ArenaPlanner() {}

  /**
   * The plan TFLite Micro's greedy planner computes for {@code model}, including the model's own
   * offline plan ({@code OfflineMemoryAllocation} metadata) if it has one.
   *
   * @throws PlanningException if the model cannot be planned (see {@link TensorLifetimes#of})
   */
  public static ArenaPlan tflmGreedy(Model model) {
    List<ArenaBuffer> buffers = TensorLifetimes.of(model);
    int[] offline = OfflineMemoryPlan.offlineOffsetsOf(model, buffers);
    return replay(ArenaPlan.TFLM_GREEDY, buffers, offline, List.of(), tensorCounts(model));
  }

  /**
   * Our plan for {@code model}, letting operators that consume their input in order write over it
   * (see {@link InPlaceOverlap}); never larger than {@link #tflmGreedy(Model)}.
   */
  public static ArenaPlan planned(Model model) {
    return planned(model, true);
  }

  /**
   * Our plan for {@code model}.
   *
   * @param inPlace whether operators may write their output over the input they consume; without,
   *     buffers live at the same time never share memory, as in TFLM
   */
  public static ArenaPlan planned(Model model, boolean inPlace) {
    List<ArenaBuffer> buffers = TensorLifetimes.of(model);
    List<InPlaceOverlap> overlaps = inPlace ? OverlapRules.find(model, buffers) : List.of();
    return compact(buffers, overlaps, tensorCounts(model));
  }

  /** TFLM's greedy plan of a bare buffer list (no model, no offline offsets). */
  public static ArenaPlan tflmGreedy(List<ArenaBuffer> buffers) {
    int[] online = new int[buffers.size()];
    Arrays.fill(online, TflmGreedyPlacer.ONLINE);
    return replay(ArenaPlan.TFLM_GREEDY, buffers, online, List.of(), new int[0]);
  }

  /** Our plan of a bare buffer list with the given allowed overlaps. */
  public static ArenaPlan planned(List<ArenaBuffer> buffers, List<InPlaceOverlap> overlaps) {
    return compact(buffers, overlaps, new int[0]);
  }

  /**
   * The arena a sketch needs for {@code model} on {@code target}: TFLM's planned head (with the
   * model's own offline plan, if any) plus its persistent tail.
   */
  public static ArenaEstimate estimate(Model model, Target target) {
    return estimate(model, target, tflmGreedy(model));
  }

  /**
   * The arena a sketch needs for {@code model} on {@code target} when the model carries {@code
   * plan} as its offline plan (use {@link #planned(Model)} and {@link OfflineMemoryPlan#attach}).
   */
  public static ArenaEstimate estimate(Model model, Target target, ArenaPlan plan) {
    return PersistentArena.estimate(model, target, plan.totalBytes(), plan.buffers().size());
  }

  private static ArenaPlan compact(
      List<ArenaBuffer> buffers, List<InPlaceOverlap> overlaps, int[] tensorCounts) {
    Lifetimes lifetimes = Lifetimes.of(buffers);
    int[] online = new int[buffers.size()];
    Arrays.fill(online, TflmGreedyPlacer.ONLINE);
    int[] greedy = lifetimes.place(online);
    int greedySize = lifetimes.size(greedy);
    CompactPlacer placer =
        new CompactPlacer(lifetimes.sizes(), lifetimes.first(), lifetimes.last(), overlaps);
    // A candidate's cost is what TFLM makes of it once embedded: its tensor offsets fixed, the
    // scratch buffers placed online around them. The greedy plan itself is embedded as nothing.
    int[] best =
        placer.best(
            greedy,
            candidate ->
                candidate == greedy
                    ? greedySize
                    : lifetimes.size(lifetimes.place(fixTensors(buffers, candidate))),
            overlaps.isEmpty() ? placer.lowerBound() : 0);
    if (best == greedy) {
      return replay(ArenaPlan.COMPACT, buffers, online, List.of(), tensorCounts);
    }
    int[] offline = fixTensors(buffers, best);
    List<InPlaceOverlap> used = usedOverlaps(buffers, overlaps, lifetimes.place(offline));
    return replay(ArenaPlan.COMPACT, buffers, offline, used, tensorCounts);
  }

  private static int[] fixTensors(List<ArenaBuffer> buffers, int[] offsets) {
    int[] offline = new int[offsets.length];
    for (int i = 0; i < offsets.length; i++) {
      offline[i] =
          buffers.get(i).kind() == ArenaBuffer.Kind.TENSOR ? offsets[i] : TflmGreedyPlacer.ONLINE;
    }
    return offline;
  }

  /** Each buffer's aligned size and first and last use, as the placers take them. */
  private record Lifetimes(int[] sizes, int[] first, int[] last) {
    static Lifetimes of(List<ArenaBuffer> buffers) {
      int n = buffers.size();
      int[] sizes = new int[n];
      int[] first = new int[n];
      int[] last = new int[n];
      for (int i = 0; i < n; i++) {
        sizes[i] = buffers.get(i).alignedBytes();
        first[i] = buffers.get(i).firstUse();
        last[i] = buffers.get(i).lastUse();
      }
      return new Lifetimes(sizes, first, last);
    }

    /** TFLM's greedy placement around the {@code offline} offsets it is given. */
    int[] place(int[] offline) {
      return TflmGreedyPlacer.place(sizes, first, last, offline);
    }

    int size(int[] offsets) {
      return TflmGreedyPlacer.size(sizes, offsets);
    }
  }

  /** The overlaps the final offsets actually use (buffers sharing memory while both live). */
  private static List<InPlaceOverlap> usedOverlaps(
      List<ArenaBuffer> buffers, List<InPlaceOverlap> overlaps, int[] offsets) {
    return overlaps.stream()
        .filter(
            o -> {
              ArenaBuffer in = buffers.get(o.input());
              ArenaBuffer out = buffers.get(o.output());
              int inStart = offsets[o.input()];
              int outStart = offsets[o.output()];
              return in.overlapsInTime(out)
                  && inStart < outStart + out.alignedBytes()
                  && outStart < inStart + in.alignedBytes();
            })
        .toList();
  }

  static ArenaPlan replay(
      String method,
      List<ArenaBuffer> buffers,
      int[] offline,
      List<InPlaceOverlap> overlaps,
      int[] tensorCounts) {
    Lifetimes lifetimes = Lifetimes.of(buffers);
    int[] offsets = lifetimes.place(offline);
    return new ArenaPlan(
        method, buffers, offsets, offline, overlaps, tensorCounts, lifetimes.size(offsets));
  }

  private static int[] tensorCounts(Model model) {
    List<SubGraph> subgraphs = model.subgraphs();
    int[] counts = new int[subgraphs.size()];
    for (int s = 0; s < counts.length; s++) {
      counts[s] = subgraphs.get(s).tensors().size();
    }
    return counts;
  }
}
