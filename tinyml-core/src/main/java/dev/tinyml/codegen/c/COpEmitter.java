package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;

/** Writes the C of one operator: its constants, parameters and kernel call. */
@FunctionalInterface
public interface COpEmitter {
  /**
   * Emits {@code op} into {@code module}.
   *
   * @param op the operator
   * @param module the module being written
   * @throws CodegenException when this variant of the op (types, options) has no C kernel
   */
  void emit(COp op, CModuleWriter module) throws CodegenException;
}
