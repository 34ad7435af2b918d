package dev.tinyml.interp;

import dev.tinyml.ops.Op;
import dev.tinyml.ops.OpContext;
import dev.tinyml.ops.OpException;
import dev.tinyml.ops.OpRegistry;
import dev.tinyml.ops.OpState;
import dev.tinyml.ops.PreparedOp;
import dev.tinyml.ops.Scratch;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TFLite model validated and prepared for the reference interpreter: every op's shapes,
 * quantization multipliers and scratch sizes are computed once, and constant tensors are decoded
 * once. A prepared model is immutable and may be shared between threads; each thread runs it
 * through its own {@link #newInterpreter() Interpreter}.
 *
 * <pre>{@code
 * PreparedModel prepared = PreparedModel.prepare(TfliteReader.read(path));
 * Interpreter it = prepared.newInterpreter();
 * it.input(0).setInt8(features);
 * it.invoke();
 * byte[] scores = it.output(0).int8();
 * }</pre>
 */
public final class PreparedModel {

  private final List<TensorInfo> inputs;
  private final List<TensorInfo> outputs;
  private final Tensor[] tensors;
  private final Object[] constants;
  private final boolean[] variable;
  private final Object[] variableInitial;
  private final PreparedOp<?>[] ops;
  private final String[] opNames;
  private final int scratchInts;
  private final int scratchFloats;

  private PreparedModel(
      List<TensorInfo> inputs,
      List<TensorInfo> outputs,
      Tensor[] tensors,
      Object[] constants,
      boolean[] variable,
      Object[] variableInitial,
      PreparedOp<?>[] ops,
      String[] opNames,
      int scratchInts,
      int scratchFloats) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.tensors = tensors;
    this.constants = constants;
    this.variable = variable;
    this.variableInitial = variableInitial;
    this.ops = ops;
    this.opNames = opNames;
    this.scratchInts = scratchInts;
    this.scratchFloats = scratchFloats;
  }

  /**
   * Validates and prepares the model's primary subgraph.
   *
   * @throws InterpreterException naming the op index, op name and tensors when an op, op version,
   *     type combination or shape is not supported
   */
  public static PreparedModel prepare(Model model) {
    if (model.subgraphs().isEmpty()) {
      throw new InterpreterException("the model has no subgraph; re-convert it");
    }
    SubGraph graph = model.primarySubgraph();
    int n = graph.tensors().size();
    Tensor[] tensors = graph.tensors().toArray(new Tensor[0]);
    Object[] constants = new Object[n];
    boolean[] variable = new boolean[n];
    Object[] variableInitial = new Object[n];
    for (int i = 0; i < n; i++) {
      Tensor t = tensors[i];
      byte[] data =
          t.buffer() > 0 && t.buffer() < model.buffers().size() ? model.dataOf(t) : new byte[0];
      if (t.isVariable()) {
        // TFLM ignores a variable's stored data: it resets int8 state to the zero point, others to
        // 0.
        variable[i] = true;
        if (t.type() == TensorType.INT8) {
          QuantizationParameters q = t.quantization();
          byte zp = q != null && q.zeroPoint().length > 0 ? (byte) q.zeroPoint()[0] : 0;
          variableInitial[i] = zp;
        }
      } else if (data.length > 0) {
        constants[i] = decode(t, data, "constant tensor #" + i);
      }
    }
    List<PreparedOp<?>> prepared = new ArrayList<>();
    List<String> opNames = new ArrayList<>();
    int ints = 0;
    int floats = 0;
    List<Operator> ops = graph.operators();
    for (int k = 0; k < ops.size(); k++) {
      Operator op = ops.get(k);
      if (op.opcodeIndex() < 0 || op.opcodeIndex() >= model.operatorCodes().size()) {
        throw new InterpreterException(
            "op #"
                + k
                + ": operator code index "
                + op.opcodeIndex()
                + " is outside the model's "
                + model.operatorCodes().size()
                + " operator codes; the model file is corrupt");
      }
      OperatorCode code = model.operatorCodes().get(op.opcodeIndex());
      String name = code.displayName();
      OpContext ctx = new OpContext(model, graph, constants, k, op, name);
      PreparedOp<?> p;
      try {
        p = prepareOp(ctx, code, tensors, constants);
      } catch (OpException e) {
        throw new InterpreterException(e.getMessage(), e.getCause());
      }
      prepared.add(p);
      opNames.add(name);
      ints = Math.max(ints, p.plan().scratchInts());
      floats = Math.max(floats, p.plan().scratchFloats());
    }
    return new PreparedModel(
        infos(graph, tensors, graph.inputs(), "input"),
        infos(graph, tensors, graph.outputs(), "output"),
        tensors,
        constants,
        variable,
        variableInitial,
        prepared.toArray(new PreparedOp<?>[0]),
        opNames.toArray(new String[0]),
        ints,
        floats);
  }

  /** Looks operator {@code ctx} up in the registry, checks its version and tensors, prepares it. */
  private static PreparedOp<?> prepareOp(
      OpContext ctx, OperatorCode code, Tensor[] tensors, Object[] constants) {
    Op<?> impl = OpRegistry.lookup(code).orElse(null);
    if (impl == null) {
      throw ctx.fail(
          "unsupported op"
              + (code.builtinCode() == BuiltinOperator.CUSTOM ? " (custom op)" : "")
              + ": the reference interpreter implements "
              + OpRegistry.builtins()
              + " and the custom ops "
              + OpRegistry.customNames()
              + "; run this model on TFLite Micro or replace the op");
    }
    if (code.version() > impl.maxVersion()) {
      throw ctx.fail(
          "op version "
              + code.version()
              + " is newer than the interpreter supports (up to "
              + impl.maxVersion()
              + "); convert the model with an older converter or file an issue");
    }
    Operator op = ctx.operator();
    for (int t : op.inputs()) {
      checkStorable(ctx, tensors, t);
    }
    for (int t : op.outputs()) {
      if (t < 0) {
        throw ctx.fail("output tensor index " + t + " is negative; the model file is corrupt");
      }
      checkStorable(ctx, tensors, t);
      if (constants[t] != null) {
        throw ctx.fail("output " + OpContext.describe(tensors[t]) + " is a constant tensor");
      }
    }
    try {
      return PreparedOp.prepare(impl, ctx);
    } catch (IndexOutOfBoundsException | ClassCastException | ArithmeticException e) {
      // The ops check what their kernels rely on; a model that slips past still fails named.
      throw ctx.fail(
          "cannot be prepared ("
              + e
              + "): its tensors' shapes or types do not fit the op; check or re-convert the model",
          e);
    }
  }

  private static void checkStorable(OpContext ctx, Tensor[] tensors, int t) {
    if (t < 0) {
      return; // an optional input left out
    }
    if (t >= tensors.length) {
      throw ctx.fail(
          "tensor index "
              + t
              + " is outside the subgraph's "
              + tensors.length
              + " tensors; the model file is corrupt");
    }
    Tensor tensor = tensors[t];
    if (!TensorArrays.storable(tensor.type())) {
      throw ctx.fail(
          "tensor "
              + OpContext.describe(tensor)
              + " has type "
              + tensor.type()
              + ", which the interpreter does not store");
    }
    if (tensor.elementCount() < 0) {
      throw ctx.fail(
          "tensor "
              + OpContext.describe(tensor)
              + " has a dynamic shape; the interpreter needs static shapes");
    }
  }

  private static Object decode(Tensor t, byte[] data, String what) {
    if (!TensorArrays.storable(t.type())) {
      return null; // never read by a supported op; checked when an op uses it
    }
    int count = t.elementCount();
    long need = (long) count * t.type().byteSize();
    if (count < 0 || data.length < need) {
      throw new InterpreterException(
          what
              + " "
              + OpContext.describe(t)
              + " has "
              + data.length
              + " bytes of data, needs "
              + need);
    }
    return TensorArrays.decode(t.type(), data, count);
  }

  private static List<TensorInfo> infos(
      SubGraph graph, Tensor[] tensors, int[] indices, String role) {
    List<TensorInfo> list = new ArrayList<>();
    for (int i : indices) {
      if (i < 0 || i >= tensors.length) {
        throw new InterpreterException(
            "model "
                + role
                + " tensor index "
                + i
                + " is outside the subgraph's "
                + tensors.length
                + " tensors; the model file is corrupt");
      }
      Tensor t = tensors[i];
      if (!TensorArrays.storable(t.type()) || t.elementCount() < 0) {
        throw new InterpreterException(
            "model "
                + role
                + " "
                + OpContext.describe(t)
                + " has an unsupported type or dynamic shape");
      }
      QuantizationParameters q = t.quantization();
      float scale = q != null && q.hasScale() ? q.scale()[0] : 0f;
      int zp = q != null && q.zeroPoint().length > 0 ? (int) q.zeroPoint()[0] : 0;
      list.add(new TensorInfo(i, t.name() == null ? "" : t.name(), t.type(), t.shape(), scale, zp));
    }
    return List.copyOf(list);
  }

  /** The model's inputs, in subgraph order. */
  public List<TensorInfo> inputs() {
    return inputs;
  }

  /** The model's outputs, in subgraph order. */
  public List<TensorInfo> outputs() {
    return outputs;
  }

  /** Number of prepared ops. */
  public int operatorCount() {
    return ops.length;
  }

  /**
   * Every operator of the primary subgraph in order, with its op class and the plan record its
   * prepare computed (multipliers, shifts, offsets, clamps, paddings, scratch sizes). For backends
   * that generate code computing exactly what the interpreter computes; the plans are shared and
   * must not be modified.
   */
  public List<PreparedOp<?>> plans() {
    return List.of(ops);
  }

  /** A new interpreter with its own tensor arrays; not thread-safe, one per thread. */
  public Interpreter newInterpreter() {
    Object[] arrays = new Object[tensors.length];
    for (int i = 0; i < tensors.length; i++) {
      if (constants[i] != null) {
        arrays[i] = constants[i];
      } else if (TensorArrays.storable(tensors[i].type()) && tensors[i].elementCount() >= 0) {
        arrays[i] = TensorArrays.allocate(tensors[i].type(), tensors[i].elementCount());
      }
    }
    return new Interpreter(this, arrays);
  }

  PreparedOp<?>[] ops() {
    return ops;
  }

  /** How errors name op {@code k}, as {@link OpContext#fail} does at prepare time. */
  String describeOp(int k) {
    return "op #" + k + " " + opNames[k];
  }

  Scratch newScratch() {
    OpState[] states = new OpState[ops.length];
    for (int k = 0; k < states.length; k++) {
      states[k] = ops[k].plan().newState();
    }
    return new Scratch(scratchInts, scratchFloats, states);
  }

  /**
   * Resets variable tensors as TFLM's {@code ResetVariableTensors} does: int8 ones to their zero
   * point, all others to zero.
   */
  void resetVariables(Object[] arrays) {
    for (int i = 0; i < variable.length; i++) {
      if (variable[i] && arrays[i] != null) {
        clear(arrays[i]);
        if (variableInitial[i] instanceof Byte zp && arrays[i] instanceof byte[] b) {
          Arrays.fill(b, zp);
        }
      }
    }
  }

  private static void clear(Object a) {
    if (a instanceof float[] f) {
      Arrays.fill(f, 0f);
    } else if (a instanceof byte[] b) {
      Arrays.fill(b, (byte) 0);
    } else if (a instanceof short[] s) {
      Arrays.fill(s, (short) 0);
    } else if (a instanceof int[] v) {
      Arrays.fill(v, 0);
    } else if (a instanceof long[] l) {
      Arrays.fill(l, 0L);
    }
  }
}
