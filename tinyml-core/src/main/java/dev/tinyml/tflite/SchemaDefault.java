package dev.tinyml.tflite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema default of an options record component when it is not zero (false, code 0): the value
 * an absent field stands for and that the writer leaves out. {@link OptionsCodec} reads it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface SchemaDefault {
  /** The default: the number, 1 for {@code true}. */
  long value();
}
