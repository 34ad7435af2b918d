package dev.tinyml.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * Our own placement: several buffer orders, each placed at the lowest offset that conflicts with
 * nothing placed so far (buffers live at the same time must not overlap in memory unless an {@link
 * InPlaceOverlap} allows it), keeping the smallest result. The search stops early when a plan
 * reaches the lower bound (the most bytes live in any one scope).
 */
final class CompactPlacer {
  /** How many seeded random orders to try after the fixed ones. */
  static final int RANDOM_ORDERS = 64;

  private static final long SEED = 0x7117_4d4cL;

  private final int[] sizes;
  private final int[] first;
  private final int[] last;
  private final int[][] allowedBelow; // allowedBelow[x] = {input, distance, exact} for x an output
  private final int[][] allowedAbove; // allowedAbove[x] = {output, distance, exact} for x an input
  private final int[][] concurrent; // concurrent[x] = the other buffers live in a scope of x

  CompactPlacer(int[] sizes, int[] first, int[] last, List<InPlaceOverlap> overlaps) {
    this.sizes = sizes;
    this.first = first;
    this.last = last;
    int n = sizes.length;
    List<List<int[]>> below = new ArrayList<>();
    List<List<int[]>> above = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      below.add(new ArrayList<>());
      above.add(new ArrayList<>());
    }
    for (InPlaceOverlap o : overlaps) {
      if (o.input() >= n || o.output() >= n) {
        throw new IllegalArgumentException(
            "InPlaceOverlap " + o + " names a buffer outside the " + n + " buffers of the plan");
      }
      below.get(o.output()).add(new int[] {o.input(), o.minDistance(), o.exact() ? 1 : 0});
      above.get(o.input()).add(new int[] {o.output(), o.minDistance(), o.exact() ? 1 : 0});
    }
    concurrent = new int[n][];
    for (int i = 0; i < n; i++) {
      int count = 0;
      int[] found = new int[n];
      for (int j = 0; j < n; j++) {
        if (j != i && first[i] <= last[j] && first[j] <= last[i]) {
          found[count++] = j;
        }
      }
      concurrent[i] = Arrays.copyOf(found, count);
    }
    allowedBelow = new int[n][];
    allowedAbove = new int[n][];
    for (int i = 0; i < n; i++) {
      allowedBelow[i] = flatten(below.get(i));
      allowedAbove[i] = flatten(above.get(i));
    }
  }

  private static int[] flatten(List<int[]> triples) {
    int[] out = new int[triples.size() * 3];
    for (int i = 0; i < triples.size(); i++) {
      System.arraycopy(triples.get(i), 0, out, 3 * i, 3);
    }
    return out;
  }

  /** The most bytes live at once, ignoring overlaps: no plan without overlaps can be smaller. */
  int lowerBound() {
    int maxScope = 0;
    int minScope = Integer.MAX_VALUE;
    for (int i = 0; i < sizes.length; i++) {
      maxScope = Math.max(maxScope, last[i]);
      minScope = Math.min(minScope, first[i]);
    }
    int best = 0;
    for (int s = minScope; s <= maxScope && sizes.length > 0; s++) {
      int live = 0;
      for (int i = 0; i < sizes.length; i++) {
        if (first[i] <= s && s <= last[i]) {
          live += sizes[i];
        }
      }
      best = Math.max(best, live);
    }
    return best;
  }

  /**
   * The candidate with the lowest cost: {@code baseline} unless some order does strictly better.
   * The search stops once a candidate costs no more than {@code bound}.
   *
   * @param baseline offsets to beat, with their cost
   * @param cost what a candidate really costs (TFLM's replay of it)
   * @param bound a cost no candidate can go below
   */
  int[] best(int[] baseline, ToIntFunction<int[]> cost, int bound) {
    int[] best = baseline;
    int bestCost = cost.applyAsInt(best);
    int n = sizes.length;
    if (n == 0) {
      return best;
    }
    List<Integer[]> orders = fixedOrders();
    for (Integer[] order : orders) {
      if (bestCost <= bound) {
        return best;
      }
      int[] offsets = placeInOrder(order);
      int c = cost.applyAsInt(offsets);
      if (c < bestCost) {
        best = offsets;
        bestCost = c;
      }
    }
    SplittableRandom random = new SplittableRandom(SEED);
    for (int r = 0; r < RANDOM_ORDERS && bestCost > bound; r++) {
      Integer[] order = orders.get(r % orders.size()).clone();
      // Perturb a good order a little: swap a few near neighbours, so big buffers still lead.
      for (int swaps = 0; swaps < Math.max(1, n / 4); swaps++) {
        int i = random.nextInt(n);
        int j = Math.min(n - 1, i + 1 + random.nextInt(3));
        Integer t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      int[] offsets = placeInOrder(order);
      int c = cost.applyAsInt(offsets);
      if (c < bestCost) {
        best = offsets;
        bestCost = c;
      }
    }
    return best;
  }

  private List<Integer[]> fixedOrders() {
    int n = sizes.length;
    Integer[] ids = new Integer[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    Comparator<Integer> bySize = Comparator.comparingInt(i -> -sizes[i]);
    Comparator<Integer> byLength = Comparator.comparingInt(i -> -(last[i] - first[i]));
    Comparator<Integer> byArea =
        Comparator.comparingLong(i -> -(long) sizes[i] * (last[i] - first[i] + 1));
    Comparator<Integer> byStart = Comparator.comparingInt(i -> first[i]);
    Comparator<Integer> byEndDescending = Comparator.comparingInt(i -> -last[i]);
    Comparator<Integer> byOverlapFirst =
        Comparator.comparingInt(i -> allowedBelow[i].length + allowedAbove[i].length > 0 ? 0 : 1);
    List<Integer[]> orders = new ArrayList<>();
    for (Comparator<Integer> c :
        List.of(
            bySize.thenComparing(byStart),
            bySize.thenComparing(byLength),
            byLength.thenComparing(bySize),
            byArea.thenComparing(bySize),
            byStart.thenComparing(bySize),
            byEndDescending.thenComparing(bySize),
            bySize.thenComparing(byEndDescending),
            byOverlapFirst.thenComparing(bySize).thenComparing(byStart),
            byOverlapFirst.thenComparing(byStart).thenComparing(bySize))) {
      Integer[] o = ids.clone();
      Arrays.sort(o, c.thenComparingInt(i -> i));
      orders.add(o);
    }
    return orders;
  }

  /** First fit: each buffer at the lowest offset compatible with the buffers placed before it. */
  int[] placeInOrder(Integer[] order) {
    int n = sizes.length;
    int[] offsets = new int[n];
    boolean[] placed = new boolean[n];
    int[] candidates = new int[2 * n + 2 + 2 * totalAllowances()];
    for (Integer boxed : order) {
      int x = boxed;
      int count = 0;
      candidates[count++] = 0;
      for (int p : concurrent[x]) {
        if (placed[p]) {
          candidates[count++] = offsets[p] + sizes[p];
        }
      }
      for (int k = 0; k < allowedBelow[x].length; k += 3) {
        int in = allowedBelow[x][k];
        if (placed[in] && offsets[in] - allowedBelow[x][k + 1] >= 0) {
          candidates[count++] = offsets[in] - allowedBelow[x][k + 1];
        }
      }
      for (int k = 0; k < allowedAbove[x].length; k += 3) {
        int out = allowedAbove[x][k];
        if (placed[out]) {
          candidates[count++] = offsets[out] + allowedAbove[x][k + 1];
        }
      }
      Arrays.sort(candidates, 0, count);
      int chosen = -1;
      for (int c = 0; c < count && chosen < 0; c++) {
        if (fits(x, candidates[c], offsets, placed)) {
          chosen = candidates[c];
        }
      }
      // The end of everything placed always fits; the loop above always includes it.
      offsets[x] = chosen;
      placed[x] = true;
    }
    return offsets;
  }

  private int totalAllowances() {
    int total = 0;
    for (int[] a : allowedBelow) {
      total += a.length / 3;
    }
    return total;
  }

  private boolean fits(int x, int offset, int[] offsets, boolean[] placed) {
    for (int p : concurrent[x]) {
      if (!placed[p]) {
        continue;
      }
      boolean disjoint = offset + sizes[x] <= offsets[p] || offsets[p] + sizes[p] <= offset;
      if (!disjoint && !allowed(x, offset, p, offsets[p])) {
        return false;
      }
    }
    return true;
  }

  private boolean allowed(int x, int xOffset, int p, int pOffset) {
    for (int k = 0; k < allowedBelow[x].length; k += 3) {
      if (allowedBelow[x][k] == p && distanceAllowed(pOffset - xOffset, allowedBelow[x], k)) {
        return true;
      }
    }
    for (int k = 0; k < allowedAbove[x].length; k += 3) {
      if (allowedAbove[x][k] == p && distanceAllowed(xOffset - pOffset, allowedAbove[x], k)) {
        return true;
      }
    }
    return false;
  }

  private static boolean distanceAllowed(int distance, int[] triples, int k) {
    return triples[k + 2] == 1 ? distance == triples[k + 1] : distance >= triples[k + 1];
  }

  /** Whether {@code offsets} is a valid plan: no forbidden overlap between live buffers. */
  boolean isValid(int[] offsets) {
    boolean[] all = new boolean[sizes.length];
    Arrays.fill(all, true);
    for (int x = 0; x < sizes.length; x++) {
      if (offsets[x] < 0 || !fits(x, offsets[x], offsets, all)) {
        return false;
      }
    }
    return true;
  }
}
