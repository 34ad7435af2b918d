package dev.tinyml.plan;

/**
 * One buffer the memory planner places in the non-persistent (head) part of the tensor arena: an
 * activation tensor or a kernel's scratch buffer, with the span of allocation scopes in which it
 * must hold its value.
 *
 * <p>Scopes are counted as TFLite Micro counts them: the subgraph inputs are created at scope 0 and
 * operator {@code i} of the primary subgraph runs in scope {@code i + 1} (subgraphs called by
 * control-flow operators open further scopes). Two buffers may share memory only if their scope
 * ranges are disjoint; both ends are inclusive.
 *
 * @param kind what the buffer holds
 * @param subgraph the subgraph of the tensor or of the operator that requested the scratch buffer
 * @param index the tensor index within {@code subgraph}, or the operator index for a scratch buffer
 * @param bytes the bytes the tensor or request needs, before alignment
 * @param firstUse the first scope in which the buffer is live
 * @param lastUse the last scope in which the buffer is live (inclusive)
 */
public record ArenaBuffer(
    Kind kind, int subgraph, int index, int bytes, int firstUse, int lastUse) {

  /** The alignment of every arena buffer, TFLite Micro's {@code MicroArenaBufferAlignment()}. */
  public static final int ALIGNMENT = 16;

  /** What an arena buffer holds. */
  public enum Kind {
    /** The data of an activation (non-constant, non-variable) tensor. */
    TENSOR,
    /** A scratch buffer a kernel requested in its prepare step. */
    SCRATCH
  }

  /** Validates the fields. */
  public ArenaBuffer {
    if (kind == null) {
      throw new IllegalArgumentException("ArenaBuffer kind must not be null");
    }
    if (bytes < 0) {
      throw new IllegalArgumentException(
          "ArenaBuffer " + kind + " " + index + " has negative size " + bytes);
    }
    if (lastUse < firstUse) {
      throw new IllegalArgumentException(
          "ArenaBuffer "
              + kind
              + " "
              + index
              + " of subgraph "
              + subgraph
              + " is last used (scope "
              + lastUse
              + ") before it is created (scope "
              + firstUse
              + ")");
    }
  }

  /** A tensor buffer. */
  public static ArenaBuffer tensor(int subgraph, int tensor, int bytes, int firstUse, int lastUse) {
    return new ArenaBuffer(Kind.TENSOR, subgraph, tensor, bytes, firstUse, lastUse);
  }

  /** A scratch buffer requested by operator {@code op} of {@code subgraph}, live in its scope. */
  public static ArenaBuffer scratch(int subgraph, int op, int bytes, int firstUse, int lastUse) {
    return new ArenaBuffer(Kind.SCRATCH, subgraph, op, bytes, firstUse, lastUse);
  }

  /** The size the planner reserves: {@link #bytes()} rounded up to {@link #ALIGNMENT}. */
  public int alignedBytes() {
    return alignUp(bytes, ALIGNMENT);
  }

  /** Whether this buffer and {@code other} are live in a common scope. */
  public boolean overlapsInTime(ArenaBuffer other) {
    return firstUse <= other.lastUse && other.firstUse <= lastUse;
  }

  static int alignUp(int value, int alignment) {
    return Math.addExact(value, alignment - 1) / alignment * alignment;
  }
}
