/**
 * Kernels of TFLite Micro's signal library (the custom ops {@code SignalWindow}, {@code
 * SignalFftAutoScale}, {@code SignalRfft}, {@code SignalEnergy}, {@code SignalFilterBank}, {@code
 * SignalFilterBankSquareRoot}, {@code SignalFilterBankSpectralSubtraction}, {@code SignalPCAN},
 * {@code SignalFilterBankLog}) with the integer arithmetic of {@code signal/src}. Unsigned 32-bit
 * tensors are held in {@code int[]}, unsigned 64-bit ones in {@code long[]}.
 */
package dev.tinyml.ops.kernels.signal;
