/*
 * The micro frontend's arithmetic, step for step as dev.tinyml.preprocess.MicroFrontend does it.
 * The maths it shares with the signal-library kernels of the c backend (square roots, PCAN gain
 * and shrink, the fixed-point log, the Q15 real FFT) is in tinyml_signal_math.h. Like the frontend
 * it reproduces, it relies on two's-complement narrowing conversions and arithmetic right shifts
 * of negative values (what gcc and clang do); products that Java lets wrap are computed in
 * unsigned types so C never meets signed overflow.
 */
#include "tinyml_frontend.h"

#include "tinyml_signal_math.h"
#include "tinyml_frontend_tables.inc"

#define TML_FE_WINDOW_BITS 12
#define TML_FE_NOISE_REDUCTION_BITS 14

static const tml_sig_fft tml_fe_fft_plan = {
    TML_FE_FFT_SIZE, TML_FE_FFT_STAGES, tml_fe_fft_radix, tml_fe_fft_m, tml_fe_fft_stride,
    tml_fe_fft_gather, tml_fe_tw_re, tml_fe_tw_im, tml_fe_super_re, tml_fe_super_im};

static void tml_fe_filterbank(tml_frontend_state *s, int scale_down_shift) {
  uint64_t weight_acc = 0, unweight_acc = 0;
  int i, chan;
  for (i = TML_FE_FILTERBANK_START; i < TML_FE_FILTERBANK_END; i++) {
    int32_t r = s->spectrum_re[i], q = s->spectrum_im[i];
    /* Both at -32768 the sum is 2^31: it wraps to int32 as in the reference. */
    s->energy[i] = (int32_t)((uint32_t)(r * r) + (uint32_t)(q * q));
  }
  for (chan = 0; chan <= TML_FE_NUM_CHANNELS; chan++) {
    int base = tml_fe_channel_start[chan];
    int offset = tml_fe_channel_offset[chan];
    int width = tml_fe_channel_width[chan];
    int j;
    for (j = 0; j < width; j++) {
      int64_t magnitude = s->energy[base + j];
      weight_acc += (uint64_t)(tml_fe_weights[offset + j] * magnitude);
      unweight_acc += (uint64_t)(tml_fe_unweights[offset + j] * magnitude);
    }
    s->work[chan] = weight_acc;
    weight_acc = unweight_acc;
    unweight_acc = 0;
  }
  for (i = 0; i < TML_FE_NUM_CHANNELS; i++) {
    s->channels[i] = tml_sig_sqrt64(s->work[i + 1]) >> scale_down_shift;
  }
}

static void tml_fe_noise_reduction(tml_frontend_state *s) {
  int i;
  for (i = 0; i < TML_FE_NUM_CHANNELS; i++) {
    uint64_t smoothing = (i & 1) == 0 ? TML_FE_EVEN_SMOOTHING : TML_FE_ODD_SMOOTHING;
    uint64_t one_minus = (uint32_t)((1 << TML_FE_NOISE_REDUCTION_BITS) - (int64_t)smoothing);
    uint64_t signal = s->channels[i];
    uint64_t scaled_up = (uint32_t)(signal << TML_FE_SMOOTHING_BITS);
    uint64_t estimate = (uint32_t)((scaled_up * smoothing + s->noise_estimate[i] * one_minus) >>
                                   TML_FE_NOISE_REDUCTION_BITS);
    uint64_t floor = (uint32_t)((signal * TML_FE_MIN_SIGNAL_REMAINING) >>
                                TML_FE_NOISE_REDUCTION_BITS);
    uint64_t subtracted;
    s->noise_estimate[i] = (uint32_t)estimate;
    if (estimate > scaled_up) {
      estimate = scaled_up;
    }
    subtracted = (scaled_up - estimate) >> TML_FE_SMOOTHING_BITS;
    s->channels[i] = (uint32_t)(subtracted > floor ? subtracted : floor);
  }
}

#if TML_FE_ENABLE_PCAN
static void tml_fe_pcan(tml_frontend_state *s) {
  int i;
  for (i = 0; i < TML_FE_NUM_CHANNELS; i++) {
    int16_t gain16 = tml_sig_pcan_gain(s->noise_estimate[i], tml_fe_pcan_lut);
    uint64_t gain = (uint32_t)(int32_t)gain16;
    uint32_t snr = (uint32_t)(((uint64_t)s->channels[i] * gain) >> TML_FE_PCAN_SNR_SHIFT);
    s->channels[i] = tml_sig_pcan_shrink(snr);
  }
}
#endif

static void tml_fe_output(tml_frontend_state *s, uint16_t *features) {
  int i;
  for (i = 0; i < TML_FE_NUM_CHANNELS; i++) {
    uint32_t value = s->channels[i];
#if TML_FE_ENABLE_LOG
#if TML_FE_CORRECTION_BITS < 0
    value >>= -(TML_FE_CORRECTION_BITS);
#else
    value <<= TML_FE_CORRECTION_BITS;
#endif
    value = value > 1 ? tml_sig_log32(value, 1u << TML_FE_SCALE_SHIFT, tml_fe_log_lut) : 0;
#endif
    features[i] = (uint16_t)(value < 0xFFFFu ? value : 0xFFFFu);
  }
}

static void tml_fe_process_window(tml_frontend_state *s, uint16_t *features) {
  int16_t max_abs = 0;
  int i, shift;
  for (i = 0; i < TML_FE_WINDOW_SIZE; i++) {
    int16_t value = (int16_t)((s->input[i] * tml_fe_window[i]) >> TML_FE_WINDOW_BITS);
    int16_t magnitude = value < 0 ? (int16_t)-value : value;
    s->fft_in[i] = value;
    if (magnitude > max_abs) {
      max_abs = magnitude;
    }
  }
  /* Scale the window up to full range; the filterbank shifts the energies back down. */
  shift = 15 - tml_sig_msb32((uint32_t)max_abs);
  for (i = 0; i < TML_FE_WINDOW_SIZE; i++) {
    s->fft_in[i] = (int16_t)(uint16_t)((uint32_t)(uint16_t)s->fft_in[i] << shift);
  }
  tml_sig_rfft(&tml_fe_fft_plan, s->fft_in, s->buf_re, s->buf_im, s->spectrum_re, s->spectrum_im,
               1);
  tml_fe_filterbank(s, shift);
  tml_fe_noise_reduction(s);
#if TML_FE_ENABLE_PCAN
  tml_fe_pcan(s);
#endif
  tml_fe_output(s, features);
}

void tml_frontend_init(tml_frontend_state *state) {
  size_t i;
  unsigned char *bytes = (unsigned char *)state;
  for (i = 0; i < sizeof(*state); i++) {
    bytes[i] = 0;
  }
}

void tml_frontend_reset(tml_frontend_state *state) {
  int i;
  for (i = 0; i < TML_FE_WINDOW_SIZE; i++) {
    state->input[i] = 0;
  }
  state->input_used = 0;
  for (i = 0; i < TML_FE_NUM_CHANNELS; i++) {
    state->noise_estimate[i] = 0;
  }
}

int tml_frontend_process(tml_frontend_state *state, const int16_t *samples, size_t n,
                         size_t *consumed, uint16_t *features) {
  size_t room = TML_FE_WINDOW_SIZE - state->input_used;
  size_t copy = n < room ? n : room;
  size_t i;
  for (i = 0; i < copy; i++) {
    state->input[state->input_used + i] = samples[i];
  }
  state->input_used += copy;
  *consumed = copy;
  if (state->input_used < TML_FE_WINDOW_SIZE) {
    return 0;
  }
  tml_fe_process_window(state, features);
  for (i = 0; i < TML_FE_WINDOW_SIZE - TML_FE_WINDOW_STEP; i++) {
    state->input[i] = state->input[i + TML_FE_WINDOW_STEP];
  }
  state->input_used -= TML_FE_WINDOW_STEP;
  return 1;
}

int8_t tml_frontend_micro_speech_int8(uint16_t value) {
  int32_t q = ((int32_t)value * 256 + 333) / 666 - 128;
  return (int8_t)(q < -128 ? -128 : (q > 127 ? 127 : q));
}