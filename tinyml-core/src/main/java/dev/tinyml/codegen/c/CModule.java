package dev.tinyml.codegen.c;

import java.util.List;

/**
 * A generated C module, in memory.
 *
 * @param name the C identifier prefix ({@code <name>_invoke}, {@code <name>_model.h})
 * @param headerFile the header's file name, {@code <name>_model.h}
 * @param header the header's text
 * @param sourceFile the source's file name, {@code <name>_model.c}
 * @param source the source's text
 * @param arenaBytes the static arena's size: every activation tensor, placed by the memory plan
 * @param stateBytes bytes of operator state (SVDF memory), static RAM outside the arena
 * @param constantBytes bytes of constant data (weights, biases, multipliers, parameter structs);
 *     the module's flash is this plus the kernels' code
 * @param kernels the kernel files inlined, in order
 * @param needsLibm whether the module calls {@code exp} from {@code <math.h>} (link with {@code
 *     -lm} on hosts)
 */
public record CModule(
    String name,
    String headerFile,
    String header,
    String sourceFile,
    String source,
    int arenaBytes,
    long stateBytes,
    long constantBytes,
    List<String> kernels,
    boolean needsLibm) {

  /** Copies the list. */
  public CModule {
    kernels = List.copyOf(kernels);
  }
}
