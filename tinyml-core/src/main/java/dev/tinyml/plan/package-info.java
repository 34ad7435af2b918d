/**
 * Tensor-arena memory planning for TensorFlow Lite Micro.
 *
 * <p>{@link dev.tinyml.plan.ArenaPlanner} replays TFLM's greedy planner exactly ({@code
 * tflmGreedy}), makes a tighter plan of its own that TFLM honours when it is embedded as an offline
 * plan ({@code planned}, {@link dev.tinyml.plan.OfflineMemoryPlan}), and estimates the whole arena
 * a sketch needs on a 32-bit Cortex-M or a 64-bit host ({@code estimate}). The derivation is in
 * {@code docs/plan.md}.
 */
package dev.tinyml.plan;
