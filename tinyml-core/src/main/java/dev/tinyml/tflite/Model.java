package dev.tinyml.tflite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A TFLite model (schema version 3): operator codes, subgraphs (the first is the main one), buffers
 * (buffer 0 is the empty sentinel), metadata and signatures. Mutable; read it with {@code
 * TfliteReader}, write it with {@code TfliteWriter}, which validates every reference first. The
 * deprecated {@code metadata_buffer} is kept in {@link #unknownFields()}.
 */
public final class Model extends ModelElement {
  /** The schema version this library reads and writes. */
  public static final int SCHEMA_VERSION = 3;

  private int version = SCHEMA_VERSION;
  private final List<OperatorCode> operatorCodes = new ArrayList<>();
  private final List<SubGraph> subgraphs = new ArrayList<>();
  private String description;
  private final List<Buffer> buffers = new ArrayList<>();
  private final List<Metadata> metadata = new ArrayList<>();
  private final List<SignatureDef> signatureDefs = new ArrayList<>();

  /** An empty model whose buffer list holds only the empty sentinel buffer. */
  public static Model empty() {
    Model m = new Model();
    m.buffers.add(new Buffer());
    return m;
  }

  /** A model with no buffers at all (not even the sentinel); see {@link #empty()}. */
  public Model() {}

  /** The schema version (3). */
  public int version() {
    return version;
  }

  /** Sets the schema version. */
  public Model setVersion(int version) {
    this.version = version;
    return this;
  }

  /** The operator codes (mutable; operators refer to them by index). */
  public List<OperatorCode> operatorCodes() {
    return operatorCodes;
  }

  /** The subgraphs (mutable); the first is the main one. */
  public List<SubGraph> subgraphs() {
    return subgraphs;
  }

  /** The description (e.g. {@code "TOCO Converted."}), or {@code null}. */
  public String description() {
    return description;
  }

  /** Sets the description. */
  public Model setDescription(String description) {
    this.description = description;
    return this;
  }

  /** The buffers (mutable); buffer 0 is the empty sentinel. */
  public List<Buffer> buffers() {
    return buffers;
  }

  /** The metadata entries (mutable). */
  public List<Metadata> metadata() {
    return metadata;
  }

  /** The signatures (mutable). */
  public List<SignatureDef> signatureDefs() {
    return signatureDefs;
  }

  /** The main subgraph (the first). */
  public SubGraph primarySubgraph() {
    if (subgraphs.isEmpty()) {
      throw new IllegalStateException("The model has no subgraph");
    }
    return subgraphs.get(0);
  }

  /** The operator code of {@code op}. */
  public OperatorCode operatorCodeOf(Operator op) {
    return operatorCodes.get(op.opcodeIndex());
  }

  /** The builtin operator of {@code op}, or {@code null} if its code is unknown to the library. */
  public BuiltinOperator opOf(Operator op) {
    return operatorCodeOf(op).builtinCode();
  }

  /** The tensor's constant bytes (the buffer's array itself); empty if it has none. */
  public byte[] dataOf(Tensor tensor) {
    return buffers.get(tensor.buffer()).data();
  }

  /** Adds an operator code unless an equal one exists, and returns its index. */
  public int addOperatorCode(OperatorCode code) {
    int i = operatorCodes.indexOf(code);
    if (i >= 0) {
      return i;
    }
    operatorCodes.add(code);
    return operatorCodes.size() - 1;
  }

  /** Adds a buffer and returns its index. */
  public int addBuffer(Buffer buffer) {
    buffers.add(Objects.requireNonNull(buffer, "buffer"));
    return buffers.size() - 1;
  }

  @Override
  Object[] state() {
    return new Object[] {
      version, operatorCodes, subgraphs, description, buffers, metadata, signatureDefs
    };
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, operatorCodes, subgraphs, description, buffers.size());
  }

  @Override
  public String toString() {
    return "Model[v"
        + version
        + ", "
        + subgraphs.size()
        + " subgraphs, "
        + operatorCodes.size()
        + " operator codes, "
        + buffers.size()
        + " buffers]";
  }
}
