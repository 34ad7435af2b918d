package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.plan.ArenaPlan;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Collects what the operators' emitters produce (kernels used, constant arrays, parameter structs,
 * kernel calls) and renders the {@code .c} file. Activation tensors are addresses in the one static
 * arena at the offsets of the memory plan; constant tensors become {@code static const} arrays,
 * each written once however many operators read it.
 */
public final class CModuleWriter {
  private static final String RESOURCES = "/dev/tinyml/codegen/c/";

  /** The header each family of kernels shares, by kernel file name. */
  private static String dependency(String file) {
    if (file.matches(
        "(conv|depthwise_conv|average_pool|max_pool)_(s8|f32)\\.c|transpose_conv\\.h")) {
      return "window.h";
    }
    if (file.matches("transpose_conv_(s8|f32)\\.c")) {
      return "transpose_conv.h";
    }
    if (file.matches("batch_matmul_(s8|f32)\\.c")) {
      return "batch_matmul.h";
    }
    if (file.matches("(add|mul|mean|binary|minmax)_(s8|s32|f32)\\.c|compare\\.c")
        || file.matches("(reduce|sum|squared_difference|prelu)_\\w+\\.c")) {
      return "broadcast.h";
    }
    if (file.matches("abs_rsqrt\\.c|l2_norm_s8\\.c")) {
      return "inv_sqrt.h";
    }
    if (file.matches("resize_bilinear_(s8|f32)\\.c")) {
      return "resize.h";
    }
    if (file.startsWith("signal_") && file.endsWith(".c")) {
      return "signal_math.h";
    }
    return null;
  }

  private final Model model;
  private final ArenaPlan plan;
  private final Set<String> kernels = new LinkedHashSet<>();
  private final StringBuilder constants = new StringBuilder();
  private final StringBuilder calls = new StringBuilder();
  private final Map<Integer, String> constantNames = new HashMap<>();
  private final Map<Integer, String> stateNames = new HashMap<>();
  private final StringBuilder states = new StringBuilder();
  private final StringBuilder reset = new StringBuilder();
  private final Set<String> sharedArrays = new HashSet<>();
  private long stateBytes;
  private long constantBytes;
  private boolean needsMath;
  private boolean checkedCalls;

  CModuleWriter(Model model, ArenaPlan plan) {
    this.model = model;
    this.plan = plan;
    kernels.add("fixedpoint.h");
  }

  /** The model being written. */
  public Model model() {
    return model;
  }

  /** Marks a kernel source file (and the headers it needs, in order) as used. */
  public void useKernel(String file) {
    String dep = dependency(file);
    if (dep != null) {
      useKernel(dep);
    }
    kernels.add(file);
    if (file.equals("softmax_f32.c")
        || file.equals("logistic_f32.c")
        || file.equals("tanh_f32.c")
        || file.equals("unary_f32.c")
        || file.equals("l2_norm_f32.c")) {
      needsMath = true;
    }
  }

  /** Whether a kernel needs {@code <math.h>} (and libm). */
  boolean needsMath() {
    return needsMath;
  }

  /** Bytes of constant data written so far (weights, multipliers, parameters). */
  long constantBytes() {
    return constantBytes;
  }

  /** The kernel files used, in the order they are inlined. */
  List<String> kernels() {
    return new ArrayList<>(kernels);
  }

  /** The C element type of a tensor type. */
  public static String cType(TensorType type) throws CodegenException {
    return switch (type) {
      case INT8 -> "int8_t";
      case UINT8, BOOL -> "uint8_t";
      case UINT32 -> "uint32_t";
      case UINT64 -> "uint64_t";
      case INT16 -> "int16_t";
      case INT32 -> "int32_t";
      case INT64 -> "int64_t";
      case FLOAT32 -> "float";
      default ->
          throw new CodegenException(
              "tensor type " + type + " has no C type in the c backend; use backend=tflm");
    };
  }

  /** Bytes per element of a tensor type the backend stores. */
  public static int elementBytes(TensorType type) throws CodegenException {
    return switch (type) {
      case INT8, UINT8, BOOL -> 1;
      case INT16 -> 2;
      case INT32, UINT32, FLOAT32 -> 4;
      case INT64, UINT64 -> 8;
      default ->
          throw new CodegenException(
              "tensor type " + type + " has no C type in the c backend; use backend=tflm");
    };
  }

  private Tensor tensor(int index) {
    return model.primarySubgraph().tensors().get(index);
  }

  /**
   * A C expression for tensor {@code index}'s data: its constant array, or its typed address in the
   * arena. {@code -1} (an absent optional input) gives {@code 0}, a null pointer.
   */
  public String tensor(int index, COp op) throws CodegenException {
    if (index < 0) {
      return "0";
    }
    Tensor t = tensor(index);
    byte[] data = model.dataOf(t);
    if (t.isVariable()) {
      return stateArray(index, t);
    }
    if (data != null && data.length > 0) {
      return constantArray(index, t, data);
    }
    int offset = plan.tensorOffset(0, index);
    if (offset < 0) {
      throw op.unsupported("tensor " + COp.describe(t) + ", which the memory plan did not place");
    }
    return "((" + cType(t.type()) + " *)(TML_ARENA + " + offset + "))";
  }

  /** The C expressions of tensors {@code indices} ({@link #tensor}), comma-separated. */
  public String tensors(COp op, int... indices) throws CodegenException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < indices.length; i++) {
      b.append(i > 0 ? ", " : "").append(tensor(indices[i], op));
    }
    return b.toString();
  }

  /** The arena offset of a non-constant tensor, -1 when it is not in the arena. */
  public int arenaOffset(int index) {
    return plan.tensorOffset(0, index);
  }

  /**
   * A variable (operator state) tensor: a static array outside the arena, kept across invokes and
   * set by the reset function to what TFLM starts from (int8 state at its zero point, other types
   * 0).
   */
  private String stateArray(int index, Tensor t) throws CodegenException {
    String existing = stateNames.get(index);
    if (existing != null) {
      return existing;
    }
    String name = "tml_state" + index;
    String type = cType(t.type());
    states
        .append("/* state ")
        .append(CNames.comment(COp.describe(t)))
        .append(" */\nstatic ")
        .append(type)
        .append(' ')
        .append(name)
        .append('[')
        .append(t.elementCount())
        .append("];\n");
    int zeroPoint = t.type() == TensorType.INT8 ? COp.zeroPoint(t) : 0;
    reset
        .append("  for (i = 0; i < ")
        .append(t.elementCount())
        .append("; i++) ")
        .append(name)
        .append("[i] = (")
        .append(type)
        .append(")")
        .append(zeroPoint)
        .append(";\n");
    stateBytes += (long) t.elementCount() * elementBytes(t.type());
    stateNames.put(index, name);
    return name;
  }

  /**
   * A static array that belongs to operator {@code op} rather than to a tensor, outside the arena:
   * state kept across invokes (set to 0 by the reset function) or scratch the kernel overwrites on
   * every invoke. Its bytes count as state RAM.
   *
   * @param op the operator owning the array
   * @param what the array's role, part of its name
   * @param type the C element type
   * @param count the element count
   * @param bytes bytes per element
   * @param zeroOnReset whether the reset function zeroes it (state) or not (scratch)
   * @return the array's name
   */
  public String opArray(
      COp op, String what, String type, int count, int bytes, boolean zeroOnReset) {
    String name = opName(op, what);
    states
        .append("/* op #")
        .append(op.index())
        .append(' ')
        .append(zeroOnReset ? "state" : "scratch")
        .append(" */\nstatic ")
        .append(type)
        .append(' ')
        .append(name)
        .append('[')
        .append(count)
        .append("];\n");
    if (zeroOnReset) {
      reset.append("  for (i = 0; i < ").append(count).append("; i++) ");
      reset.append(name).append("[i] = 0;\n");
    }
    stateBytes += (long) count * bytes;
    return name;
  }

  /** Whether some tensor of the model is 64-bit, so the arena must be 8-byte aligned. */
  boolean needsWideArena() {
    for (Tensor t : model.primarySubgraph().tensors()) {
      if (t.type() == TensorType.UINT64) {
        return true;
      }
    }
    return false;
  }

  /** Declarations of the state arrays. */
  String statesSource() {
    return states.toString();
  }

  /** The body of the reset function (uses a loop variable {@code i}). */
  String resetSource() {
    return reset.toString();
  }

  /** Bytes of the state arrays (RAM outside the arena). */
  long stateBytes() {
    return stateBytes;
  }

  private String constantArray(int index, Tensor t, byte[] data) throws CodegenException {
    String existing = constantNames.get(index);
    if (existing != null) {
      return existing;
    }
    String name = "tml_t" + index;
    int n = t.elementCount();
    int size = elementBytes(t.type());
    if ((long) n * size > data.length) {
      throw new CodegenException(
          "constant tensor "
              + COp.describe(t)
              + " holds "
              + data.length
              + " bytes, fewer than its shape needs; the model file is damaged");
    }
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String v =
          switch (t.type()) {
            case INT8 -> Integer.toString(b.get(i));
            case UINT8, BOOL -> Integer.toString(b.get(i) & 0xff);
            case UINT32 -> Integer.toUnsignedString(b.getInt(4 * i)) + "u";
            case UINT64 -> Long.toUnsignedString(b.getLong(8 * i)) + "ull";
            case INT16 -> Short.toString(b.getShort(2 * i));
            case INT32 -> int32(b.getInt(4 * i));
            case INT64 -> int64(b.getLong(8 * i));
            case FLOAT32 -> floatLiteral(b.getFloat(4 * i));
            default -> throw new IllegalStateException("checked by elementBytes");
          };
      separate(values, i);
      values.append(v);
    }
    constants
        .append("/* ")
        .append(CNames.comment(COp.describe(t)))
        .append(" */\nstatic const ")
        .append(cType(t.type()))
        .append(' ')
        .append(name)
        .append('[')
        .append(n)
        .append("] = {")
        .append(values)
        .append("};\n");
    constantBytes += (long) n * size;
    constantNames.put(index, name);
    return name;
  }

  private static void separate(StringBuilder values, int i) {
    if (i > 0) {
      values.append(i % 16 == 0 ? ",\n  " : ", ");
    } else {
      values.append("\n  ");
    }
  }

  /** A C literal of an int32 value ({@code INT32_MIN} has no plain literal). */
  public static String int32(int v) {
    return v == Integer.MIN_VALUE ? "INT32_MIN" : Integer.toString(v);
  }

  /** A C literal of an int64 value ({@code INT64_MIN} has no plain literal). */
  static String int64(long v) {
    return v == Long.MIN_VALUE ? "INT64_MIN" : "INT64_C(" + v + ")";
  }

  /** A float kernel's clamp arguments: the exact literals of {@code min} and {@code max}. */
  public static String floatRange(float min, float max) {
    return floatLiteral(min) + ", " + floatLiteral(max);
  }

  /** An exact C float literal (hexadecimal for finite values). */
  public static String floatLiteral(float f) {
    if (Float.isNaN(f)) {
      return "(0.0f / 0.0f)";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "(1.0f / 0.0f)" : "(-1.0f / 0.0f)";
    }
    if (f == Float.MAX_VALUE) {
      return "3.40282347e+38f";
    }
    if (f == -Float.MAX_VALUE) {
      return "-3.40282347e+38f";
    }
    return Float.toHexString(f) + "f";
  }

  /** An exact C double literal. */
  public static String doubleLiteral(double d) {
    return Double.toHexString(d);
  }

  /**
   * The bias with {@code inputOffset * sum(weights of output o)} folded in, for kernels whose every
   * tap reads an input (1x1 unpadded convolutions, fully connected layers without filter offset):
   * {@code sum(w * (x + off)) + b == sum(w * x) + (b + off * sum(w))} in wrapping int32, so the
   * kernel may drop the offset. Returns the new array's name, or null when the weights (or a
   * present bias) are not constant int8/int32 data.
   *
   * @param perOutput weights per output channel (contiguous)
   */
  public String foldedBias(
      COp op, int bias, int weights, int outputs, int perOutput, int inputOffset) {
    byte[] w = model.dataOf(tensor(weights));
    if (w == null
        || w.length < (long) outputs * perOutput
        || tensor(weights).type() != TensorType.INT8) {
      return null;
    }
    int[] folded = new int[outputs];
    if (bias >= 0) {
      byte[] b = model.dataOf(tensor(bias));
      if (b == null || b.length < 4L * outputs || tensor(bias).type() != TensorType.INT32) {
        return null;
      }
      ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
      for (int o = 0; o < outputs; o++) {
        folded[o] = bb.getInt(4 * o);
      }
    }
    for (int o = 0; o < outputs; o++) {
      int sum = 0;
      for (int k = 0; k < perOutput; k++) {
        sum += w[o * perOutput + k];
      }
      folded[o] += inputOffset * sum;
    }
    return int32Array(opName(op, "bias"), folded);
  }

  /** Writes a {@code static const int32_t} array and returns its name. */
  public String int32Array(String name, int[] values) {
    return intArray("int32_t", 4, name, values);
  }

  /** Writes a {@code static const int8_t} array of shifts (each in [-31, 31]) and returns it. */
  public String shiftArray(String name, int[] values) {
    return intArray("int8_t", 1, name, values);
  }

  /**
   * Writes a {@code static const uint16_t} table shared by every operator that asks for {@code
   * name} (written once) and returns its name.
   */
  public String sharedUint16Array(String name, int[] values) {
    if (sharedArrays.add(name)) {
      intArray("uint16_t", 2, name, values);
    }
    return name;
  }

  /** Writes a {@code static const int8_t} array (each value in [-128, 127]) and returns it. */
  public String int8Array(String name, int[] values) {
    return intArray("int8_t", 1, name, values);
  }

  /** Writes a {@code static const float} array of exact literals and returns its name. */
  public String floatArray(String name, float[] values) {
    return array("float", 4, name, values.length, i -> floatLiteral(values[i]));
  }

  /** Writes a {@code static const int64_t} array of int values and returns its name. */
  public String int64Array(String name, int[] values) {
    return intArray("int64_t", 8, name, values);
  }

  /** Writes a {@code static const} integer array of C type {@code type} and returns its name. */
  String intArray(String type, int bytes, String name, int[] values) {
    return array(type, bytes, name, values.length, i -> int32(values[i]));
  }

  private String array(String type, int bytes, String name, int n, IntFunction<String> literal) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      separate(s, i);
      s.append(literal.apply(i));
    }
    constants
        .append("static const ")
        .append(type)
        .append(' ')
        .append(name)
        .append('[')
        .append(n)
        .append("] = {")
        .append(s)
        .append("};\n");
    constantBytes += (long) bytes * n;
    return name;
  }

  /**
   * Writes a {@code static const} parameter struct of {@code type} with the given initializer
   * values and returns a pointer expression to it.
   *
   * @param bytes the struct's size, counted into the constant bytes
   */
  public String params(String type, String name, String initializer, int bytes) {
    constants
        .append("static const ")
        .append(type)
        .append(' ')
        .append(name)
        .append(" = {")
        .append(initializer)
        .append("};\n");
    constantBytes += bytes;
    return "&" + name;
  }

  /**
   * Writes operator {@code op}'s {@code static const} parameter struct ({@code tml_op<i>_params})
   * and returns a pointer expression to it.
   *
   * @param type the struct's C type
   * @param bytes the struct's size, counted into the constant bytes
   * @param initializer the initializer's values, without braces
   */
  public String params(COp op, String type, int bytes, String initializer) {
    return params(type, opName(op, "params"), initializer, bytes);
  }

  /**
   * Appends the kernel call {@code function(arg, ...);} to the invoke function.
   *
   * @param args the arguments' C text ({@code toString} of each)
   */
  public void call(COp op, String function, Object... args) {
    call(op, invocation(function, args) + ";");
  }

  private static String invocation(String function, Object... args) {
    StringBuilder s = new StringBuilder(function).append('(');
    for (int i = 0; i < args.length; i++) {
      s.append(i > 0 ? ", " : "").append(args[i]);
    }
    return s.append(')').toString();
  }

  /** Comma-separated decimal C literals of {@code values}. */
  public static String ints(int... values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      b.append(i > 0 ? ", " : "").append(int32(values[i]));
    }
    return b.toString();
  }

  /**
   * Appends the call of a kernel that returns non-zero where the interpreter's invoke fails (an
   * input outside the op's domain, an index read at run time outside its tensor): the invoke then
   * stops and returns the operator's index plus one.
   */
  public void checkedCall(COp op, String function, Object... args) {
    call(op, "if (" + invocation(function, args) + " != 0) return " + (op.index() + 1) + ";");
    checkedCalls = true;
  }

  /** Whether an operator's call can make the invoke fail ({@link #checkedCall}). */
  boolean checkedCalls() {
    return checkedCalls;
  }

  /** Appends one statement of the invoke function, with a comment naming the operator. */
  public void call(COp op, String statement) {
    String name = op.code().toString();
    String custom = model.operatorCodeOf(op.operator()).customCode();
    if (op.code() == BuiltinOperator.CUSTOM && custom != null) {
      name += " " + CNames.comment(custom);
    }
    calls.append("  /* op #" + op.index() + " " + name + " */\n  " + statement + "\n");
  }

  /** The kernel sources to inline, concatenated. */
  String kernelSource() throws CodegenException {
    StringBuilder s = new StringBuilder();
    for (String k : kernels) {
      s.append("\n/* ---- kernel ").append(k).append(" ---- */\n").append(resource(k));
    }
    return s.toString();
  }

  String constantsSource() {
    return constants.toString();
  }

  String callsSource() {
    return calls.toString();
  }

  static String resource(String file) throws CodegenException {
    try (InputStream in = CModuleWriter.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null) {
        throw new CodegenException(
            "C kernel resource " + RESOURCES + file + " is missing from tinyml-core's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CodegenException("cannot read C kernel resource " + RESOURCES + file, e);
    }
  }

  /** A lower-case identifier fragment for op {@code index}. */
  static String opName(COp op, String what) {
    return String.format(Locale.ROOT, "tml_op%d_%s", op.index(), what);
  }
}
