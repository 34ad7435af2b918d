package dev.tinyml.tflite;

import java.util.ServiceLoader;

/**
 * Estimates the multiply-accumulates of one operator from its tensor shapes. The estimate belongs
 * to the op classes above this package ({@code dev.tinyml.ops.OpRegistry#macs}); this interface
 * lets {@link ModelSummary} ask for it without depending on them.
 */
@FunctionalInterface
public interface OperatorMacs {

  /**
   * The estimated multiply-accumulates of one invocation of {@code op}; 0 for unknown or dynamic
   * shapes.
   */
  long macs(Model model, SubGraph graph, Operator op);

  /**
   * The estimate the library ships (the op registry's), found through {@link ServiceLoader} so that
   * this package stays below the op classes.
   *
   * @throws IllegalStateException when no implementation is on the class path
   */
  static OperatorMacs installed() {
    return Installed.INSTANCE;
  }
}

/** Holds the {@link ServiceLoader} lookup, done once. */
final class Installed {
  static final OperatorMacs INSTANCE =
      ServiceLoader.load(OperatorMacs.class, OperatorMacs.class.getClassLoader())
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no dev.tinyml.tflite.OperatorMacs on the class path: put tinyml-core's"
                          + " dev.tinyml.ops package on it"));

  private Installed() {}
}
