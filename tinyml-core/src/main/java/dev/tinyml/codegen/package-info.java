/**
 * Code generation for microcontrollers: the model as a C array ({@code model.cc}/{@code model.h}),
 * the TFLite Micro op resolver with exactly the model's ops, Arduino sketches filled from the
 * templates of the {@code arduino-sketches} module, the Arduino library zip, board budgets and the
 * conversion report.
 *
 * <p>Entry point: {@link dev.tinyml.codegen.FirmwareGenerator}. Every file is written atomically
 * and byte-identically from run to run.
 */
package dev.tinyml.codegen;
