package dev.tinyml.tflite;

/**
 * An enum of the TFLite schema whose constants carry their schema codes; options records store such
 * fields by code.
 */
interface SchemaEnum {
  /** The constant's code in the schema. */
  int code();
}
