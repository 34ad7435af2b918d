package dev.tinyml.tflite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The table slot of an options record component whose slot is not the one after the previous
 * component's (the first component otherwise takes slot 0). Needed where the schema has deprecated
 * fields the record leaves out; {@link OptionsCodec} reads it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface SchemaSlot {
  /** The slot (vtable index) of the field in its table. */
  int value();
}
