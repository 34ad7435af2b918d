/**
 * The compiled ("c") backend: a model as one dependency-free C99 module ({@code <name>_model.h},
 * {@code <name>_model.c}) with constant weights, precomputed multipliers, one static arena laid out
 * by {@link dev.tinyml.plan.ArenaPlanner} and straight-line calls of the C kernels the model needs.
 * Entry point: {@link dev.tinyml.codegen.c.CBackend}. Details: {@code docs/codegen.md}.
 */
package dev.tinyml.codegen.c;
