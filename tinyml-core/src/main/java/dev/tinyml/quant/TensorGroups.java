package dev.tinyml.quant;

/**
 * Groups of tensors that must share int8 parameters (a union-find over tensor indices). The
 * smallest index of a group is its root, so grouping does not depend on op order.
 */
final class TensorGroups {
  private final int[] parent;

  /** Every one of {@code n} tensors in a group of its own. */
  TensorGroups(int n) {
    parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
  }

  /** The root of {@code x}'s group. */
  int root(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Puts {@code a} and {@code b} in one group. */
  void join(int a, int b) {
    int ra = root(a);
    int rb = root(b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
