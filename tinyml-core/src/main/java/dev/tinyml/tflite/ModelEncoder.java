package dev.tinyml.tflite;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Validates a model and turns it into raw tables for {@link FlatEmitter}. Validation checks every
 * reference (buffer, opcode, tensor and subgraph indices) and reports the first problem naming the
 * element, e.g. {@code subgraphs[0].operators[3] (CONV_2D): input 7 is not a tensor index (the
 * subgraph has 5 tensors)}.
 */
final class ModelEncoder {
  private final Model model;

  ModelEncoder(Model model) {
    this.model = model;
  }

  static void validate(Model model) throws TfliteFormatException {
    List<Buffer> buffers = model.buffers();
    if (buffers.isEmpty() || buffers.get(0) == null || buffers.get(0).data().length != 0) {
      throw new TfliteFormatException(
          "buffers[0] must be the empty sentinel buffer that tensors without data point to:"
              + " start the buffer list with new Buffer() (Model.empty() does)");
    }
    for (int i = 0; i < buffers.size(); i++) {
      if (buffers.get(i) == null) {
        throw new TfliteFormatException("buffers[" + i + "] is null");
      }
    }
    List<OperatorCode> codes = model.operatorCodes();
    for (int i = 0; i < codes.size(); i++) {
      OperatorCode c = codes.get(i);
      if (c == null) {
        throw new TfliteFormatException("operator_codes[" + i + "] is null");
      }
      if (c.builtinCodeValue() < 0) {
        throw new TfliteFormatException(
            "operator_codes[" + i + "]: builtin code " + c.builtinCodeValue() + " is negative");
      }
      if (c.builtinCode() == BuiltinOperator.CUSTOM && c.customCode() == null) {
        throw new TfliteFormatException(
            "operator_codes[" + i + "] is CUSTOM but has no custom code (the operator's name)");
      }
    }
    if (model.subgraphs().isEmpty()) {
      throw new TfliteFormatException("The model has no subgraph; add at least the main one");
    }
    for (int g = 0; g < model.subgraphs().size(); g++) {
      validate(model, g);
    }
    for (int i = 0; i < model.metadata().size(); i++) {
      Metadata md = model.metadata().get(i);
      if (md == null || md.buffer() < 0 || md.buffer() >= buffers.size()) {
        throw new TfliteFormatException(
            "metadata["
                + i
                + "]: buffer "
                + (md == null ? "(null entry)" : md.buffer())
                + " is not a buffer index (the model has "
                + buffers.size()
                + " buffers)");
      }
    }
    for (int i = 0; i < model.signatureDefs().size(); i++) {
      SignatureDef s = model.signatureDefs().get(i);
      String where = "signature_defs[" + i + "]";
      if (s == null) {
        throw new TfliteFormatException(where + " is null");
      }
      if (s.subgraphIndex() < 0 || s.subgraphIndex() >= model.subgraphs().size()) {
        throw new TfliteFormatException(
            where
                + ": subgraph "
                + s.subgraphIndex()
                + " does not exist (the model has "
                + model.subgraphs().size()
                + ")");
      }
      int n = model.subgraphs().get(s.subgraphIndex()).tensors().size();
      checkMap(where + ".inputs", s.inputs(), n);
      checkMap(where + ".outputs", s.outputs(), n);
    }
    long total = 0;
    for (Buffer b : buffers) {
      total += b.data().length + 16;
    }
    if (total > Integer.MAX_VALUE - (1 << 24)) {
      throw new TfliteFormatException(
          "The model's buffers hold "
              + total
              + " bytes: models of 2 GB or more do not fit in one"
              + " FlatBuffer and are not supported");
    }
  }

  private static void checkMap(String where, Map<String, Integer> map, int tensors)
      throws TfliteFormatException {
    for (Map.Entry<String, Integer> e : map.entrySet()) {
      Integer idx = e.getValue();
      if (idx == null || idx < 0 || idx >= tensors) {
        throw new TfliteFormatException(
            where
                + " '"
                + e.getKey()
                + "': "
                + idx
                + " is not a tensor index (the subgraph has "
                + tensors
                + " tensors)");
      }
    }
  }

  private static void validate(Model model, int g) throws TfliteFormatException {
    SubGraph sg = model.subgraphs().get(g);
    String where = "subgraphs[" + g + "]";
    if (sg == null) {
      throw new TfliteFormatException(where + " is null");
    }
    int n = sg.tensors().size();
    for (int i = 0; i < n; i++) {
      Tensor t = sg.tensors().get(i);
      String tw = where + ".tensors[" + i + "]";
      if (t == null) {
        throw new TfliteFormatException(tw + " is null");
      }
      tw += t.name() == null ? "" : " '" + t.name() + "'";
      if (t.buffer() < 0 || t.buffer() >= model.buffers().size()) {
        throw new TfliteFormatException(
            tw
                + ": buffer "
                + t.buffer()
                + " is not a buffer index (the model has "
                + model.buffers().size()
                + " buffers)");
      }
      int bytes = model.buffers().get(t.buffer()).data().length;
      long expected = t.byteSize();
      if (bytes > 0
          && t.sparsity() == null
          && t.type().byteSize() > 0
          && expected >= 0
          && bytes != expected) {
        throw new TfliteFormatException(
            tw
                + ": its buffer "
                + t.buffer()
                + " holds "
                + bytes
                + " bytes but "
                + t.type()
                + java.util.Arrays.toString(t.shape())
                + " needs "
                + expected);
      }
    }
    checkIndices(where + ".inputs", sg.inputs(), n, false);
    checkIndices(where + ".outputs", sg.outputs(), n, false);
    for (int i = 0; i < sg.operators().size(); i++) {
      Operator op = sg.operators().get(i);
      String ow = where + ".operators[" + i + "]";
      if (op == null) {
        throw new TfliteFormatException(ow + " is null");
      }
      if (op.opcodeIndex() < 0 || op.opcodeIndex() >= model.operatorCodes().size()) {
        throw new TfliteFormatException(
            ow
                + ": opcode index "
                + op.opcodeIndex()
                + " is not an operator code index (the model"
                + " has "
                + model.operatorCodes().size()
                + ")");
      }
      ow += " (" + model.operatorCodes().get(op.opcodeIndex()).displayName() + ")";
      checkIndices(ow + " input", op.inputs(), n, true);
      checkIndices(ow + " output", op.outputs(), n, true);
      checkIndices(ow + " intermediate", op.intermediates(), n, false);
      if (op.options() instanceof UnknownOptions u
          && (u.optionsType() < 1 || u.optionsType() > 255)) {
        throw new TfliteFormatException(
            ow + ": options type " + u.optionsType() + " is outside the union's range 1..255");
      }
    }
  }

  private static void checkIndices(String what, int[] indices, int tensors, boolean optional)
      throws TfliteFormatException {
    for (int idx : indices) {
      if (idx >= tensors || idx < (optional ? -1 : 0)) {
        throw new TfliteFormatException(
            what
                + " "
                + idx
                + " is not a tensor index (the subgraph has "
                + tensors
                + " tensors"
                + (optional ? "; -1 marks an absent optional tensor)" : ")"));
      }
    }
  }

  RawTable encode() throws TfliteFormatException {
    RawTable t = new RawTable();
    t.putScalar(0, model.version(), 4);
    t.putTables(1, each(model.operatorCodes(), (c, i) -> operatorCode(c)));
    t.putTables(2, each(model.subgraphs(), ModelEncoder::subgraph));
    t.putString(3, model.description());
    // Tensor data is aligned to 16 bytes so TFLM can use weights in place; other buffers
    // (metadata) need only the 4 bytes their int32 readers expect, which keeps small files small.
    BitSet tensorData = new BitSet();
    for (SubGraph sg : model.subgraphs()) {
      for (Tensor tensor : sg.tensors()) {
        tensorData.set(tensor.buffer());
      }
    }
    t.putTables(4, each(model.buffers(), (b, i) -> buffer(b, tensorData.get(i) ? 16 : 4)));
    if (!model.metadata().isEmpty()) {
      t.putTables(6, each(model.metadata(), (m, i) -> metadata(m)));
    }
    if (!model.signatureDefs().isEmpty()) {
      t.putTables(7, each(model.signatureDefs(), (s, i) -> signature(s)));
    }
    return t.putAllAbsent(model.unknownFields());
  }

  /** Encodes one element of a list, given its index. */
  private interface ElementEncoder<T> {
    RawTable encode(T element, int index) throws TfliteFormatException;
  }

  private static <T> List<RawTable> each(List<T> elements, ElementEncoder<T> encoder)
      throws TfliteFormatException {
    List<RawTable> out = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      out.add(encoder.encode(elements.get(i), i));
    }
    return out;
  }

  private static RawTable buffer(Buffer b, int alignment) {
    return new RawTable()
        .putBytes(0, b.data().length == 0 ? null : b.data(), alignment)
        .putAllAbsent(b.unknownFields());
  }

  private static RawTable metadata(Metadata m) {
    return new RawTable()
        .putString(0, m.name())
        .putScalarIfNot(1, m.buffer(), 4, 0)
        .putAllAbsent(m.unknownFields());
  }

  private static RawTable signature(SignatureDef s) {
    return new RawTable()
        .putTables(0, tensorMaps(s.inputs()))
        .putTables(1, tensorMaps(s.outputs()))
        .putString(2, s.signatureKey())
        .putScalarIfNot(4, s.subgraphIndex(), 4, 0)
        .putAllAbsent(s.unknownFields());
  }

  private static List<RawTable> tensorMaps(Map<String, Integer> map) {
    List<RawTable> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : map.entrySet()) {
      out.add(new RawTable().putString(0, e.getKey()).putScalarIfNot(1, e.getValue(), 4, 0));
    }
    return out;
  }

  private static RawTable operatorCode(OperatorCode c) {
    int code = c.builtinCodeValue();
    return new RawTable()
        .putScalarIfNot(
            0, Math.min(code, BuiltinOperator.PLACEHOLDER_FOR_GREATER_OP_CODES.code()), 1, 0)
        .putString(1, c.customCode())
        .putScalarIfNot(2, c.version(), 4, 1)
        .putScalarIfNot(3, code, 4, 0)
        .putAllAbsent(c.unknownFields());
  }

  private static RawTable subgraph(SubGraph sg, int index) throws TfliteFormatException {
    List<RawTable> tensors = each(sg.tensors(), (t, i) -> tensor(t));
    List<RawTable> ops =
        each(
            sg.operators(),
            (op, i) -> operator(op, "subgraphs[" + index + "].operators[" + i + "]"));
    return new RawTable()
        .putTables(0, tensors)
        .putInts(1, sg.inputs())
        .putInts(2, sg.outputs())
        .putTables(3, ops)
        .putString(4, sg.name())
        .putAllAbsent(sg.unknownFields());
  }

  private static RawTable tensor(Tensor t) {
    RawTable r =
        new RawTable()
            .putInts(0, t.shape())
            .putScalarIfNot(1, t.type().code(), 1, 0)
            .putScalarIfNot(2, t.buffer(), 4, 0)
            .putString(3, t.name());
    QuantizationParameters q = t.quantization();
    if (q != null && !q.isEmpty()) {
      r.putTable(
          4,
          new RawTable()
              .putFloats(0, nonEmpty(q.min()))
              .putFloats(1, nonEmpty(q.max()))
              .putFloats(2, nonEmpty(q.scale()))
              .putLongs(3, q.zeroPoint().length == 0 ? null : q.zeroPoint())
              .putScalarIfNot(6, q.quantizedDimension(), 4, 0)
              .putAllAbsent(q.unknownFields()));
    }
    return r.putScalarIfNot(5, t.isVariable() ? 1 : 0, 1, 0)
        .putTable(6, t.sparsity())
        .putInts(7, t.shapeSignature())
        .putAllAbsent(t.unknownFields());
  }

  private static float[] nonEmpty(float[] v) {
    return v.length == 0 ? null : v;
  }

  private static RawTable operator(Operator op, String where) throws TfliteFormatException {
    RawTable r =
        new RawTable()
            .putScalarIfNot(0, op.opcodeIndex(), 4, 0)
            .putInts(1, op.inputs())
            .putInts(2, op.outputs());
    BuiltinOptions options = op.options();
    if (options != null) {
      r.putScalar(3, options.optionsType(), 1);
      r.putTable(4, options(options, where));
    }
    r.putBytes(5, op.customOptions(), 1);
    if (op.intermediates().length > 0) {
      r.putInts(8, op.intermediates());
    }
    return r.putAllAbsent(op.unknownFields());
  }

  private static RawTable options(BuiltinOptions options, String where)
      throws TfliteFormatException {
    if (options instanceof UnknownOptions u) {
      Schema.Table desc = Schema.unionMember("BuiltinOptions", u.optionsType());
      try {
        return FlatEmitter.parseStandalone(u.table(), desc == null ? Schema.UNKNOWN : desc);
      } catch (TfliteFormatException e) {
        throw new TfliteFormatException(
            where + ": the UnknownOptions table is not a valid FlatBuffer: " + e.getMessage(), e);
      }
    }
    return OptionsCodec.encode(options);
  }
}
