package dev.tinyml.ops;

/**
 * One prepared operator of a model: its index in the subgraph, its op class and the plan {@link
 * Op#prepare} computed. Backends (code generators) walk a model's prepared ops in order and read
 * the plan records; the interpreter runs them through {@link #run}.
 *
 * @param index operator index in the subgraph
 * @param op the op class
 * @param plan the op's plan
 * @param <P> the plan type
 */
public record PreparedOp<P extends OpPlan>(int index, Op<P> op, P plan) {

  /** Prepares operator {@code c} with {@code op}. */
  public static <P extends OpPlan> PreparedOp<P> prepare(Op<P> op, OpContext c) {
    return new PreparedOp<>(c.index(), op, op.prepare(c));
  }

  /** Runs the op's {@link Op#eval} on the plan. */
  public void run(Object[] tensors, Scratch scratch) {
    op.eval(plan, tensors, scratch);
  }
}
