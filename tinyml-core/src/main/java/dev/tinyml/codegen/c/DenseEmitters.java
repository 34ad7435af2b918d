package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.interp.kernels.Activation;
import dev.tinyml.interp.kernels.ChannelMultipliers;
import dev.tinyml.interp.kernels.FullyConnected;
import dev.tinyml.interp.kernels.Pooling;
import dev.tinyml.interp.kernels.Softmax;
import dev.tinyml.tflite.FullyConnectedOptions;
import dev.tinyml.tflite.Padding;
import dev.tinyml.tflite.Pool2DOptions;
import dev.tinyml.tflite.SoftmaxOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** FULLY_CONNECTED, AVERAGE_POOL_2D, MAX_POOL_2D and SOFTMAX, int8 and float32. */
final class DenseEmitters {
  private DenseEmitters() {}

  static void fullyConnected(COp op, CModuleWriter m) throws CodegenException {
    FullyConnectedOptions o = op.options(FullyConnectedOptions.class);
    Activation act = FusedActivation.of(op, o == null ? null : o.fusedActivation());
    Tensor in = op.input(0);
    Tensor w = op.input(1);
    Tensor out = op.output(0);
    int[] ws = w.shape();
    int[] os = out.shape();
    int depth = ws[ws.length - 1];
    int outDepth = os[os.length - 1];
    String args =
        m.tensor(op.in(0), op) + ", " + m.tensor(op.in(1), op) + ", " + m.tensor(op.in(2), op);
    if (in.type() == TensorType.FLOAT32) {
      FullyConnected.Plan p = FullyConnected.prepareFloat(out.elementCount(), depth, outDepth, act);
      m.useKernel("fully_connected_f32.c");
      m.call(
          op,
          "tml_fully_connected_f32("
              + ConvEmitters.ints(p.batches(), p.accumDepth(), p.outputDepth())
              + ", "
              + args
              + ", "
              + CModuleWriter.floatLiteral(p.floatMin())
              + ", "
              + CModuleWriter.floatLiteral(p.floatMax())
              + ", "
              + m.tensor(op.out(0), op)
              + ");");
      return;
    }
    if (in.type() != TensorType.INT8 || out.type() != TensorType.INT8) {
      throw op.unsupported(in.type() + " to " + out.type());
    }
    float[] wScales = COp.scales(w);
    ChannelMultipliers mult =
        wScales.length > 1
            ? ChannelMultipliers.of(COp.scale(in), wScales, COp.scale(out), outDepth)
            : ChannelMultipliers.perTensorFloatProduct(
                COp.scale(in), wScales[0], COp.scale(out), outDepth);
    FullyConnected.Plan p =
        FullyConnected.prepareInt8(
            out.elementCount(),
            depth,
            outDepth,
            COp.zeroPoint(in),
            COp.zeroPoint(w),
            COp.scale(out),
            COp.zeroPoint(out),
            mult,
            act);
    m.useKernel("fully_connected_s8.c");
    String params =
        m.params(
            "tml_fully_connected_s8_params",
            CModuleWriter.opName(op, "params"),
            ConvEmitters.ints(
                p.batches(),
                p.accumDepth(),
                p.outputDepth(),
                p.inputOffset(),
                p.filterOffset(),
                p.outputOffset(),
                p.actMin(),
                p.actMax()),
            32);
    String multName = m.int32Array(CModuleWriter.opName(op, "mult"), mult.multiplier());
    String shiftName = m.shiftArray(CModuleWriter.opName(op, "shift"), mult.shift());
    m.call(
        op,
        "tml_fully_connected_s8("
            + params
            + ", "
            + args
            + ", "
            + multName
            + ", "
            + shiftName
            + ", "
            + m.tensor(op.out(0), op)
            + ");");
  }

  static void pool(COp op, CModuleWriter m, boolean max) throws CodegenException {
    Pool2DOptions o = op.options(Pool2DOptions.class);
    Activation act = FusedActivation.of(op, o.fusedActivation());
    Tensor in = op.input(0);
    Tensor out = op.output(0);
    boolean isFloat = in.type() == TensorType.FLOAT32;
    Pooling.Plan p =
        Pooling.prepare(
            in.shape(),
            out.shape(),
            o.padding() == Padding.SAME,
            o.filterHeight(),
            o.filterWidth(),
            o.strideH(),
            o.strideW(),
            act,
            isFloat ? 1f : COp.scale(out),
            isFloat ? 0 : COp.zeroPoint(out));
    String kernel = (max ? "max_pool_" : "average_pool_") + (isFloat ? "f32" : "s8");
    m.useKernel(kernel + ".c");
    String params =
        m.params(
            "tml_pool_params",
            CModuleWriter.opName(op, "params"),
            ConvEmitters.ints(
                    p.batches(),
                    p.inH(),
                    p.inW(),
                    p.channels(),
                    p.outH(),
                    p.outW(),
                    p.filterH(),
                    p.filterW(),
                    p.strideH(),
                    p.strideW(),
                    p.padH(),
                    p.padW(),
                    p.actMin(),
                    p.actMax())
                + ", "
                + CModuleWriter.floatLiteral(p.floatMin())
                + ", "
                + CModuleWriter.floatLiteral(p.floatMax()),
            64);
    m.call(
        op,
        "tml_"
            + kernel
            + "("
            + params
            + ", "
            + m.tensor(op.in(0), op)
            + ", "
            + m.tensor(op.out(0), op)
            + ");");
  }

  static void softmax(COp op, CModuleWriter m) throws CodegenException {
    SoftmaxOptions o = op.options(SoftmaxOptions.class);
    float beta = o == null ? 1f : o.beta();
    Tensor in = op.input(0);
    Tensor out = op.output(0);
    int[] shape = in.shape();
    int depth = shape.length == 0 ? 1 : shape[shape.length - 1];
    int n = in.elementCount();
    if (in.type() == TensorType.FLOAT32) {
      Softmax.Plan p = Softmax.prepareFloat(n, depth, beta);
      m.useKernel("softmax_f32.c");
      m.call(
          op,
          "tml_softmax_f32("
              + ConvEmitters.ints(p.rows(), p.depth())
              + ", "
              + CModuleWriter.floatLiteral(p.beta())
              + ", "
              + m.tensor(op.in(0), op)
              + ", "
              + m.tensor(op.out(0), op)
              + ");");
      return;
    }
    if (in.type() != TensorType.INT8
        || (out.type() != TensorType.INT8 && out.type() != TensorType.INT16)) {
      throw op.unsupported(in.type() + " to " + out.type());
    }
    Softmax.Plan p = Softmax.prepareInt8(n, depth, beta, COp.scale(in));
    m.useKernel("softmax_s8.c");
    String params =
        m.params(
            "tml_softmax_s8_params",
            CModuleWriter.opName(op, "params"),
            ConvEmitters.ints(
                p.rows(), p.depth(), p.inputMultiplier(), p.inputLeftShift(), p.diffMin()),
            20);
    String output = m.tensor(op.out(0), op);
    boolean int8Out = out.type() == TensorType.INT8;
    m.call(
        op,
        "tml_softmax_s8("
            + params
            + ", "
            + m.tensor(op.in(0), op)
            + ", "
            + (int8Out ? output : "0")
            + ", "
            + (int8Out ? "0" : output)
            + ");");
  }
}
