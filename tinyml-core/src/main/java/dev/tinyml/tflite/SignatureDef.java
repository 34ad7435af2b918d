package dev.tinyml.tflite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A signature of the model (from the SavedModel it was converted from): named inputs and outputs
 * mapped to tensor indices of one subgraph. The deprecated tag is kept in {@link #unknownFields()}.
 */
public final class SignatureDef extends ModelElement {
  private final Map<String, Integer> inputs = new LinkedHashMap<>();
  private final Map<String, Integer> outputs = new LinkedHashMap<>();
  private String signatureKey;
  private int subgraphIndex;

  /** An empty signature for subgraph 0. */
  public SignatureDef() {}

  /** A signature with this key for this subgraph. */
  public SignatureDef(String signatureKey, int subgraphIndex) {
    this.signatureKey = signatureKey;
    this.subgraphIndex = subgraphIndex;
  }

  /** Input names to tensor indices, in file order (mutable). */
  public Map<String, Integer> inputs() {
    return inputs;
  }

  /** Output names to tensor indices, in file order (mutable). */
  public Map<String, Integer> outputs() {
    return outputs;
  }

  /** The signature key (e.g. {@code serving_default}), or {@code null}. */
  public String signatureKey() {
    return signatureKey;
  }

  /** Sets the signature key. */
  public SignatureDef setSignatureKey(String signatureKey) {
    this.signatureKey = signatureKey;
    return this;
  }

  /** Index of the subgraph the tensor indices refer to. */
  public int subgraphIndex() {
    return subgraphIndex;
  }

  /** Sets the subgraph index. */
  public SignatureDef setSubgraphIndex(int subgraphIndex) {
    this.subgraphIndex = subgraphIndex;
    return this;
  }

  @Override
  Object[] state() {
    return new Object[] {inputs, outputs, signatureKey, subgraphIndex};
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputs, outputs, signatureKey, subgraphIndex);
  }

  @Override
  public String toString() {
    return "SignatureDef[" + signatureKey + ": " + inputs + " -> " + outputs + "]";
  }
}
