package dev.tinyml.codegen.c;

import dev.tinyml.plan.ArenaBuffer;
import dev.tinyml.plan.InPlaceOverlap;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Conv2DOptions;
import dev.tinyml.tflite.DepthwiseConv2DOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Pool2DOptions;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The overlaps the c backend's own kernels allow, tighter than the planner's TFLM-safe rules
 * because the kernels are known exactly:
 *
 * <ul>
 *   <li>RESHAPE/SQUEEZE: exact alias (no copy is emitted).
 *   <li>element-wise kernels with equal input and output element size (RELU, RELU6, LEAKY_RELU,
 *       LOGISTIC, TANH, int requantize of equal width): element {@code i} is written after input
 *       {@code i} was read, in order, so the output may start at the input.
 *   <li>CONV_2D, DEPTHWISE_CONV_2D, AVERAGE/MAX_POOL_2D with one batch: the kernels visit output
 *       pixels in row-major order and finish each pixel before the next. While any byte of pixel
 *       {@code q} is being written, output bytes below {@code (q + 1) * pixelBytes} may be written
 *       and every input byte still to be read lies at or above the first byte that pixel {@code q}
 *       or a later one reads. The input must therefore start at least {@code max_q ((q + 1) *
 *       outPixelBytes - firstRead(q))} bytes above the output (rounded up to 16).
 * </ul>
 *
 * <p>As in the planner, an overlap needs the operator to be its input's last reader, reading it
 * once, and the input not to be a model output.
 */
final class CInPlace {
  private CInPlace() {}

  static List<InPlaceOverlap> overlaps(Model model, List<ArenaBuffer> buffers) {
    SubGraph g = model.primarySubgraph();
    int[] position = new int[g.tensors().size()];
    Arrays.fill(position, -1);
    for (int i = 0; i < buffers.size(); i++) {
      ArenaBuffer b = buffers.get(i);
      if (b.kind() == ArenaBuffer.Kind.TENSOR && b.subgraph() == 0) {
        position[b.index()] = i;
      }
    }
    List<InPlaceOverlap> result = new ArrayList<>();
    List<Operator> ops = g.operators();
    for (int i = 0; i < ops.size(); i++) {
      Operator op = ops.get(i);
      if (op.inputs().length == 0 || op.outputs().length != 1) {
        continue;
      }
      int in = op.inputs()[0];
      int out = op.outputs()[0];
      if (in < 0 || in == out || position[in] < 0 || position[out] < 0) {
        continue;
      }
      if (Arrays.stream(op.inputs()).filter(t -> t == in).count() != 1
          || buffers.get(position[in]).lastUse() != i + 1
          || Arrays.stream(g.outputs()).anyMatch(t -> t == in)) {
        continue;
      }
      BuiltinOperator code = model.opOf(op);
      Tensor ti = g.tensors().get(in);
      Tensor to = g.tensors().get(out);
      int distance = distance(model, code, op, ti, to);
      if (distance >= 0) {
        result.add(
            new InPlaceOverlap(
                position[in],
                position[out],
                distance,
                code == BuiltinOperator.RESHAPE || code == BuiltinOperator.SQUEEZE,
                "operator " + i + " (" + code + ") of the c backend consumes its input in order"));
      }
    }
    return result;
  }

  private static int distance(
      Model model, BuiltinOperator code, Operator op, Tensor in, Tensor out) {
    if (code == null) {
      return -1;
    }
    return switch (code) {
      case RESHAPE, SQUEEZE -> 0;
      case RELU, RELU6, LEAKY_RELU, LOGISTIC, TANH -> in.type() == out.type() ? 0 : -1;
      case QUANTIZE ->
          in.type() != TensorType.FLOAT32 && bytes(in.type()) == bytes(out.type()) ? 0 : -1;
      case CONV_2D -> {
        Conv2DOptions o = (Conv2DOptions) op.options();
        int[] fs = model.primarySubgraph().tensors().get(op.inputs()[1]).shape();
        yield windowed(
            in,
            out,
            fs[1],
            fs[2],
            o.strideH(),
            o.strideW(),
            o.dilationHFactor(),
            o.dilationWFactor(),
            o.padding());
      }
      case DEPTHWISE_CONV_2D -> {
        DepthwiseConv2DOptions o = (DepthwiseConv2DOptions) op.options();
        int[] fs = model.primarySubgraph().tensors().get(op.inputs()[1]).shape();
        yield windowed(
            in,
            out,
            fs[1],
            fs[2],
            o.strideH(),
            o.strideW(),
            o.dilationHFactor(),
            o.dilationWFactor(),
            o.padding());
      }
      case AVERAGE_POOL_2D, MAX_POOL_2D -> {
        Pool2DOptions o = (Pool2DOptions) op.options();
        yield windowed(
            in,
            out,
            o.filterHeight(),
            o.filterWidth(),
            o.strideH(),
            o.strideW(),
            1,
            1,
            o.padding());
      }
      default -> -1;
    };
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
      Padding padding) {
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
    int padH = padding == Padding.SAME ? pad(strideH, dilationH, inH, kH, outH) : 0;
    int padW = padding == Padding.SAME ? pad(strideW, dilationW, inW, kW, outW) : 0;
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

  private static int pad(int stride, int dilation, int inSize, int filterSize, int outSize) {
    int effective = (filterSize - 1) * dilation + 1;
    return Math.max((outSize - 1) * stride + effective - inSize, 0) / 2;
  }
}
