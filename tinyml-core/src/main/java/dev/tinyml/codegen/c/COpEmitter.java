package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.OpPlan;

/**
 * Writes the C of one operator from the plan record its op class prepared (multipliers, shifts,
 * offsets, clamps, paddings), so the C computes exactly what the interpreter computes.
 *
 * @param <P> the op class's plan record
 */
@FunctionalInterface
public interface COpEmitter<P extends OpPlan> {
  /**
   * Emits {@code op} into {@code module}.
   *
   * @param op the operator and its tensors
   * @param plan the plan {@link dev.tinyml.ops.Op#prepare} computed for it
   * @param module the module being written
   * @throws CodegenException when this variant of the op (types) has no C kernel
   */
  void emit(COp op, P plan, CModuleWriter module) throws CodegenException;
}
