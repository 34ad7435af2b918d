package dev.tinyml.tflite;

import dev.tinyml.tflite.FlatReader.Where;

/**
 * Turns the raw tables of a model into the object model. Each decoder takes the fields it models
 * out of a copy of the raw table; whatever is left becomes the object's unknown fields, so it is
 * written back unchanged.
 */
final class ModelDecoder {
  private final FlatReader reader;

  ModelDecoder(FlatReader reader) {
    this.reader = reader;
  }

  Model model(RawTable raw) throws TfliteFormatException {
    RawTable t = raw.copy();
    Where where = Where.ROOT;
    long version = t.scalar(0, 0) & 0xFFFFFFFFL;
    if (version != Model.SCHEMA_VERSION) {
      throw FlatReader.error(raw.offset(), where, "expected schema version 3, found " + version);
    }
    Model m = new Model();
    m.setVersion((int) version);
    int i = 0;
    for (RawTable c : t.tables(1)) {
      m.operatorCodes().add(operatorCode(c, where.field("operator_codes").index(i++)));
    }
    i = 0;
    for (RawTable g : t.tables(2)) {
      m.subgraphs().add(subgraph(g, where.field("subgraphs").index(i++)));
    }
    m.setDescription(t.string(3));
    i = 0;
    for (RawTable b : t.tables(4)) {
      m.buffers().add(buffer(b, where.field("buffers").index(i++)));
    }
    i = 0;
    for (RawTable md : t.tables(6)) {
      RawTable r = md.copy();
      m.metadata()
          .add(
              new Metadata(
                  r.string(0), uint(r, 1, where.field("metadata").index(i++)), rest(r, 0, 1)));
    }
    i = 0;
    for (RawTable s : t.tables(7)) {
      m.signatureDefs().add(signature(s, where.field("signature_defs").index(i++)));
    }
    m.setUnknownFields(rest(t, 0, 1, 2, 3, 4, 6, 7));
    return m;
  }

  private static OperatorCode operatorCode(RawTable raw, Where where) throws TfliteFormatException {
    RawTable t = raw.copy();
    long deprecated = t.scalar(0, 0);
    long code = t.scalar(3, 0);
    long value = Math.max(deprecated, code);
    if (value < 0) {
      throw FlatReader.error(
          raw.offset(), where, "expected a builtin operator code >= 0, found " + value);
    }
    OperatorCode c = new OperatorCode((int) value, t.string(1), (int) t.scalar(2, 1));
    c.setUnknownFields(rest(t, 0, 1, 2, 3));
    return c;
  }

  private SubGraph subgraph(RawTable raw, Where where) throws TfliteFormatException {
    RawTable t = raw.copy();
    SubGraph g = new SubGraph();
    int i = 0;
    for (RawTable tensor : t.tables(0)) {
      g.tensors().add(tensor(tensor, where.field("tensors").index(i++)));
    }
    g.setInputs(ints(t, 1));
    g.setOutputs(ints(t, 2));
    i = 0;
    for (RawTable op : t.tables(3)) {
      g.operators().add(operator(op, where.field("operators").index(i++)));
    }
    g.setName(t.string(4));
    g.setUnknownFields(rest(t, 0, 1, 2, 3, 4));
    return g;
  }

  private static Tensor tensor(RawTable raw, Where where) throws TfliteFormatException {
    RawTable t = raw.copy();
    Tensor tensor = new Tensor();
    tensor.setShape(ints(t, 0));
    long typeCode = t.scalar(1, 0);
    TensorType type = TensorType.fromCode((int) typeCode);
    if (type == null) {
      throw FlatReader.error(
          raw.offset(), where, "expected a tensor type code 0..18, found " + typeCode);
    }
    tensor.setType(type);
    tensor.setBuffer(uint(t, 2, where));
    tensor.setName(t.string(3));
    RawTable q = t.table(4);
    if (q != null) {
      tensor.setQuantization(quantization(q));
    }
    tensor.setVariable(t.scalar(5, 0) != 0);
    tensor.setSparsity(t.table(6));
    tensor.setShapeSignature(t.ints(7));
    tensor.setUnknownFields(rest(t, 0, 1, 2, 3, 4, 5, 6, 7));
    return tensor;
  }

  /**
   * The parameters, or {@code null} for an empty table (converters write one for float tensors).
   */
  private static QuantizationParameters quantization(RawTable raw) {
    RawTable t = raw.copy();
    QuantizationParameters q =
        new QuantizationParameters(
            t.floats(0),
            t.floats(1),
            t.floats(2),
            t.longs(3),
            (int) t.scalar(6, 0),
            rest(t, 0, 1, 2, 3, 6));
    return q.isEmpty() ? null : q;
  }

  private Operator operator(RawTable raw, Where where) throws TfliteFormatException {
    RawTable t = raw.copy();
    Operator op = new Operator();
    op.setOpcodeIndex(uint(t, 0, where));
    op.setInputs(ints(t, 1));
    op.setOutputs(ints(t, 2));
    int type = (int) (t.scalar(3, 0) & 0xFF);
    RawTable options = t.table(4);
    if (type != 0 && options != null) {
      BuiltinOptions typed = OptionsCodec.decode(type, options);
      op.setOptions(
          typed != null ? typed : new UnknownOptions(type, FlatEmitter.standalone(options)));
    }
    op.setCustomOptions(t.bytes(5));
    int[] intermediates = t.ints(8);
    op.setIntermediates(intermediates == null ? new int[0] : intermediates);
    long largeOffset = t.scalar(9, 0);
    if (largeOffset > 1) {
      // Custom options stored after the FlatBuffer (models over 2 GB); written back inline.
      op.setCustomOptions(
          reader.external(largeOffset, t.scalar(10, 0), where.field("large_custom_options")));
    }
    op.setUnknownFields(rest(t, 0, 1, 2, 3, 4, 5, 8, 9, 10));
    return op;
  }

  private Buffer buffer(RawTable raw, Where where) throws TfliteFormatException {
    RawTable t = raw.copy();
    Buffer b = new Buffer(t.bytes(0));
    long offset = t.scalar(1, 0);
    if (offset > 1) {
      // Data stored after the FlatBuffer (models over 2 GB); written back inline.
      b.setData(reader.external(offset, t.scalar(2, 0), where));
    }
    b.setUnknownFields(rest(t, 0, 1, 2));
    return b;
  }

  private static SignatureDef signature(RawTable raw, Where where) throws TfliteFormatException {
    RawTable t = raw.copy();
    SignatureDef s = new SignatureDef(t.string(2), uint(t, 4, where));
    for (RawTable m : t.tables(0)) {
      s.inputs().put(m.string(0), uint(m, 1, where.field("inputs")));
    }
    for (RawTable m : t.tables(1)) {
      s.outputs().put(m.string(0), uint(m, 1, where.field("outputs")));
    }
    s.setUnknownFields(rest(t, 0, 1, 2, 4));
    return s;
  }

  private static int[] ints(RawTable t, int slot) {
    int[] v = t.ints(slot);
    return v == null ? new int[0] : v;
  }

  /** An unsigned 32-bit field that the object model holds as an {@code int} index. */
  private static int uint(RawTable t, int slot, Where where) throws TfliteFormatException {
    long v = t.scalar(slot, 0) & 0xFFFFFFFFL;
    if (v > Integer.MAX_VALUE) {
      throw FlatReader.error(t.offset(), where, "expected an index below 2^31, found " + v);
    }
    return (int) v;
  }

  /** Removes the modelled slots; what remains are the unknown fields. */
  private static RawTable rest(RawTable t, int... modelled) {
    for (int slot : modelled) {
      t.remove(slot);
    }
    return t;
  }
}
