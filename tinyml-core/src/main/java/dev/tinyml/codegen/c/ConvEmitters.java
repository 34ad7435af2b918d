package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.interp.kernels.Activation;
import dev.tinyml.interp.kernels.ChannelMultipliers;
import dev.tinyml.interp.kernels.Conv2D;
import dev.tinyml.interp.kernels.DepthwiseConv2D;
import dev.tinyml.tflite.Conv2DOptions;
import dev.tinyml.tflite.DepthwiseConv2DOptions;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** CONV_2D and DEPTHWISE_CONV_2D, int8 (per-channel) and float32. */
final class ConvEmitters {
  private ConvEmitters() {}

  static void conv2d(COp op, CModuleWriter m) throws CodegenException {
    Conv2DOptions o = op.options(Conv2DOptions.class);
    Activation act = FusedActivation.of(op, o.fusedActivation());
    Tensor in = op.input(0);
    Tensor w = op.input(1);
    Tensor out = op.output(0);
    boolean isFloat = in.type() == TensorType.FLOAT32;
    Conv2D.Plan p =
        Conv2D.prepare(
            in.shape(),
            w.shape(),
            out.shape(),
            o.padding() == Padding.SAME,
            o.strideH(),
            o.strideW(),
            o.dilationHFactor(),
            o.dilationWFactor(),
            act,
            isFloat ? 0 : COp.zeroPoint(in),
            isFloat ? 1f : COp.scale(out),
            isFloat ? 0 : COp.zeroPoint(out),
            isFloat ? null : multipliers(in, w, out, w.shape()[0]));
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
    if (isFloat) {
      floatConv(op, m, "tml_conv_f32", "conv_f32.c", geometry, p.floatMin(), p.floatMax());
      return;
    }
    m.useKernel("conv_s8.c");
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
                + ints(p.inputOffset(), p.outputOffset(), p.actMin(), p.actMax()),
            80);
    int8Call(op, m, "tml_conv_s8", params, p.multipliers());
  }

  static void depthwise(COp op, CModuleWriter m) throws CodegenException {
    DepthwiseConv2DOptions o = op.options(DepthwiseConv2DOptions.class);
    Activation act = FusedActivation.of(op, o.fusedActivation());
    Tensor in = op.input(0);
    Tensor w = op.input(1);
    Tensor out = op.output(0);
    boolean isFloat = in.type() == TensorType.FLOAT32;
    DepthwiseConv2D.Plan p =
        DepthwiseConv2D.prepare(
            in.shape(),
            w.shape(),
            out.shape(),
            o.padding() == Padding.SAME,
            o.strideH(),
            o.strideW(),
            o.dilationHFactor(),
            o.dilationWFactor(),
            act,
            isFloat ? 0 : COp.zeroPoint(in),
            isFloat ? 1f : COp.scale(out),
            isFloat ? 0 : COp.zeroPoint(out),
            isFloat ? null : multipliers(in, w, out, w.shape()[3]));
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
    if (isFloat) {
      floatConv(
          op,
          m,
          "tml_depthwise_conv_f32",
          "depthwise_conv_f32.c",
          geometry,
          p.floatMin(),
          p.floatMax());
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
    int8Call(op, m, "tml_depthwise_conv_s8", params, p.multipliers());
  }

  /** The multipliers as the interpreter's prepare computes them (in double, per channel). */
  static ChannelMultipliers multipliers(Tensor in, Tensor w, Tensor out, int channels) {
    return ChannelMultipliers.of(COp.scale(in), COp.scales(w), COp.scale(out), channels);
  }

  private static void int8Call(
      COp op, CModuleWriter m, String kernel, String params, ChannelMultipliers mult)
      throws CodegenException {
    String multName = m.int32Array(CModuleWriter.opName(op, "mult"), mult.multiplier());
    String shiftName = m.shiftArray(CModuleWriter.opName(op, "shift"), mult.shift());
    m.call(
        op,
        kernel
            + "("
            + params
            + ", "
            + m.tensor(op.in(0), op)
            + ", "
            + m.tensor(op.in(1), op)
            + ", "
            + m.tensor(op.in(2), op)
            + ", "
            + multName
            + ", "
            + shiftName
            + ", "
            + m.tensor(op.out(0), op)
            + ");");
  }

  private static void floatConv(
      COp op,
      CModuleWriter m,
      String kernel,
      String file,
      String geometry,
      float floatMin,
      float floatMax)
      throws CodegenException {
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
    m.call(
        op,
        kernel
            + "("
            + params
            + ", "
            + m.tensor(op.in(0), op)
            + ", "
            + m.tensor(op.in(1), op)
            + ", "
            + m.tensor(op.in(2), op)
            + ", "
            + m.tensor(op.out(0), op)
            + ");");
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
