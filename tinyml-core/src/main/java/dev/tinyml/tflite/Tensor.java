package dev.tinyml.tflite;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor of a subgraph: type, shape, the buffer holding its constant data (0 = none), name and
 * quantization. Mutable; fields the library does not model ({@code has_rank}, {@code
 * variant_tensors}, fields of newer schemas) are kept in {@link #unknownFields()}.
 */
public final class Tensor extends ModelElement {
  private int[] shape = new int[0];
  private int[] shapeSignature;
  private TensorType type = TensorType.FLOAT32;
  private int buffer;
  private String name;
  private QuantizationParameters quantization;
  private boolean variable;
  private RawTable sparsity;

  /** An unnamed FLOAT32 scalar without data. */
  public Tensor() {}

  /** A tensor without data or quantization. */
  public Tensor(String name, TensorType type, int... shape) {
    setName(name).setType(type).setShape(shape);
  }

  /** The shape (the array itself; rank 0 for scalars). */
  public int[] shape() {
    return shape;
  }

  /** Sets the shape. */
  public Tensor setShape(int... shape) {
    this.shape = Objects.requireNonNull(shape, "shape");
    return this;
  }

  /** The shape with -1 for unknown dimensions, or {@code null} if the file has none. */
  public int[] shapeSignature() {
    return shapeSignature;
  }

  /** Sets the shape signature ({@code null} to omit it). */
  public Tensor setShapeSignature(int[] shapeSignature) {
    this.shapeSignature = shapeSignature;
    return this;
  }

  /** The element type. */
  public TensorType type() {
    return type;
  }

  /** Sets the element type. */
  public Tensor setType(TensorType type) {
    this.type = Objects.requireNonNull(type, "type");
    return this;
  }

  /** Index into {@link Model#buffers()}; 0 (the empty sentinel) when the tensor has no data. */
  public int buffer() {
    return buffer;
  }

  /** Sets the buffer index. */
  public Tensor setBuffer(int buffer) {
    this.buffer = buffer;
    return this;
  }

  /** The name, or {@code null}. */
  public String name() {
    return name;
  }

  /** Sets the name. */
  public Tensor setName(String name) {
    this.name = name;
    return this;
  }

  /** The quantization, or {@code null} for a float (unquantized) tensor. */
  public QuantizationParameters quantization() {
    return quantization;
  }

  /** Sets the quantization ({@code null} for none). */
  public Tensor setQuantization(QuantizationParameters quantization) {
    this.quantization = quantization;
    return this;
  }

  /** Whether the tensor is a variable (state kept between invocations). */
  public boolean isVariable() {
    return variable;
  }

  /** Marks the tensor as a variable or not. */
  public Tensor setVariable(boolean variable) {
    this.variable = variable;
    return this;
  }

  /**
   * The {@code SparsityParameters} table as read (the library keeps it as-is and does not densify),
   * or {@code null}.
   */
  public RawTable sparsity() {
    return sparsity;
  }

  /** Sets the sparsity table (normally one read from a file). */
  public Tensor setSparsity(RawTable sparsity) {
    this.sparsity = sparsity;
    return this;
  }

  /**
   * The number of elements (1 for a scalar), or -1 if a dimension is negative (unknown) or the
   * count exceeds {@code Integer.MAX_VALUE}.
   */
  public int elementCount() {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        return -1;
      }
      n *= d;
      if (n > Integer.MAX_VALUE) {
        return -1;
      }
    }
    return (int) n;
  }

  /**
   * Bytes of the dense data: elements times the type's size, two INT4 values per byte; 0 for types
   * without a fixed size (STRING, RESOURCE, VARIANT); -1 when {@link #elementCount()} is unknown.
   */
  public long byteSize() {
    int n = elementCount();
    if (n < 0) {
      return -1;
    }
    if (type == TensorType.INT4) {
      return (n + 1L) / 2;
    }
    return (long) n * type.byteSize();
  }

  @Override
  Object[] state() {
    return new Object[] {
      shape, shapeSignature, type, buffer, name, quantization, variable, sparsity
    };
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(shape), type, buffer, name, quantization, variable);
  }

  @Override
  public String toString() {
    return (name == null ? "<unnamed>" : name)
        + " "
        + type
        + Arrays.toString(shape)
        + (quantization == null ? "" : " " + quantization)
        + (buffer == 0 ? "" : " buffer=" + buffer);
  }
}
