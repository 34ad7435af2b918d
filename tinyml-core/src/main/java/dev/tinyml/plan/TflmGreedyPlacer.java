package dev.tinyml.plan;

import java.util.Arrays;

/**
 * A replay of TFLite Micro's {@code GreedyMemoryPlanner} (memory_planner/greedy_memory_planner.cc
 * at tflite-micro 90b983c2), written from its documented behaviour:
 *
 * <ul>
 *   <li>offline-planned buffers keep their offsets and are considered first, in the order they were
 *       added;
 *   <li>the online buffers are listed in reverse order of addition and then stably sorted by size,
 *       largest first (so among equal sizes the buffer added last is placed first);
 *   <li>each buffer goes to the lowest offset, scanning the buffers already placed in order of
 *       offset and considering only those live at the same time, where the gap before the next such
 *       buffer is at least its size; the first buffer of all goes to offset 0;
 *   <li>the planned size is the largest end offset.
 * </ul>
 */
final class TflmGreedyPlacer {
  /** Marks a buffer the online planner places (TFLM's {@code kOnlinePlannedBuffer}). */
  static final int ONLINE = -1;

  private TflmGreedyPlacer() {}

  /**
   * Places buffers like TFLM.
   *
   * @param sizes aligned sizes, in the order the buffers were added
   * @param first first scope of each buffer
   * @param last last scope of each buffer (inclusive)
   * @param offline a fixed offset per buffer or {@link #ONLINE}; may be null (all online)
   * @return the offset of each buffer
   */
  static int[] place(int[] sizes, int[] first, int[] last, int[] offline) {
    int n = sizes.length;
    int[] offsets = new int[n];
    if (n == 0) {
      return offsets;
    }
    int[] order = new int[n];
    int[] sortSizes = new int[n];
    int head = 0;
    int tail = n;
    for (int i = 0; i < n; i++) {
      if (offline == null || offline[i] == ONLINE) {
        tail--;
        order[tail] = i;
        sortSizes[tail] = sizes[i];
        offsets[i] = ONLINE;
      } else {
        order[head] = i;
        sortSizes[head] = sizes[i];
        offsets[i] = offline[i];
        head++;
      }
    }
    stableSortDescending(sortSizes, order, head, n);

    // The placed buffers as a list ordered by offset: next[] links entries, entry k holds order[k].
    int[] entryBuffer = new int[n];
    int[] entryOffset = new int[n];
    int[] next = new int[n];
    int firstEntry = 0;
    int first0 = order[0];
    if (offsets[first0] == ONLINE) {
      offsets[first0] = 0;
    }
    entryBuffer[0] = first0;
    entryOffset[0] = offsets[first0];
    next[0] = -1;
    int used = 1;
    for (int k = 1; k < n; k++) {
      int b = order[k];
      int candidate;
      if (offline != null && offline[b] != ONLINE) {
        candidate = offline[b];
      } else {
        candidate = 0;
        int prior = -1;
        while (true) {
          int nextActive =
              nextSimultaneouslyActive(prior, firstEntry, next, entryBuffer, b, first, last);
          if (prior != -1) {
            int priorEnd = entryOffset[prior] + sizes[entryBuffer[prior]];
            if (priorEnd > candidate) {
              candidate = priorEnd;
            }
          }
          if (nextActive == -1 || entryOffset[nextActive] - candidate >= sizes[b]) {
            break;
          }
          prior = nextActive;
        }
      }
      offsets[b] = candidate;
      int entry = used++;
      entryBuffer[entry] = b;
      entryOffset[entry] = candidate;
      if (entryOffset[firstEntry] > candidate) {
        next[entry] = firstEntry;
        firstEntry = entry;
      } else {
        int current = firstEntry;
        while (next[current] != -1 && entryOffset[next[current]] <= candidate) {
          current = next[current];
        }
        next[entry] = next[current];
        next[current] = entry;
      }
    }
    return offsets;
  }

  private static int nextSimultaneouslyActive(
      int start, int firstEntry, int[] next, int[] entryBuffer, int b, int[] first, int[] last) {
    int candidate = start == -1 ? firstEntry : next[start];
    while (candidate != -1) {
      int other = entryBuffer[candidate];
      if (first[other] <= last[b] && first[b] <= last[other]) {
        return candidate;
      }
      candidate = next[candidate];
    }
    return -1;
  }

  /** Stable descending sort of {@code values[from, to)}, moving {@code ids} along. */
  private static void stableSortDescending(int[] values, int[] ids, int from, int to) {
    Integer[] idx = new Integer[to - from];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = from + i;
    }
    Arrays.sort(idx, (a, b) -> Integer.compare(values[b], values[a]));
    int[] v = new int[idx.length];
    int[] d = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      v[i] = values[idx[i]];
      d[i] = ids[idx[i]];
    }
    System.arraycopy(v, 0, values, from, v.length);
    System.arraycopy(d, 0, ids, from, d.length);
  }

  /** The planned size: the largest end offset, or 0 without buffers. */
  static int size(int[] sizes, int[] offsets) {
    int max = 0;
    for (int i = 0; i < sizes.length; i++) {
      max = Math.max(max, offsets[i] + sizes[i]);
    }
    return max;
  }
}
