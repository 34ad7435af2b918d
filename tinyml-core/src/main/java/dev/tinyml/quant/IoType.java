package dev.tinyml.quant;

import dev.tinyml.io.SettingNames;

/** The element type of a quantized model's inputs or outputs. */
public enum IoType {
  /** Int8 tensors: the caller quantizes inputs and dequantizes outputs (TFLM's usual setup). */
  INT8,
  /** Float32 tensors, with QUANTIZE after each input and DEQUANTIZE before each output. */
  FLOAT32,
  /** Int16 tensors, for the {@link QuantizationScheme#INT16X8} scheme. */
  INT16;

  /**
   * The type by name: {@code int8}, {@code int16} or {@code float32} (case and surrounding blanks
   * ignored).
   *
   * @param name the name; {@code null} means {@code int8}
   * @return the type
   * @throws IllegalArgumentException naming the types the quantizer makes
   */
  public static IoType parse(String name) {
    return SettingNames.parse(
        IoType.class,
        name,
        INT8,
        "the quantizer makes int8 or float32 inputs and outputs (int16 with the int16x8 scheme);"
            + " use one of those.");
  }
}
