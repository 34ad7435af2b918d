/*
 * The micro frontend's arithmetic, step for step as dev.tinyml.preprocess.MicroFrontend does it.
 * Like the frontend it reproduces, it relies on two's-complement narrowing conversions and
 * arithmetic right shifts of negative values (what gcc and clang do); products that Java lets
 * wrap are computed in unsigned types so C never meets signed overflow.
 */
#include "tinyml_frontend.h"

#include "tinyml_frontend_tables.inc"

#define TML_FE_WINDOW_BITS 12
#define TML_FE_NOISE_REDUCTION_BITS 14
#define TML_FE_PCAN_SNR_BITS 12
#define TML_FE_PCAN_OUTPUT_BITS 6
#define TML_FE_LOG_SCALE_LOG2 16
#define TML_FE_LOG_SEGMENTS_LOG2 7
#define TML_FE_LOG_COEFF 45426u

/* Position of the highest set bit plus one, 0 for 0. */
static int tml_fe_msb32(uint32_t x) {
  int n = 0;
  while (x != 0) {
    n++;
    x >>= 1;
  }
  return n;
}

static int tml_fe_msb64(uint64_t x) {
  int n = 0;
  while (x != 0) {
    n++;
    x >>= 1;
  }
  return n;
}

/* Multiply-and-round of kissfft's Q15 (sround): half up, 15 bits dropped, wrapped to 16 bits. */
static int16_t tml_fe_sround(int32_t x) { return (int16_t)((x + (1 << 14)) >> 15); }

static int16_t tml_fe_div(int16_t x, int32_t k) { return tml_fe_sround(x * (32767 / k)); }

static void tml_fe_butterfly2(tml_frontend_state *s, int out, int fstride, int m) {
  int k;
  for (k = 0; k < m; k++) {
    int a = out + k;
    int b = a + m;
    int tw = k * fstride;
    int32_t ar = tml_fe_div(s->buf_re[a], 2), ai = tml_fe_div(s->buf_im[a], 2);
    int32_t br = tml_fe_div(s->buf_re[b], 2), bi = tml_fe_div(s->buf_im[b], 2);
    int32_t wr = tml_fe_tw_re[tw], wi = tml_fe_tw_im[tw];
    int32_t tr = tml_fe_sround(br * wr - bi * wi);
    int32_t ti = tml_fe_sround(br * wi + bi * wr);
    s->buf_re[b] = (int16_t)(ar - tr);
    s->buf_im[b] = (int16_t)(ai - ti);
    s->buf_re[a] = (int16_t)(ar + tr);
    s->buf_im[a] = (int16_t)(ai + ti);
  }
}

static void tml_fe_butterfly4(tml_frontend_state *s, int out, int fstride, int m) {
  int16_t *re = s->buf_re;
  int16_t *im = s->buf_im;
  int k;
  for (k = 0; k < m; k++) {
    int f0 = out + k, f1 = f0 + m, f2 = f1 + m, f3 = f2 + m;
    int32_t x0r = tml_fe_div(re[f0], 4), x0i = tml_fe_div(im[f0], 4);
    int32_t x1r = tml_fe_div(re[f1], 4), x1i = tml_fe_div(im[f1], 4);
    int32_t x2r = tml_fe_div(re[f2], 4), x2i = tml_fe_div(im[f2], 4);
    int32_t x3r = tml_fe_div(re[f3], 4), x3i = tml_fe_div(im[f3], 4);
    int t1 = k * fstride, t2 = 2 * t1, t3 = 3 * t1;
    int32_t w1r = tml_fe_tw_re[t1], w1i = tml_fe_tw_im[t1];
    int32_t w2r = tml_fe_tw_re[t2], w2i = tml_fe_tw_im[t2];
    int32_t w3r = tml_fe_tw_re[t3], w3i = tml_fe_tw_im[t3];
    int32_t s0r = tml_fe_sround(x1r * w1r - x1i * w1i);
    int32_t s0i = tml_fe_sround(x1r * w1i + x1i * w1r);
    int32_t s1r = tml_fe_sround(x2r * w2r - x2i * w2i);
    int32_t s1i = tml_fe_sround(x2r * w2i + x2i * w2r);
    int32_t s2r = tml_fe_sround(x3r * w3r - x3i * w3i);
    int32_t s2i = tml_fe_sround(x3r * w3i + x3i * w3r);
    int32_t s5r = (int16_t)(x0r - s1r), s5i = (int16_t)(x0i - s1i);
    int32_t y0r = (int16_t)(x0r + s1r), y0i = (int16_t)(x0i + s1i);
    int32_t s3r = (int16_t)(s0r + s2r), s3i = (int16_t)(s0i + s2i);
    int32_t s4r = (int16_t)(s0r - s2r), s4i = (int16_t)(s0i - s2i);
    re[f2] = (int16_t)(y0r - s3r);
    im[f2] = (int16_t)(y0i - s3i);
    re[f0] = (int16_t)(y0r + s3r);
    im[f0] = (int16_t)(y0i + s3i);
    re[f1] = (int16_t)(s5r + s4i);
    im[f1] = (int16_t)(s5i - s4r);
    re[f3] = (int16_t)(s5r - s4i);
    im[f3] = (int16_t)(s5i + s4r);
  }
}

/* The real FFT of fft_in into spectrum_re/im: a complex FFT of half the size, then the split. */
static void tml_fe_fft(tml_frontend_state *s) {
  const int ncfft = TML_FE_FFT_SIZE / 2;
  int o, level, k;
  int16_t dc_r, dc_i;
  for (o = 0; o < ncfft; o++) {
    int i = tml_fe_fft_gather[o];
    s->buf_re[o] = s->fft_in[2 * i];
    s->buf_im[o] = s->fft_in[2 * i + 1];
  }
  /* Deepest stage first; the sub-blocks of one stage are independent. */
  for (level = TML_FE_FFT_STAGES - 1; level >= 0; level--) {
    int p = tml_fe_fft_radix[level];
    int m = tml_fe_fft_m[level];
    int fstride = tml_fe_fft_stride[level];
    int block;
    for (block = 0; block < fstride; block++) {
      if (p == 4) {
        tml_fe_butterfly4(s, block * p * m, fstride, m);
      } else {
        tml_fe_butterfly2(s, block * p * m, fstride, m);
      }
    }
  }
  dc_r = tml_fe_div(s->buf_re[0], 2);
  dc_i = tml_fe_div(s->buf_im[0], 2);
  s->spectrum_re[0] = (int16_t)(dc_r + dc_i);
  s->spectrum_re[ncfft] = (int16_t)(dc_r - dc_i);
  s->spectrum_im[0] = 0;
  s->spectrum_im[ncfft] = 0;
  for (k = 1; k <= ncfft / 2; k++) {
    int32_t fpk_r = tml_fe_div(s->buf_re[k], 2);
    int32_t fpk_i = tml_fe_div(s->buf_im[k], 2);
    int32_t fpnk_r = tml_fe_div(s->buf_re[ncfft - k], 2);
    int32_t fpnk_i = tml_fe_div((int16_t)-s->buf_im[ncfft - k], 2);
    int32_t f1k_r = (int16_t)(fpk_r + fpnk_r), f1k_i = (int16_t)(fpk_i + fpnk_i);
    int32_t f2k_r = (int16_t)(fpk_r - fpnk_r), f2k_i = (int16_t)(fpk_i - fpnk_i);
    int32_t sr = tml_fe_super_re[k - 1], si = tml_fe_super_im[k - 1];
    int32_t tw_r = tml_fe_sround(f2k_r * sr - f2k_i * si);
    int32_t tw_i = tml_fe_sround(f2k_r * si + f2k_i * sr);
    s->spectrum_re[k] = (int16_t)((f1k_r + tw_r) >> 1);
    s->spectrum_im[k] = (int16_t)((f1k_i + tw_i) >> 1);
    s->spectrum_re[ncfft - k] = (int16_t)((f1k_r - tw_r) >> 1);
    s->spectrum_im[ncfft - k] = (int16_t)((tw_i - f1k_i) >> 1);
  }
}

/* Rounded integer square root of a 32-bit value, saturating at 0xFFFF. */
static uint32_t tml_fe_sqrt32(uint32_t num) {
  uint64_t n = num, res = 0, bit;
  int max_bit, iterations;
  if (num == 0) {
    return 0;
  }
  max_bit = (32 - tml_fe_msb32(num)) | 1;
  bit = (uint64_t)1 << (31 - max_bit);
  iterations = (31 - max_bit) / 2 + 1;
  while (iterations-- > 0) {
    if (n >= res + bit) {
      n -= res + bit;
      res = (res >> 1) + bit;
    } else {
      res >>= 1;
    }
    bit >>= 2;
  }
  if (n > res && res != 0xFFFF) {
    ++res;
  }
  return (uint32_t)(res & 0xFFFF);
}

/* Rounded integer square root of a 64-bit value; below 2^32 the 32-bit path decides. */
static uint32_t tml_fe_sqrt64(uint64_t num) {
  uint64_t res = 0, bit;
  int max_bit, iterations;
  if ((num >> 32) == 0) {
    return tml_fe_sqrt32((uint32_t)num);
  }
  max_bit = (64 - tml_fe_msb64(num)) | 1;
  bit = (uint64_t)1 << (63 - max_bit);
  iterations = (63 - max_bit) / 2 + 1;
  while (iterations-- > 0) {
    if (num >= res + bit) {
      num -= res + bit;
      res = (res >> 1) + bit;
    } else {
      res >>= 1;
    }
    bit >>= 2;
  }
  if (num > res && res != 0xFFFFFFFFu) {
    ++res;
  }
  return (uint32_t)(res & 0xFFFFFFFFu);
}

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
    s->channels[i] = tml_fe_sqrt64(s->work[i + 1]) >> scale_down_shift;
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
/* The gain for noise estimate x, interpolated in the piecewise-quadratic table. */
static int16_t tml_fe_pcan_gain(uint32_t x) {
  int interval, base;
  uint32_t shifted;
  int32_t frac, result;
  if (x <= 2) {
    return tml_fe_pcan_lut[x];
  }
  interval = tml_fe_msb32(x);
  base = 4 * interval - 6;
  shifted = interval < 11 ? (x << (11 - interval)) : (x >> (interval - 11));
  frac = (int32_t)(shifted & 0x3FF);
  result = (tml_fe_pcan_lut[base + 2] * frac) >> 5;
  result += tml_fe_pcan_lut[base + 1] * 32;
  result = (int32_t)((uint32_t)result * (uint32_t)frac);
  result = (int32_t)((uint32_t)result + (1u << 14)) >> 15;
  result += tml_fe_pcan_lut[base];
  return (int16_t)result;
}

static uint32_t tml_fe_pcan_shrink(uint32_t x) {
  if (x < (2u << TML_FE_PCAN_SNR_BITS)) {
    return (x * x) >> (2 + 2 * TML_FE_PCAN_SNR_BITS - TML_FE_PCAN_OUTPUT_BITS);
  }
  return (x >> (TML_FE_PCAN_SNR_BITS - TML_FE_PCAN_OUTPUT_BITS)) - (1u << TML_FE_PCAN_OUTPUT_BITS);
}

static void tml_fe_pcan(tml_frontend_state *s) {
  int i;
  for (i = 0; i < TML_FE_NUM_CHANNELS; i++) {
    uint64_t gain = (uint32_t)(int32_t)tml_fe_pcan_gain(s->noise_estimate[i]);
    uint32_t snr = (uint32_t)(((uint64_t)s->channels[i] * gain) >> TML_FE_PCAN_SNR_SHIFT);
    s->channels[i] = tml_fe_pcan_shrink(snr);
  }
}
#endif

#if TML_FE_ENABLE_LOG
/* log2 of x in 16 fractional bits' fraction part, corrected by the interpolated table. */
static uint32_t tml_fe_log2_fraction(uint32_t x, int log2x) {
  int32_t frac = (int32_t)(x - ((uint32_t)1 << log2x));
  int32_t base_seg, c0, c1, seg_base, rel_pos;
  if (log2x < TML_FE_LOG_SCALE_LOG2) {
    frac <<= TML_FE_LOG_SCALE_LOG2 - log2x;
  } else {
    frac >>= log2x - TML_FE_LOG_SCALE_LOG2;
  }
  base_seg = frac >> (TML_FE_LOG_SCALE_LOG2 - TML_FE_LOG_SEGMENTS_LOG2);
  c0 = tml_fe_log_lut[base_seg];
  c1 = tml_fe_log_lut[base_seg + 1];
  seg_base = ((1 << TML_FE_LOG_SCALE_LOG2) >> TML_FE_LOG_SEGMENTS_LOG2) * base_seg;
  rel_pos = ((c1 - c0) * (frac - seg_base)) >> TML_FE_LOG_SCALE_LOG2;
  return (uint32_t)(frac + c0 + rel_pos);
}

/* round(ln(x) * 2^scale_shift) in fixed point, for x > 1. */
static uint32_t tml_fe_log(uint32_t x) {
  int integer = tml_fe_msb32(x) - 1;
  uint32_t fraction = tml_fe_log2_fraction(x, integer);
  uint32_t log2 = ((uint32_t)integer << TML_FE_LOG_SCALE_LOG2) + fraction;
  uint32_t round = 1u << (TML_FE_LOG_SCALE_LOG2 - 1);
  uint32_t loge = (uint32_t)(((uint64_t)TML_FE_LOG_COEFF * log2 + round) >> TML_FE_LOG_SCALE_LOG2);
  uint32_t scaled = loge * (1u << TML_FE_SCALE_SHIFT);
  return (uint32_t)(((uint64_t)scaled + round) & 0xFFFFFFFFu) >> TML_FE_LOG_SCALE_LOG2;
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
    value = value > 1 ? tml_fe_log(value) : 0;
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
  shift = 15 - tml_fe_msb32((uint32_t)max_abs);
  for (i = 0; i < TML_FE_WINDOW_SIZE; i++) {
    s->fft_in[i] = (int16_t)(uint16_t)((uint32_t)(uint16_t)s->fft_in[i] << shift);
  }
  tml_fe_fft(s);
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
