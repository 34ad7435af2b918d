package dev.tinyml.plan;

import dev.tinyml.ops.InPlaceRule;
import dev.tinyml.ops.OpNode;
import dev.tinyml.ops.OpRegistry;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Tensor;
import java.util.List;

/**
 * Which operators may write their output over the input they consume, and how far apart the two
 * must start. Each op class states its rule ({@link dev.tinyml.ops.Op#inPlace}); this class turns
 * the rule into a byte distance:
 *
 * <ul>
 *   <li>RESHAPE: TFLM's kernel skips the copy when input and output share their data pointer, so
 *       the output may alias the input exactly (but not half-overlap it: that would be a {@code
 *       memcpy} between overlapping buffers).
 *   <li>RELU, RELU6, LEAKY_RELU, LOGISTIC, TANH with equal input and output types: the kernels
 *       compute element {@code i} from input element {@code i} only, in increasing order, so the
 *       output may start at or below the input.
 *   <li>CONV_2D, DEPTHWISE_CONV_2D, AVERAGE_POOL_2D, MAX_POOL_2D on a single batch: the kernels
 *       write output rows in order and, while writing row {@code y}, read input rows from {@code y
 *       * strideH - padTop} on. Allowing one row of lag (for kernels that work on two pixels at a
 *       time across a row boundary), the input must start at least {@code max over y of ((y + 1) *
 *       outRowBytes - max(0, (y - 1) * strideH - padTop) * inRowBytes)} bytes above the output.
 * </ul>
 *
 * <p>An overlap is only offered when the operator is the input's last reader, the input is read
 * once by it and is not a subgraph output.
 */
final class OverlapRules {
  private OverlapRules() {}

  /** The overlaps allowed between the buffers of {@code buffers} (TFLM's order). */
  static List<InPlaceOverlap> find(Model model, List<ArenaBuffer> buffers) {
    return InPlaceCandidates.find(
        model,
        buffers,
        "",
        (index, op, in, out) -> {
          InPlaceRule rule = rule(model, op);
          int distance = minDistance(rule, in, out);
          return distance < 0
              ? null
              : new InPlaceCandidates.Allowance(distance, rule instanceof InPlaceRule.Alias);
        });
  }

  /** The op's own rule ({@link dev.tinyml.ops.Op#inPlace}); none for ops without a class. */
  private static InPlaceRule rule(Model model, Operator op) {
    BuiltinOperator code = model.opOf(op);
    OpNode node = new OpNode(model, model.subgraphs().get(0), op);
    return OpRegistry.builtin(code).map(o -> o.inPlace(node)).orElse(InPlaceRule.NONE);
  }

  /** The least distance from the output's start to the input's start, or -1 if none is safe. */
  static int minDistance(InPlaceRule rule, Tensor in, Tensor out) {
    if (rule instanceof InPlaceRule.Alias || rule instanceof InPlaceRule.Elementwise) {
      return 0;
    }
    if (rule instanceof InPlaceRule.Rows r) {
      return windowed(in, out, r.strideH(), r.filterH(), r.dilationH(), r.padding());
    }
    return -1;
  }

  /** The row rule for NHWC windowed operators with one batch; -1 when it does not apply. */
  static int windowed(
      Tensor in, Tensor out, int strideH, int filterH, int dilationH, Padding padding) {
    int[] is = in.shape();
    int[] os = out.shape();
    if (is.length != 4 || os.length != 4 || is[0] != 1 || os[0] != 1 || filterH <= 0) {
      return -1;
    }
    if (strideH <= 0 || dilationH <= 0) {
      return -1;
    }
    int inRows = is[1];
    int outRows = os[1];
    long inRowBytes = (long) is[2] * is[3] * TflmTensors.typeSize(in.type());
    long outRowBytes = (long) os[2] * os[3] * TflmTensors.typeSize(out.type());
    int padTop = 0;
    if (padding == Padding.SAME) {
      int effectiveFilter = (filterH - 1) * dilationH + 1;
      int total = Math.max((outRows - 1) * strideH + effectiveFilter - inRows, 0);
      padTop = total / 2;
    }
    long distance = 0;
    for (int y = 0; y < outRows; y++) {
      long firstNeeded = Math.max(0, (long) (y - 1) * strideH - padTop);
      firstNeeded = Math.min(firstNeeded, inRows);
      distance = Math.max(distance, (y + 1) * outRowBytes - firstNeeded * inRowBytes);
    }
    long aligned = (distance + ArenaBuffer.ALIGNMENT - 1) / ArenaBuffer.ALIGNMENT;
    aligned *= ArenaBuffer.ALIGNMENT;
    return aligned > Integer.MAX_VALUE / 2 ? -1 : (int) aligned;
  }
}
