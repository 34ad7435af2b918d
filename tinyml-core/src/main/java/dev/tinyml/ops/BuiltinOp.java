package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import java.util.Optional;

/**
 * The base of an op class for one TFLite builtin: its code, the newest version it implements and
 * its op resolver method are constructor arguments, so an op class states only what is its own
 * (prepare, eval, and the facets it overrides).
 *
 * @param <P> the op's plan record
 */
public abstract class BuiltinOp<P extends OpPlan> implements Op<P> {

  private final BuiltinOperator builtin;
  private final int maxVersion;
  private final Optional<String> resolverMethod;

  /**
   * An op for {@code builtin}.
   *
   * @param builtin the builtin code, never {@code CUSTOM}
   * @param maxVersion the newest operator version {@link #eval} implements
   * @param resolverMethod the {@code MicroMutableOpResolver} method registering it, or null when
   *     the Arduino library has none
   */
  protected BuiltinOp(BuiltinOperator builtin, int maxVersion, String resolverMethod) {
    if (builtin == BuiltinOperator.CUSTOM) {
      throw new IllegalArgumentException("custom ops are not builtins");
    }
    this.builtin = builtin;
    this.maxVersion = maxVersion;
    this.resolverMethod = Optional.ofNullable(resolverMethod);
  }

  @Override
  public final BuiltinOperator builtin() {
    return builtin;
  }

  @Override
  public final int maxVersion() {
    return maxVersion;
  }

  @Override
  public final Optional<String> resolverMethod() {
    return resolverMethod;
  }
}
