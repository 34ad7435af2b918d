package dev.tinyml.ops;

import dev.tinyml.tflite.Tensor;
import java.util.function.Supplier;

/**
 * Running a kernel's planning inside an op's prepare: the kernels reject a bad shape or option with
 * an {@link IllegalArgumentException}, which becomes the op's error naming it.
 */
final class KernelPlans {

  private KernelPlans() {}

  /** {@code plan}'s result, or the op's error with the kernel's message. */
  static <T> T planned(OpContext c, Supplier<T> plan) {
    try {
      return plan.get();
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage());
    }
  }

  /** {@code plan}'s result, or the op's error with the kernel's message naming {@code input}. */
  static <T> T planned(OpContext c, Tensor input, Supplier<T> plan) {
    try {
      return plan.get();
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage() + " (input " + OpContext.describe(input) + ")");
    }
  }
}
