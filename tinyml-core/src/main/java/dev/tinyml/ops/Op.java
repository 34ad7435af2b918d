package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import java.util.Optional;

/**
 * Everything the project knows about one TFLite operator: the newest version it implements, how to
 * prepare it into a typed plan and how to run that plan, its op resolver method and its in-place
 * rule and its estimated multiply-accumulates. One class per builtin operator (and per supported
 * custom op), registered in {@link OpRegistry}. An op whose TFLM kernel the memory planner models
 * also implements {@link TflmFootprint}; one the quantizer rewrites implements {@link Int8Rules}.
 *
 * @param <P> the op's plan record
 */
public interface Op<P extends OpPlan> {

  /** The builtin code this op implements ({@link BuiltinOperator#CUSTOM} for custom ops). */
  BuiltinOperator builtin();

  /** The custom op name for custom ops, null for builtins. */
  default String customName() {
    return null;
  }

  /** The operator's name as errors and reports show it. */
  default String name() {
    return customName() != null ? customName() : builtin().name();
  }

  /** The newest operator version whose semantics {@link #eval} implements. */
  int maxVersion();

  /**
   * Validates the operator's tensors and options and computes its plan once.
   *
   * @throws OpException (through {@link OpContext#fail}) naming the op when a type combination,
   *     shape or option is not supported
   */
  P prepare(OpContext c);

  /**
   * Runs the op once.
   *
   * @param plan what {@link #prepare} computed
   * @param tensors the interpreter's array for every tensor index (constants shared, read-only)
   * @param scratch the interpreter's scratch space
   */
  void eval(P plan, Object[] tensors, Scratch scratch);

  /**
   * The {@code tflite::MicroMutableOpResolver} method that registers the op in the Arduino library
   * the firmware targets (e.g. {@code AddConv2D}), empty when the library has none.
   */
  default Optional<String> resolverMethod() {
    return Optional.empty();
  }

  /** Whether, and how, the op's output may overlap its input 0 in the arena. */
  default InPlaceRule inPlace(OpNode node) {
    return InPlaceRule.NONE;
  }

  /**
   * Estimated multiply-accumulates of one invocation, from the tensor shapes as the model stores
   * them (NHWC). Unless the op says otherwise, one per output element; unknown or dynamic shapes
   * count as 0 and products saturate at {@code Long.MAX_VALUE}. The {@code inspect} goal and the
   * conversion report show these figures.
   */
  default long macs(OpNode node) {
    return MacMath.count(node.outputShape(0));
  }

  /**
   * The input holding the op's constant weights (a filter or weight matrix), which reports list
   * among a model's largest tensors; -1 for ops without weights.
   */
  default int weightsInput() {
    return -1;
  }
}
