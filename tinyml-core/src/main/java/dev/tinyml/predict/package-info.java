/**
 * Running a model on input files, as the {@code predict} goal does: {@link
 * dev.tinyml.predict.Prediction#run} reads the model, fills each input from a file ({@link
 * dev.tinyml.predict.InputFiles}: {@code .bin}, {@code .npy} or {@code .json}), runs it once on the
 * reference interpreter and plans its arena. It sits above the interpreter, the memory planner and
 * the NPY reader, so that the interpreter depends on none of them.
 */
package dev.tinyml.predict;
