package dev.tinyml.tflite;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Estimates multiply-accumulates per operator from tensor shapes (NHWC, as TFLite stores them):
 *
 * <ul>
 *   <li>CONV_2D: {@code N*outH*outW*outC*kH*kW*inC};
 *   <li>DEPTHWISE_CONV_2D: {@code N*outH*outW*outC*kH*kW};
 *   <li>TRANSPOSE_CONV: {@code N*inH*inW*inC*kH*kW*outC};
 *   <li>FULLY_CONNECTED: {@code outUnits*inUnits} per batch row;
 *   <li>BATCH_MATMUL: output elements times the inner dimension;
 *   <li>pools: output elements times the filter area;
 *   <li>SVDF: {@code batch*filters*(inputSize + memorySize)};
 *   <li>LSTM and UNIDIRECTIONAL_SEQUENCE_LSTM: time steps times the elements of the input and
 *       recurrent weight matrices;
 *   <li>reductions (MEAN, SUM, REDUCE_*): input elements;
 *   <li>data movement (RESHAPE, SQUEEZE, PAD, CONCATENATION, slices, gathers, transposes, CAST,
 *       ...) and custom operators: 0;
 *   <li>every other builtin (element-wise arithmetic, activations, SOFTMAX, QUANTIZE, ...): output
 *       elements.
 * </ul>
 *
 * Unknown or dynamic shapes count as 0; products saturate at {@code Long.MAX_VALUE}.
 */
final class MacEstimator {
  private MacEstimator() {}

  private static final Set<BuiltinOperator> DATA_MOVEMENT =
      EnumSet.of(
          BuiltinOperator.RESHAPE,
          BuiltinOperator.SQUEEZE,
          BuiltinOperator.EXPAND_DIMS,
          BuiltinOperator.CONCATENATION,
          BuiltinOperator.PAD,
          BuiltinOperator.PADV2,
          BuiltinOperator.MIRROR_PAD,
          BuiltinOperator.STRIDED_SLICE,
          BuiltinOperator.SLICE,
          BuiltinOperator.GATHER,
          BuiltinOperator.GATHER_ND,
          BuiltinOperator.TRANSPOSE,
          BuiltinOperator.SPLIT,
          BuiltinOperator.SPLIT_V,
          BuiltinOperator.PACK,
          BuiltinOperator.UNPACK,
          BuiltinOperator.SHAPE,
          BuiltinOperator.CAST,
          BuiltinOperator.BROADCAST_TO,
          BuiltinOperator.SPACE_TO_DEPTH,
          BuiltinOperator.DEPTH_TO_SPACE,
          BuiltinOperator.SPACE_TO_BATCH_ND,
          BuiltinOperator.BATCH_TO_SPACE_ND,
          BuiltinOperator.TILE,
          BuiltinOperator.FILL,
          BuiltinOperator.ZEROS_LIKE,
          BuiltinOperator.CALL_ONCE,
          BuiltinOperator.IF,
          BuiltinOperator.WHILE,
          BuiltinOperator.VAR_HANDLE,
          BuiltinOperator.READ_VARIABLE,
          BuiltinOperator.ASSIGN_VARIABLE,
          BuiltinOperator.CUSTOM);

  private static final Set<BuiltinOperator> REDUCTIONS =
      EnumSet.of(
          BuiltinOperator.MEAN,
          BuiltinOperator.SUM,
          BuiltinOperator.REDUCE_MAX,
          BuiltinOperator.REDUCE_MIN,
          BuiltinOperator.REDUCE_PROD,
          BuiltinOperator.REDUCE_ANY,
          BuiltinOperator.REDUCE_ALL);

  static long macs(Model model, SubGraph g, Operator op) {
    if (op.opcodeIndex() < 0 || op.opcodeIndex() >= model.operatorCodes().size()) {
      return 0;
    }
    BuiltinOperator code = model.opOf(op);
    if (code == null || DATA_MOVEMENT.contains(code)) {
      return 0;
    }
    int[] out = shape(g, op.outputs(), 0);
    int[] in = shape(g, op.inputs(), 0);
    return switch (code) {
      case CONV_2D -> {
        int[] f = shape(g, op.inputs(), 1);
        yield rank(out, 4) && rank(f, 4) ? mul(count(out), f[1], f[2], f[3]) : 0;
      }
      case DEPTHWISE_CONV_2D -> {
        int[] f = shape(g, op.inputs(), 1);
        yield rank(out, 4) && rank(f, 4) ? mul(count(out), f[1], f[2]) : 0;
      }
      case TRANSPOSE_CONV -> {
        int[] f = shape(g, op.inputs(), 1);
        int[] x = shape(g, op.inputs(), 2);
        yield rank(x, 4) && rank(f, 4) ? mul(count(x), f[0], f[1], f[2]) : 0;
      }
      case FULLY_CONNECTED -> {
        int[] w = shape(g, op.inputs(), 1);
        yield rank(w, 2) ? mul(count(out), w[1]) : 0;
      }
      case BATCH_MATMUL -> in.length >= 2 ? mul(count(out), in[in.length - 1]) : 0;
      case AVERAGE_POOL_2D, MAX_POOL_2D, L2_POOL_2D ->
          op.options() instanceof Pool2DOptions p
              ? mul(count(out), p.filterWidth(), p.filterHeight())
              : count(out);
      case SVDF -> {
        int[] wf = shape(g, op.inputs(), 1);
        int[] wt = shape(g, op.inputs(), 2);
        yield rank(in, 2) && rank(wf, 2) && rank(wt, 2)
            ? mul(in[0], wf[0], (long) wf[1] + wt[1])
            : 0;
      }
      case LSTM, UNIDIRECTIONAL_SEQUENCE_LSTM -> {
        if (in.length == 0 || in[in.length - 1] <= 0) {
          yield 0;
        }
        long steps = count(in) / in[in.length - 1];
        long weights = 0;
        for (int i = 1; i <= 8; i++) {
          weights = sat(weights + count(shape(g, op.inputs(), i)));
        }
        yield mul(steps, weights);
      }
      default -> REDUCTIONS.contains(code) ? count(in) : count(out);
    };
  }

  /** The shape of the tensor at {@code indices[i]}, or an empty array if there is none. */
  private static int[] shape(SubGraph g, int[] indices, int i) {
    if (i >= indices.length) {
      return new int[0];
    }
    int t = indices[i];
    List<Tensor> tensors = g.tensors();
    return t >= 0 && t < tensors.size() ? tensors.get(t).shape() : new int[0];
  }

  private static boolean rank(int[] shape, int rank) {
    return shape.length == rank;
  }

  private static long count(int[] shape) {
    long n = shape.length == 0 ? 0 : 1;
    for (int d : shape) {
      n = mul(n, d);
    }
    return n;
  }

  private static long mul(long first, long... rest) {
    long n = Math.max(first, 0);
    for (long d : rest) {
      if (d <= 0) {
        return 0;
      }
      n = Math.multiplyHigh(n, d) != 0 || n * d < 0 ? Long.MAX_VALUE : n * d;
    }
    return n;
  }

  private static long sat(long v) {
    return v < 0 ? Long.MAX_VALUE : v;
  }
}
