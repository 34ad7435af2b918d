package dev.tinyml.tflite;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the mutable elements of the object model share: the fields of their table the library does
 * not model, kept so that they are written back unchanged, and equality over everything they hold.
 */
abstract class ModelElement {
  private RawTable unknownFields;

  /**
   * Fields of the element's table the library does not model (fields of newer schemas too), or
   * {@code null}; the writer puts them back unchanged.
   */
  public RawTable unknownFields() {
    return unknownFields;
  }

  /** Keeps the fields the decoder did not take; an empty table is the same as none. */
  void setUnknownFields(RawTable unknownFields) {
    this.unknownFields = unknownFields == null || unknownFields.isEmpty() ? null : unknownFields;
  }

  /** Everything the element holds besides its unknown fields; arrays compare by content. */
  abstract Object[] state();

  /** Equal when of the same class, with equal {@link #state()} and unknown fields. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ModelElement e
        && e.getClass() == getClass()
        && Arrays.deepEquals(state(), e.state())
        && Objects.equals(unknownFields, e.unknownFields);
  }

  /** Subclasses hash a cheap part of their state, consistent with {@link #equals(Object)}. */
  @Override
  public abstract int hashCode();
}
