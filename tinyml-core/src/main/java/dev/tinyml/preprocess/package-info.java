/**
 * Preprocessing that computes on the JVM exactly what the device computes: WAV reading and
 * band-limited resampling ({@link dev.tinyml.preprocess.Wav}, {@link
 * dev.tinyml.preprocess.Resampler}), TensorFlow Lite Micro's integer audio frontend, bit-exact
 * ({@link dev.tinyml.preprocess.MicroFrontend}), float spectrogram, log-mel and MFCC features with
 * chunked streaming ({@link dev.tinyml.preprocess.SpectralFeatures}), images from files and camera
 * formats ({@link dev.tinyml.preprocess.PixelImage}), CSV time series with stored normalisation
 * statistics ({@link dev.tinyml.preprocess.TimeSeries}, {@link dev.tinyml.preprocess.Normalizer}),
 * quantization to a model's input ({@link dev.tinyml.preprocess.InputQuantization}) and NumPy
 * {@code .npy} files ({@link dev.tinyml.preprocess.Npy}). Defaults and the references they follow
 * are in {@code docs/preprocess.md}.
 */
package dev.tinyml.preprocess;
