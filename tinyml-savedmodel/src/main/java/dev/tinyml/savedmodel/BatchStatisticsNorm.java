package dev.tinyml.savedmodel;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.MulOptions;
import dev.tinyml.tflite.ReducerOptions;
import dev.tinyml.tflite.SubOptions;
import dev.tinyml.tflite.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A FusedBatchNorm in training mode, normalizing by the statistics of its own input: how Keras 2
 * saves LayerNormalization (the input reshaped to {@code [1, rows, features, 1]}, NCHW, so each row
 * is a channel, scale ones and offset zeros; gamma and beta follow as Mul and Add). Lowered to
 * MEAN, SQUARED_DIFFERENCE, MEAN, ADD epsilon, RSQRT, SUB and MUL over the non-channel axes, and a
 * MUL and ADD for a scale and offset that are not ones and zeros. Only a batch of one lowers: over
 * a real batch the statistics would mix samples, which is a model exported for training.
 */
final class BatchStatisticsNorm {
  private BatchStatisticsNorm() {}

  /** Whether the batch norm normalizes by its input's statistics (is_training=true). */
  static boolean isBatchStatistics(Node n) {
    return Attrs.attr(n, "is_training").getB();
  }

  /** The channel axis: 1 for NCHW, the last otherwise. */
  static int channelAxis(Node n, int rank) {
    return isNchw(n) ? 1 : rank - 1;
  }

  private static boolean isNchw(Node n) {
    return Attrs.string(n, "data_format").equals("NCHW");
  }

  /** Checks that the node is one this class lowers. */
  static void check(Node n) {
    String format = Attrs.string(n, "data_format");
    if (!format.isEmpty() && !format.equals("NHWC") && !format.equals("NCHW")) {
      throw new IllegalArgumentException("uses data format " + format + "; NHWC or NCHW lower");
    }
    int[] x = n.inputs.get(0).shape();
    if (x.length != 4 || x[0] != 1) {
      throw new IllegalArgumentException(
          "is in training mode (is_training=true) over input "
              + Arrays.toString(x)
              + "; only a 4-D input of batch 1 (Keras 2's LayerNormalization) lowers. Export the "
              + "inference function of the model");
    }
  }

  static void lower(Node n, LoweringContext cx) throws SavedModelException {
    int[] shape = n.inputs.get(0).shape();
    int channel = channelAxis(n, shape.length);
    int[] axes = statisticsAxes(shape, channel);
    int[] kept = shape.clone();
    for (int a : axes) {
      kept[a] = 1;
    }
    String name = n.name;
    int x = cx.tensor(n.inputs.get(0));
    int axesTensor = cx.constInts(name + "/reduction_indices", new int[] {axes.length}, axes);
    ReducerOptions keep = new ReducerOptions(true);
    int mean = step(cx, BuiltinOperator.MEAN, keep, name + "/mean", kept, x, axesTensor);
    int sq = step(cx, BuiltinOperator.SQUARED_DIFFERENCE, null, name + "/sq", shape, x, mean);
    int var = step(cx, BuiltinOperator.MEAN, keep, name + "/variance", kept, sq, axesTensor);
    float eps = Attrs.floatOr(n, "epsilon", 1e-4f);
    int epsTensor = cx.constFloats(name + "/epsilon", new int[0], new float[] {eps});
    AddOptions add = new AddOptions(ActivationFunctionType.NONE, false);
    int varEps = step(cx, BuiltinOperator.ADD, add, name + "/add", kept, var, epsTensor);
    int inv = step(cx, BuiltinOperator.RSQRT, null, name + "/rsqrt", kept, varEps);
    SubOptions sub = new SubOptions(ActivationFunctionType.NONE, false);
    int centered = step(cx, BuiltinOperator.SUB, sub, name + "/sub", shape, x, mean);
    MulOptions mul = new MulOptions(ActivationFunctionType.NONE);
    float[] scale = n.inputs.get(1).value().asFloats();
    float[] offset = n.inputs.get(2).value().asFloats();
    boolean scaled = !allEqual(scale, 1f);
    boolean shifted = !allEqual(offset, 0f);
    int[] perChannel = new int[shape.length];
    Arrays.fill(perChannel, 1);
    perChannel[channel] = shape[channel];
    if (!scaled && !shifted) {
      cx.op(BuiltinOperator.MUL, mul, n, new int[] {centered, inv});
      return;
    }
    int y = step(cx, BuiltinOperator.MUL, mul, name + "/normalized", shape, centered, inv);
    if (scaled) {
      int s = cx.constFloats(name + "/scale", perChannel, scale);
      if (!shifted) {
        cx.op(BuiltinOperator.MUL, mul, n, new int[] {y, s});
        return;
      }
      y = step(cx, BuiltinOperator.MUL, mul, name + "/scaled", shape, y, s);
    }
    int o = cx.constFloats(name + "/offset", perChannel, offset);
    cx.op(BuiltinOperator.ADD, add, n, new int[] {y, o});
  }

  /** The non-channel axes longer than 1 (reducing over the others changes nothing). */
  private static int[] statisticsAxes(int[] shape, int channel) {
    List<Integer> axes = new ArrayList<>();
    for (int a = 0; a < shape.length; a++) {
      if (a != channel && shape[a] > 1) {
        axes.add(a);
      }
    }
    if (axes.isEmpty()) {
      // One value per channel: normalized to zero whichever axis is reduced.
      axes.add(channel == 0 ? 1 : 0);
    }
    return axes.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int step(
      LoweringContext cx,
      BuiltinOperator code,
      BuiltinOptions options,
      String name,
      int[] shape,
      int... inputs) {
    int out = cx.addTensor(name, TensorType.FLOAT32, shape, null);
    cx.builtin(code, options, inputs, out);
    return out;
  }

  private static boolean allEqual(float[] v, float value) {
    for (float f : v) {
      if (f != value) {
        return false;
      }
    }
    return true;
  }
}
