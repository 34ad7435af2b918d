package dev.tinyml.quant;

import dev.tinyml.tflite.BuiltinOperator;

/**
 * How a constant weight or bias tensor is used: by which op, with which input.
 *
 * @param op the op index
 * @param builtin the op's code
 * @param input the op's input (activation) tensor
 * @param weights the weights tensor
 * @param axis the weights' channel axis
 */
record WeightUse(int op, BuiltinOperator builtin, int input, int weights, int axis) {}
