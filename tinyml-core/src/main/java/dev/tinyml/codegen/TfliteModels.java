package dev.tinyml.codegen;

import dev.tinyml.ops.OpRegistry;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.ModelSummary;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what code generation needs out of a TFLite {@link Model}. */
public final class TfliteModels {
  private TfliteModels() {}

  /**
   * Describes a model for code generation.
   *
   * @param model the model
   * @param flatbuffer the model's serialized bytes (what goes into the C array)
   * @param name the model name
   * @param labels class names in output order, possibly empty
   * @param arenaBytes the tensor arena size
   * @return the description
   * @throws CodegenException for a custom or unknown op, or a dynamic input/output shape
   */
  public static ModelDescription describe(
      Model model, byte[] flatbuffer, String name, List<String> labels, long arenaBytes)
      throws CodegenException {
    SubGraph g = model.primarySubgraph();
    return new ModelDescription(
        name,
        flatbuffer,
        specs(g, g.inputs(), "input"),
        specs(g, g.outputs(), "output"),
        builtinOps(model),
        labels,
        arenaBytes);
  }

  /**
   * The builtin ops of every subgraph, each once, in order of first use.
   *
   * @param model the model
   * @return the schema names, e.g. {@code CONV_2D}
   * @throws CodegenException naming a custom op or an op code this version does not know
   */
  public static List<String> builtinOps(Model model) throws CodegenException {
    List<String> ops = new ArrayList<>();
    for (SubGraph g : model.subgraphs()) {
      for (Operator op : g.operators()) {
        OperatorCode code = model.operatorCodes().get(op.opcodeIndex());
        BuiltinOperator b = code.builtinCode();
        if (b == null) {
          throw new CodegenException(
              "The model uses builtin op code "
                  + code.builtinCodeValue()
                  + ", which this version of tinyml does not know; TFLite Micro ("
                  + OpResolverGenerator.LIBRARY
                  + " "
                  + OpResolverGenerator.LIBRARY_VERSION
                  + ") cannot run it either.");
        }
        if (b == BuiltinOperator.CUSTOM) {
          throw new CodegenException(
              "The model uses the custom op '"
                  + code.customCode()
                  + "'. Generated firmware registers builtin ops only; replace the op, or"
                  + " register its kernel by hand in model_ops.h.");
        }
        if (!ops.contains(b.name())) {
          ops.add(b.name());
        }
      }
    }
    return ops;
  }

  /**
   * Op use: each builtin op with its highest version and node count, in order of first use.
   *
   * @param model the model
   * @return the op uses
   */
  public static List<ConversionReport.OpUse> opUses(Model model) {
    Map<String, int[]> uses = new LinkedHashMap<>();
    for (SubGraph g : model.subgraphs()) {
      for (Operator op : g.operators()) {
        OperatorCode code = model.operatorCodes().get(op.opcodeIndex());
        int[] u = uses.computeIfAbsent(code.displayName(), k -> new int[2]);
        u[0] = Math.max(u[0], code.version());
        u[1]++;
      }
    }
    List<ConversionReport.OpUse> out = new ArrayList<>();
    uses.forEach((op, u) -> out.add(new ConversionReport.OpUse(op, u[0], u[1])));
    return out;
  }

  /**
   * Multiply-accumulates of one inference of the primary subgraph, estimated by the op classes
   * ({@link OpRegistry#macs}) as {@link ModelSummary} and so the {@code inspect} goal estimate
   * them, op by op: the report and inspect give the same number.
   *
   * @param model the model
   * @return the MAC count
   */
  public static long macs(Model model) {
    SubGraph primary = model.subgraphs().get(0);
    long total = 0;
    for (Operator op : primary.operators()) {
      long m = OpRegistry.macs(model, primary, op);
      total = m > Long.MAX_VALUE - total ? Long.MAX_VALUE : total + m;
    }
    return total;
  }

  private static List<TensorSpec> specs(SubGraph g, int[] indices, String kind)
      throws CodegenException {
    List<TensorSpec> specs = new ArrayList<>();
    for (int i : indices) {
      Tensor t = g.tensor(i);
      for (int d : t.shape()) {
        if (d < 0) {
          throw new CodegenException(
              "Model "
                  + kind
                  + " '"
                  + t.name()
                  + "' has a dynamic shape "
                  + java.util.Arrays.toString(t.shape())
                  + "; firmware needs fixed shapes. Convert the model with a fixed batch size"
                  + " of 1.");
        }
      }
      QuantizationParameters q = t.quantization();
      boolean quantized = q != null && q.hasScale();
      specs.add(
          new TensorSpec(
              t.name() == null ? "" : t.name(),
              t.type().name(),
              t.type().code(),
              t.shape(),
              quantized ? q.scale()[0] : 0f,
              quantized && q.zeroPoint().length > 0 ? q.zeroPoint()[0] : 0));
    }
    return specs;
  }
}
