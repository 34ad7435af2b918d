package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Pack;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.PackOptions;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.UnpackOptions;
import java.util.Optional;

/** PACK (stack inputs along a new axis) and UNPACK (its inverse) of any stored type. */
public final class PackOp implements Op<PackOp.Plan>, TflmFootprint, Int8Rules {

  /**
   * A prepared pack or unpack.
   *
   * @param pack the kernel plan
   * @param inputs input tensor indices (one for UNPACK)
   * @param outputs output tensor indices (one for PACK)
   */
  public record Plan(Pack.Plan pack, int[] inputs, int[] outputs) implements OpPlan {}

  private final boolean unpack;

  /** PACK when {@code unpack} is false, UNPACK when true. */
  public PackOp(boolean unpack) {
    this.unpack = unpack;
  }

  @Override
  public BuiltinOperator builtin() {
    return unpack ? BuiltinOperator.UNPACK : BuiltinOperator.PACK;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of(unpack ? "AddUnpack" : "AddPack");
  }

  @Override
  public int maxVersion() {
    return 4;
  }

  @Override
  public Plan prepare(OpContext c) {
    int nIn = c.inputCount();
    int nOut = c.operator().outputs().length;
    Tensor first = c.input(0);
    Pack.Plan p;
    try {
      p =
          unpack
              ? Pack.planUnpack(first.shape(), c.options(UnpackOptions.class).axis())
              : Pack.planPack(first.shape(), nIn, c.options(PackOptions.class).axis());
    } catch (IllegalArgumentException e) {
      throw c.fail(e.getMessage() + " (input " + OpContext.describe(first) + ")");
    }
    int[] ins = new int[nIn];
    for (int i = 0; i < nIn; i++) {
      Tensor t = c.input(i);
      OpInputs.requireSameType(c, first, t);
      if (!unpack && !java.util.Arrays.equals(t.shape(), first.shape())) {
        throw c.fail(
            "PACK inputs must share one shape; input " + i + " is " + OpContext.describe(t));
      }
      ins[i] = c.in(i);
    }
    if (unpack && nOut != p.count()) {
      throw c.fail("has " + nOut + " outputs for an axis of extent " + p.count());
    }
    int[] outs = new int[nOut];
    for (int k = 0; k < nOut; k++) {
      Tensor out = c.output(k);
      OpInputs.requireSameType(c, first, out);
      OpInputs.requireOutput(c, out, unpack ? p.unpackedShape() : p.packedShape());
      outs[k] = c.out(k);
    }
    return new Plan(p, ins, outs);
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    if (unpack) {
      Object[] outs = new Object[p.outputs().length];
      for (int k = 0; k < outs.length; k++) {
        outs[k] = t[p.outputs()[k]];
      }
      Pack.unpack(p.pack(), t[p.inputs()[0]], outs);
    } else {
      Object[] ins = new Object[p.inputs().length];
      for (int k = 0; k < ins.length; k++) {
        ins[k] = t[p.inputs()[k]];
      }
      Pack.pack(p.pack(), ins, t[p.outputs()[0]]);
    }
  }

  /** Data movement: no arithmetic. */
  @Override
  public long macs(OpNode node) {
    return 0;
  }

  /** {@code TfLitePackParams} and {@code TfLiteUnpackParams}: a count and the axis. */
  @Override
  public CStruct builtinParams(OpNode node, Abi abi) {
    return new CStruct(8, 4);
  }

  /** PACK's inputs and output share one set of parameters, as do UNPACK's input and outputs. */
  @Override
  public OutputParams outputParams() {
    return unpack ? OutputParams.SHARED_WITH_INPUT : OutputParams.SHARED_WITH_ALL_INPUTS;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }
}
