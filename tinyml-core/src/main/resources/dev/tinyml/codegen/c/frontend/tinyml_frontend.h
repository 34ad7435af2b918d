/*
 * TinyML for Java's micro frontend in C99: the audio features of TensorFlow Lite Micro's
 * microfrontend library (Hann window, Q15 real FFT, 12-bit mel filterbank, noise reduction, PCAN,
 * fixed-point log), ported from the project's bit-exact Java implementation. Every table is
 * precomputed at generation time (tinyml_frontend_tables.inc), so nothing here needs libm or malloc.
 */
#ifndef TINYML_FRONTEND_H
#define TINYML_FRONTEND_H

#include <stddef.h>
#include <stdint.h>

#include "tinyml_frontend_config.h"

#ifdef __cplusplus
extern "C" {
#endif

/* All state and scratch of one frontend; place it in static memory. */
typedef struct {
  int16_t input[TML_FE_WINDOW_SIZE];
  size_t input_used;
  uint32_t noise_estimate[TML_FE_NUM_CHANNELS];
  int16_t fft_in[TML_FE_FFT_SIZE];
  int16_t buf_re[TML_FE_FFT_SIZE / 2];
  int16_t buf_im[TML_FE_FFT_SIZE / 2];
  int16_t spectrum_re[TML_FE_FFT_SIZE / 2 + 1];
  int16_t spectrum_im[TML_FE_FFT_SIZE / 2 + 1];
  int32_t energy[TML_FE_FILTERBANK_END + 1];
  uint64_t work[TML_FE_NUM_CHANNELS + 1];
  uint32_t channels[TML_FE_NUM_CHANNELS];
} tml_frontend_state;

/* Prepares fresh state (no samples, zero noise estimate). */
void tml_frontend_init(tml_frontend_state *state);

/* Forgets all samples and the noise estimate. */
void tml_frontend_reset(tml_frontend_state *state);

/*
 * Feeds up to n samples, stopping when a window completes. Stores how many samples were read in
 * *consumed and returns 1 when a frame of TML_FE_NUM_CHANNELS features was written to features,
 * 0 otherwise. Call again with the rest of the samples: frame i covers samples
 * [i * TML_FE_WINDOW_STEP, i * TML_FE_WINDOW_STEP + TML_FE_WINDOW_SIZE).
 */
int tml_frontend_process(tml_frontend_state *state, const int16_t *samples, size_t n,
                         size_t *consumed, uint16_t *features);

/* The micro_speech model's int8 input for one feature: (v * 256 + 333) / 666 - 128, clamped. */
int8_t tml_frontend_micro_speech_int8(uint16_t value);

#ifdef __cplusplus
}
#endif

#endif
