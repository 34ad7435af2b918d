package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.Conv2DOp;
import dev.tinyml.ops.DepthwiseConv2DOp;
import dev.tinyml.ops.Pool2DOp;
import dev.tinyml.ops.TransposeConvOp;
import dev.tinyml.ops.kernels.ConvParams;
import dev.tinyml.ops.kernels.Pooling;
import dev.tinyml.ops.kernels.TransposeConv;
import dev.tinyml.tflite.TensorType;

/**
 * The windowed ops, CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV, AVERAGE_POOL_2D and MAX_POOL_2D
 * (int8 and float32), from the ops' plan records. Every kernel takes the one C struct {@code
 * tml_window_params} of {@code window.h}, whose initializer is written in one place here.
 */
final class WindowEmitters {
  private WindowEmitters() {}

  static void conv2d(COp op, Conv2DOp.Plan plan, CModuleWriter m) throws CodegenException {
    if (plan.kernel() == Conv2DOp.Kernel.INT16
        || plan.kernel() == Conv2DOp.Kernel.INT16_INT32_BIAS) {
      throw op.unsupported("16x8 CONV_2D (the C kernels are int8 and float32)");
    }
    ConvParams p = plan.conv();
    boolean isFloat = plan.kernel() == Conv2DOp.Kernel.FLOAT;
    boolean oneByOne = p.kH() == 1 && p.kW() == 1 && p.padH() == 0 && p.padW() == 0;
    int inputOffset = p.inputOffset();
    String folded = null;
    if (!isFloat && oneByOne && inputOffset != 0) {
      folded = m.foldedBias(op, plan.bias(), plan.filter(), p.outC(), p.filterInC(), inputOffset);
      inputOffset = folded != null ? 0 : inputOffset;
    }
    convolution(
        op,
        m,
        isFloat ? "conv_f32" : "conv_s8",
        p,
        new int[] {p.filterInC(), inputOffset, !isFloat && oneByOne && inputOffset == 0 ? 1 : 0},
        new int[] {plan.input(), plan.filter(), plan.output()},
        folded != null ? folded : m.tensor(plan.bias(), op));
  }

  static void depthwise(COp op, DepthwiseConv2DOp.Plan plan, CModuleWriter m)
      throws CodegenException {
    if (plan.kernel() == DepthwiseConv2DOp.Kernel.INT16) {
      throw op.unsupported("16x8 DEPTHWISE_CONV_2D (the C kernels are int8 and float32)");
    }
    ConvParams p = plan.conv();
    convolution(
        op,
        m,
        plan.kernel() == DepthwiseConv2DOp.Kernel.FLOAT
            ? "depthwise_conv_f32"
            : "depthwise_conv_s8",
        p,
        new int[] {p.depthMultiplier(), p.inputOffset(), 0},
        new int[] {plan.input(), plan.filter(), plan.output()},
        m.tensor(plan.bias(), op));
  }

  /**
   * TRANSPOSE_CONV float32 and int8 (per-channel) as a window over its input: the filter's input
   * channels are all the input's, no dilation, the padding cut before the output.
   */
  static void transposeConv(COp op, TransposeConvOp.Plan plan, CModuleWriter m)
      throws CodegenException {
    boolean isFloat = plan.type() == TensorType.FLOAT32;
    if (!isFloat && plan.type() != TensorType.INT8) {
      throw op.unsupported(
          "16x8 TRANSPOSE_CONV (int16 activations; float32 and int8 are compiled)");
    }
    TransposeConv.Geometry g = plan.geometry();
    ConvParams p =
        new ConvParams(
            g.batches(),
            g.inHeight(),
            g.inWidth(),
            g.inDepth(),
            g.outHeight(),
            g.outWidth(),
            g.outDepth(),
            g.filterHeight(),
            g.filterWidth(),
            g.inDepth(),
            g.strideHeight(),
            g.strideWidth(),
            1,
            1,
            g.padHeight(),
            g.padWidth(),
            plan.inputOffset(),
            plan.outputOffset(),
            plan.multipliers(),
            plan.min(),
            plan.max(),
            plan.floatMin(),
            plan.floatMax());
    convolution(
        op,
        m,
        isFloat ? "transpose_conv_f32" : "transpose_conv_s8",
        p,
        new int[] {g.inDepth(), plan.inputOffset(), 0},
        new int[] {plan.input(), plan.filter(), plan.output()},
        m.tensor(plan.bias(), op));
  }

  /**
   * One convolution call: {@code tml_<kernel>(params, input, filter, bias[, mult, shift], output)};
   * int8 kernels get the per-channel multipliers and shifts.
   *
   * @param perTap filter_in_c (the filter's input channels, or the depth multiplier), the input
   *     offset and the pointwise flag
   * @param tensors input, filter and output tensor indices
   */
  private static void convolution(
      COp op,
      CModuleWriter m,
      String kernel,
      ConvParams p,
      int[] perTap,
      int[] tensors,
      String bias)
      throws CodegenException {
    String params = window(op, m, p, perTap);
    String input = m.tensor(tensors[0], op);
    String filter = m.tensor(tensors[1], op);
    String output = m.tensor(tensors[2], op);
    m.useKernel(kernel + ".c");
    if (p.multipliers() == null) {
      m.call(
          op,
          "tml_" + kernel,
          params,
          CModuleWriter.floatRange(p.floatMin(), p.floatMax()),
          input,
          filter,
          bias,
          output);
      return;
    }
    String mult = m.int32Array(CModuleWriter.opName(op, "mult"), p.multipliers().multiplier());
    String shift = m.shiftArray(CModuleWriter.opName(op, "shift"), p.multipliers().shift());
    m.call(op, "tml_" + kernel, params, input, filter, bias, mult, shift, output);
  }

  /** A pooling is a window without filter, dilation, offsets or multipliers. */
  static void pool(COp op, Pool2DOp.Plan plan, CModuleWriter m, boolean max)
      throws CodegenException {
    if (plan.kernel() == Pool2DOp.Kernel.INT16) {
      throw op.unsupported(
          "int16 "
              + (max ? "MAX_POOL_2D" : "AVERAGE_POOL_2D")
              + " (the C kernels are int8 and float32)");
    }
    Pooling.Plan p = plan.pool();
    String params =
        windowParams(
            op,
            m,
            CModuleWriter.ints(
                p.batches(), p.inH(), p.inW(), p.channels(), p.outH(), p.outW(), p.channels()),
            CModuleWriter.ints(p.filterH(), p.filterW(), 1, p.strideH(), p.strideW()),
            CModuleWriter.ints(1, 1, p.padH(), p.padW()),
            CModuleWriter.ints(0, 0, p.actMin(), p.actMax(), 0));
    String kernel = (max ? "max_pool_" : "average_pool_") + (plan.isFloat() ? "f32" : "s8");
    m.useKernel(kernel + ".c");
    String io = m.tensors(op, plan.input(), plan.output());
    if (plan.isFloat()) {
      m.call(op, "tml_" + kernel, params, CModuleWriter.floatRange(p.floatMin(), p.floatMax()), io);
    } else {
      m.call(op, "tml_" + kernel, params, io);
    }
  }

  /**
   * The {@code tml_window_params} struct (its fields in order): the geometry, with {@code
   * perTap[0]} as filter_in_c, input offset {@code perTap[1]}, output offset, clamp, pointwise flag
   * {@code perTap[2]}.
   */
  private static String window(COp op, CModuleWriter m, ConvParams p, int[] perTap) {
    String shapes =
        CModuleWriter.ints(p.batches(), p.inH(), p.inW(), p.inC(), p.outH(), p.outW(), p.outC());
    String taps = CModuleWriter.ints(p.kH(), p.kW(), perTap[0], p.strideH(), p.strideW());
    String dilationPadding = CModuleWriter.ints(p.dilationH(), p.dilationW(), p.padH(), p.padW());
    String quantization =
        CModuleWriter.ints(perTap[1], p.outputOffset(), p.actMin(), p.actMax(), perTap[2]);
    return windowParams(op, m, shapes, taps, dilationPadding, quantization);
  }

  /** The {@code tml_window_params} struct from its four groups of fields, each C literals. */
  private static String windowParams(
      COp op, CModuleWriter m, String shapes, String taps, String dilationPadding, String quant) {
    return m.params(
        op, "tml_window_params", 84, String.join(", ", shapes, taps, dilationPadding, quant));
  }
}
