package dev.tinyml.quant;

/** The element type of a quantized model's inputs or outputs. */
public enum IoType {
  /** Int8 tensors: the caller quantizes inputs and dequantizes outputs (TFLM's usual setup). */
  INT8,
  /** Float32 tensors, with QUANTIZE after each input and DEQUANTIZE before each output. */
  FLOAT32
}
