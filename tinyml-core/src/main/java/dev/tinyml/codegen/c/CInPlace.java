package dev.tinyml.codegen.c;

import dev.tinyml.ops.Conv2DOp;
import dev.tinyml.ops.CopyOp;
import dev.tinyml.ops.DepthwiseConv2DOp;
import dev.tinyml.ops.ElementwiseUnaryOp;
import dev.tinyml.ops.L2NormalizationOp;
import dev.tinyml.ops.OpPlan;
import dev.tinyml.ops.Pool2DOp;
import dev.tinyml.ops.PreparedOp;
import dev.tinyml.ops.kernels.ConvParams;
import dev.tinyml.ops.kernels.Pooling;
import dev.tinyml.plan.ArenaBuffer;
import dev.tinyml.plan.InPlaceCandidates;
import dev.tinyml.plan.InPlaceOverlap;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.List;

/**
 * The overlaps the c backend's own kernels allow, tighter than the planner's TFLM-safe rules
 * because the kernels are known exactly:
 *
 * <ul>
 *   <li>RESHAPE/SQUEEZE/EXPAND_DIMS: exact alias (no copy is emitted).
 *   <li>element-wise kernels with equal input and output element size (RELU, RELU6, LEAKY_RELU,
 *       LOGISTIC, TANH, the unary math functions, int requantize of equal width): element {@code i}
 *       is written after input {@code i} was read, in order, so the output may start at the input;
 *       L2_NORMALIZATION reads a row before writing it.
 *   <li>CONV_2D, DEPTHWISE_CONV_2D, AVERAGE/MAX_POOL_2D with one batch: the kernels visit output
 *       pixels in row-major order and finish each pixel before the next. While any byte of pixel
 *       {@code q} is being written, output bytes below {@code (q + 1) * pixelBytes} may be written
 *       and every input byte still to be read lies at or above the first byte that pixel {@code q}
 *       or a later one reads. The input must therefore start at least {@code max_q ((q + 1) *
 *       outPixelBytes - firstRead(q))} bytes above the output (rounded up to 16).
 * </ul>
 *
 * <p>As in the planner ({@link InPlaceCandidates}), an overlap needs the operator to be its input's
 * last reader, reading it once, and the input not to be a model output. The windows' geometry
 * (paddings included) comes from the ops' plan records, as the kernels' parameters do.
 */
final class CInPlace {
  private CInPlace() {}

  static List<InPlaceOverlap> overlaps(
      Model model, List<ArenaBuffer> buffers, List<PreparedOp<?>> plans) {
    OpPlan[] byIndex = new OpPlan[model.primarySubgraph().operators().size()];
    for (PreparedOp<?> p : plans) {
      byIndex[p.index()] = p.plan();
    }
    return InPlaceCandidates.find(
        model,
        buffers,
        " of the c backend",
        (index, op, in, out) -> {
          OpPlan plan = byIndex[index];
          if (plan instanceof CopyOp.Plan) {
            return new InPlaceCandidates.Allowance(0, true);
          }
          int distance = distance(model.opOf(op), plan, in, out);
          return distance < 0 ? null : new InPlaceCandidates.Allowance(distance, false);
        });
  }

  private static int distance(BuiltinOperator code, OpPlan plan, Tensor in, Tensor out) {
    if (plan instanceof Conv2DOp.Plan p) {
      return convolution(in, out, p.conv());
    }
    if (plan instanceof DepthwiseConv2DOp.Plan p) {
      return convolution(in, out, p.conv());
    }
    if (plan instanceof Pool2DOp.Plan p) {
      Pooling.Plan w = p.pool();
      return windowed(
          in, out, w.filterH(), w.filterW(), w.strideH(), w.strideW(), 1, 1, w.padH(), w.padW());
    }
    if (plan instanceof ElementwiseUnaryOp.Plan<?> || plan instanceof L2NormalizationOp.Plan) {
      return in.type() == out.type() ? 0 : -1;
    }
    if (code == null) {
      return -1;
    }
    return switch (code) {
      case RELU, RELU6, LEAKY_RELU, LOGISTIC, TANH -> in.type() == out.type() ? 0 : -1;
      case QUANTIZE ->
          in.type() != TensorType.FLOAT32 && bytes(in.type()) == bytes(out.type()) ? 0 : -1;
      default -> -1;
    };
  }

  private static int convolution(Tensor in, Tensor out, ConvParams p) {
    return windowed(
        in,
        out,
        p.kH(),
        p.kW(),
        p.strideH(),
        p.strideW(),
        p.dilationH(),
        p.dilationW(),
        p.padH(),
        p.padW());
  }

  private static int bytes(TensorType t) {
    return switch (t) {
      case INT8, UINT8 -> 1;
      case INT16 -> 2;
      default -> 4;
    };
  }

  /** The pixel rule above, or -1 when it does not apply (batches, ranks, odd geometry). */
  static int windowed(
      Tensor in,
      Tensor out,
      int kH,
      int kW,
      int strideH,
      int strideW,
      int dilationH,
      int dilationW,
      int padH,
      int padW) {
    int[] is = in.shape();
    int[] os = out.shape();
    if (is.length != 4 || os.length != 4 || is[0] != 1 || os[0] != 1) {
      return -1;
    }
    if (in.type() != out.type() || kH < 1 || kW < 1 || strideH < 1 || strideW < 1) {
      return -1;
    }
    int inH = is[1];
    int inW = is[2];
    int outH = os[1];
    int outW = os[2];
    long inPixel = (long) is[3] * bytes(in.type());
    long outPixel = (long) os[3] * bytes(out.type());
    long pixels = (long) outH * outW;
    // firstRead(q) as the minimum over pixels q' >= q, walking backwards.
    long suffixMin = (long) inH * inW * inPixel;
    long distance = 0;
    for (long q = pixels - 1; q >= 0; q--) {
      int oy = (int) (q / outW);
      int ox = (int) (q % outW);
      int iy = Math.max(0, Math.min(inH - 1, oy * strideH - padH));
      int ix = Math.max(0, Math.min(inW - 1, ox * strideW - padW));
      suffixMin = Math.min(suffixMin, ((long) iy * inW + ix) * inPixel);
      distance = Math.max(distance, (q + 1) * outPixel - suffixMin);
    }
    long aligned = (distance + ArenaBuffer.ALIGNMENT - 1) / ArenaBuffer.ALIGNMENT;
    aligned *= ArenaBuffer.ALIGNMENT;
    return aligned > Integer.MAX_VALUE / 2 ? -1 : (int) aligned;
  }
}
