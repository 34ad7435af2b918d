package dev.tinyml.tflite;

/**
 * An enum of the TFLite schema whose constants carry their schema codes; options records store such
 * fields by code.
 */
public interface SchemaEnum {
  /**
   * The constant's code in the schema: by default its position, for enums that declare their
   * constants in schema order from code 0.
   */
  default int code() {
    return ((Enum<?>) this).ordinal();
  }
}
