package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.ops.Conv2DOp;
import dev.tinyml.ops.DepthwiseConv2DOp;
import dev.tinyml.ops.kernels.ChannelMultipliers;
import dev.tinyml.ops.kernels.ConvParams;

/** CONV_2D and DEPTHWISE_CONV_2D, int8 (per-channel) and float32, from the ops' plan records. */
final class ConvEmitters {
  private ConvEmitters() {}

  static void conv2d(COp op, Conv2DOp.Plan plan, CModuleWriter m) throws CodegenException {
    ConvParams p = plan.conv();
    String geometry =
        ints(
            p.batches(),
            p.inH(),
            p.inW(),
            p.inC(),
            p.outH(),
            p.outW(),
            p.outC(),
            p.kH(),
            p.kW(),
            p.filterInC(),
            p.strideH(),
            p.strideW(),
            p.dilationH(),
            p.dilationW(),
            p.padH(),
            p.padW());
    if (plan.kernel() == Conv2DOp.Kernel.FLOAT) {
      String tensors =
          m.tensor(plan.input(), op)
              + ", "
              + m.tensor(plan.filter(), op)
              + ", "
              + m.tensor(plan.bias(), op);
      floatConv(
          op,
          m,
          "tml_conv_f32",
          "conv_f32.c",
          geometry,
          p.floatMin(),
          p.floatMax(),
          tensors,
          m.tensor(plan.output(), op));
      return;
    }
    m.useKernel("conv_s8.c");
    int inputOffset = p.inputOffset();
    String folded = null;
    boolean oneByOne = p.kH() == 1 && p.kW() == 1 && p.padH() == 0 && p.padW() == 0;
    if (inputOffset != 0 && oneByOne) {
      folded = m.foldedBias(op, plan.bias(), plan.filter(), p.outC(), p.filterInC(), inputOffset);
      if (folded != null) {
        inputOffset = 0;
      }
    }
    boolean pointwise = oneByOne && inputOffset == 0;
    String tensors =
        m.tensor(plan.input(), op)
            + ", "
            + m.tensor(plan.filter(), op)
            + ", "
            + (folded != null ? folded : m.tensor(plan.bias(), op));
    String params =
        m.params(
            "tml_conv_s8_params",
            CModuleWriter.opName(op, "params"),
            ints(
                    p.inH(),
                    p.inW(),
                    p.inC(),
                    p.outH(),
                    p.outW(),
                    p.outC(),
                    p.kH(),
                    p.kW(),
                    p.filterInC(),
                    p.strideH(),
                    p.strideW(),
                    p.dilationH(),
                    p.dilationW(),
                    p.padH(),
                    p.padW(),
                    p.batches())
                + ", "
                + ints(inputOffset, p.outputOffset(), p.actMin(), p.actMax(), pointwise ? 1 : 0),
            84);
    int8Call(op, m, "tml_conv_s8", params, p.multipliers(), tensors, m.tensor(plan.output(), op));
  }

  static void depthwise(COp op, DepthwiseConv2DOp.Plan plan, CModuleWriter m)
      throws CodegenException {
    ConvParams p = plan.conv();
    String geometry =
        ints(
            p.batches(),
            p.inH(),
            p.inW(),
            p.inC(),
            p.outH(),
            p.outW(),
            p.outC(),
            p.kH(),
            p.kW(),
            p.depthMultiplier(),
            p.strideH(),
            p.strideW(),
            p.dilationH(),
            p.dilationW(),
            p.padH(),
            p.padW());
    String tensors =
        m.tensor(plan.input(), op)
            + ", "
            + m.tensor(plan.filter(), op)
            + ", "
            + m.tensor(plan.bias(), op);
    if (plan.kernel() == DepthwiseConv2DOp.Kernel.FLOAT) {
      floatConv(
          op,
          m,
          "tml_depthwise_conv_f32",
          "depthwise_conv_f32.c",
          geometry,
          p.floatMin(),
          p.floatMax(),
          tensors,
          m.tensor(plan.output(), op));
      return;
    }
    m.useKernel("depthwise_conv_s8.c");
    String params =
        m.params(
            "tml_depthwise_conv_s8_params",
            CModuleWriter.opName(op, "params"),
            ints(
                    p.inH(),
                    p.inW(),
                    p.inC(),
                    p.outH(),
                    p.outW(),
                    p.outC(),
                    p.kH(),
                    p.kW(),
                    p.depthMultiplier(),
                    p.strideH(),
                    p.strideW(),
                    p.dilationH(),
                    p.dilationW(),
                    p.padH(),
                    p.padW(),
                    p.batches())
                + ", "
                + ints(p.inputOffset(), p.outputOffset(), p.actMin(), p.actMax()),
            80);
    int8Call(
        op,
        m,
        "tml_depthwise_conv_s8",
        params,
        p.multipliers(),
        tensors,
        m.tensor(plan.output(), op));
  }

  private static void int8Call(
      COp op,
      CModuleWriter m,
      String kernel,
      String params,
      ChannelMultipliers mult,
      String tensors,
      String output) {
    String multName = m.int32Array(CModuleWriter.opName(op, "mult"), mult.multiplier());
    String shiftName = m.shiftArray(CModuleWriter.opName(op, "shift"), mult.shift());
    m.call(
        op,
        kernel + "(" + params + ", " + tensors + ", " + multName + ", " + shiftName + ", " + output
            + ");");
  }

  private static void floatConv(
      COp op,
      CModuleWriter m,
      String kernel,
      String file,
      String geometry,
      float floatMin,
      float floatMax,
      String tensors,
      String output) {
    m.useKernel(file);
    String params =
        m.params(
            "tml_conv_f32_params",
            CModuleWriter.opName(op, "params"),
            geometry
                + ", "
                + CModuleWriter.floatLiteral(floatMin)
                + ", "
                + CModuleWriter.floatLiteral(floatMax),
            72);
    m.call(op, kernel + "(" + params + ", " + tensors + ", " + output + ");");
  }

  /** Comma-separated decimal ints. */
  static String ints(int... values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(CModuleWriter.int32(values[i]));
    }
    return b.toString();
  }
}
