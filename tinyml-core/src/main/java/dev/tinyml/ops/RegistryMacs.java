package dev.tinyml.ops;

import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorMacs;
import dev.tinyml.tflite.SubGraph;

/**
 * The op classes' MAC estimates as {@link dev.tinyml.tflite.ModelSummary} asks for them; found
 * through {@code META-INF/services}.
 */
public final class RegistryMacs implements OperatorMacs {

  /** Used by {@link java.util.ServiceLoader}; callers use {@link OpRegistry#macs} directly. */
  public RegistryMacs() {}

  @Override
  public long macs(Model model, SubGraph graph, Operator op) {
    return OpRegistry.macs(model, graph, op);
  }
}
