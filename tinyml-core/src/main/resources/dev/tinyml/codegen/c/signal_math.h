/* The integer maths TFLM's signal library and micro frontend share, as the project's bit-exact
 * Java does it (FrontendIntegerMath, Pcan, LogScale, KissFftQ15): bit lengths, rounded square
 * roots, PCAN's gain and shrink, the fixed-point log and kissfft's Q15 real FFT. Every table is
 * passed in (generated as const arrays), so nothing needs libm. The functions are static inline
 * so a program that uses only some of them compiles cleanly under -Wall -Werror. Like the Java,
 * they rely on two's-complement narrowing and arithmetic right shifts of negative values (what
 * gcc and clang do); products Java lets wrap are computed in unsigned types. */
#ifndef TML_SIGNAL_MATH_H
#define TML_SIGNAL_MATH_H

#include <stdint.h>

/* Position of the highest set bit plus one, 0 for 0. */
static inline int tml_sig_msb32(uint32_t x) {
  int n = 0;
  while (x != 0) {
    n++;
    x >>= 1;
  }
  return n;
}

static inline int tml_sig_msb64(uint64_t x) {
  int n = 0;
  while (x != 0) {
    n++;
    x >>= 1;
  }
  return n;
}

/* Rounded integer square root of a 32-bit value, saturating at 0xFFFF. */
static inline uint32_t tml_sig_sqrt32(uint32_t num) {
  uint64_t n = num, res = 0, bit;
  int max_bit, iterations;
  if (num == 0) {
    return 0;
  }
  max_bit = (32 - tml_sig_msb32(num)) | 1;
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
static inline uint32_t tml_sig_sqrt64(uint64_t num) {
  uint64_t res = 0, bit;
  int max_bit, iterations;
  if ((num >> 32) == 0) {
    return tml_sig_sqrt32((uint32_t)num);
  }
  max_bit = (64 - tml_sig_msb64(num)) | 1;
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

/* WideDynamicFunction: PCAN's gain for x, interpolated in the piecewise-quadratic table lut. */
static inline int16_t tml_sig_pcan_gain(uint32_t x, const int16_t *lut) {
  int interval, base;
  uint32_t shifted;
  int32_t frac, result;
  if (x <= 2) {
    return lut[x];
  }
  interval = tml_sig_msb32(x);
  base = 4 * interval - 6;
  shifted = interval < 11 ? (x << (11 - interval)) : (x >> (interval - 11));
  frac = (int32_t)(shifted & 0x3FF);
  result = (lut[base + 2] * frac) >> 5;
  result += lut[base + 1] * 32;
  result = (int32_t)((uint32_t)result * (uint32_t)frac);
  result = (int32_t)((uint32_t)result + (1u << 14)) >> 15;
  result += lut[base];
  return (int16_t)result;
}

/* PcanShrink with 12 SNR bits and 6 output bits. */
static inline uint32_t tml_sig_pcan_shrink(uint32_t x) {
  if (x < (2u << 12)) {
    return (x * x) >> (2 + 2 * 12 - 6);
  }
  return (x >> (12 - 6)) - (1u << 6);
}

/* Log32: round(ln(x) * out_scale) in 16-bit fixed point for x > 1, with lut the 130-entry log2
 * correction table (128 segments). Products and sums wrap at 32 bits as in the reference. */
static inline uint32_t tml_sig_log32(uint32_t x, uint32_t out_scale, const int32_t *lut) {
  int integer = tml_sig_msb32(x) - 1;
  int32_t frac = (int32_t)(x - ((uint32_t)1 << integer));
  int32_t base_seg, c0, c1, seg_base, rel_pos;
  uint32_t fraction, log2, loge;
  if (integer < 16) {
    frac <<= 16 - integer;
  } else {
    frac >>= integer - 16;
  }
  base_seg = frac >> (16 - 7);
  c0 = lut[base_seg];
  c1 = lut[base_seg + 1];
  seg_base = (65536 >> 7) * base_seg;
  rel_pos = ((c1 - c0) * (frac - seg_base)) >> 16;
  fraction = (uint32_t)(frac + c0 + rel_pos);
  log2 = ((uint32_t)integer << 16) + fraction;
  loge = (uint32_t)(((uint64_t)45426u * log2 + 32768u) >> 16);
  return (uint32_t)(loge * out_scale + 32768u) >> 16;
}

/* kissfft's Q15 real FFT of one size: the stage plan and twiddles, precomputed in Java. */
typedef struct {
  int32_t size;
  int32_t stages;
  const uint8_t *radix;
  const uint16_t *m;
  const uint16_t *stride;
  const uint16_t *gather;
  const int16_t *tw_re;
  const int16_t *tw_im;
  const int16_t *super_re;
  const int16_t *super_im;
} tml_sig_fft;

/* Multiply-and-round of kissfft's Q15 (sround): half up, 15 bits dropped, wrapped to 16 bits. */
static inline int16_t tml_sig_sround(int32_t x) { return (int16_t)((x + (1 << 14)) >> 15); }

static inline int16_t tml_sig_fixdiv(int16_t x, int32_t k) {
  return tml_sig_sround(x * (32767 / k));
}

static inline void tml_sig_butterfly2(const tml_sig_fft *f, int16_t *re, int16_t *im, int out,
                                      int fstride, int m) {
  int k;
  for (k = 0; k < m; k++) {
    int a = out + k;
    int b = a + m;
    int tw = k * fstride;
    int32_t ar = tml_sig_fixdiv(re[a], 2), ai = tml_sig_fixdiv(im[a], 2);
    int32_t br = tml_sig_fixdiv(re[b], 2), bi = tml_sig_fixdiv(im[b], 2);
    int32_t wr = f->tw_re[tw], wi = f->tw_im[tw];
    int32_t tr = tml_sig_sround(br * wr - bi * wi);
    int32_t ti = tml_sig_sround(br * wi + bi * wr);
    re[b] = (int16_t)(ar - tr);
    im[b] = (int16_t)(ai - ti);
    re[a] = (int16_t)(ar + tr);
    im[a] = (int16_t)(ai + ti);
  }
}

static inline void tml_sig_butterfly4(const tml_sig_fft *f, int16_t *re, int16_t *im, int out,
                                      int fstride, int m) {
  int k;
  for (k = 0; k < m; k++) {
    int f0 = out + k, f1 = f0 + m, f2 = f1 + m, f3 = f2 + m;
    int32_t x0r = tml_sig_fixdiv(re[f0], 4), x0i = tml_sig_fixdiv(im[f0], 4);
    int32_t x1r = tml_sig_fixdiv(re[f1], 4), x1i = tml_sig_fixdiv(im[f1], 4);
    int32_t x2r = tml_sig_fixdiv(re[f2], 4), x2i = tml_sig_fixdiv(im[f2], 4);
    int32_t x3r = tml_sig_fixdiv(re[f3], 4), x3i = tml_sig_fixdiv(im[f3], 4);
    int t1 = k * fstride, t2 = 2 * t1, t3 = 3 * t1;
    int32_t w1r = f->tw_re[t1], w1i = f->tw_im[t1];
    int32_t w2r = f->tw_re[t2], w2i = f->tw_im[t2];
    int32_t w3r = f->tw_re[t3], w3i = f->tw_im[t3];
    int32_t s0r = tml_sig_sround(x1r * w1r - x1i * w1i);
    int32_t s0i = tml_sig_sround(x1r * w1i + x1i * w1r);
    int32_t s1r = tml_sig_sround(x2r * w2r - x2i * w2i);
    int32_t s1i = tml_sig_sround(x2r * w2i + x2i * w2r);
    int32_t s2r = tml_sig_sround(x3r * w3r - x3i * w3i);
    int32_t s2i = tml_sig_sround(x3r * w3i + x3i * w3r);
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

/* The real FFT of f->size samples in into size/2 + 1 bins: bin k's real part goes to
 * out_re[k * step], its imaginary part to out_im[k * step]. buf_re and buf_im are size/2 work
 * values each. A complex FFT of half the size (deepest stage first; the sub-blocks of a stage
 * are independent), then the real split. */
static inline void tml_sig_rfft(const tml_sig_fft *f, const int16_t *in, int16_t *buf_re,
                                int16_t *buf_im, int16_t *out_re, int16_t *out_im, int step) {
  const int ncfft = f->size / 2;
  int o, level, k;
  int16_t dc_r, dc_i;
  for (o = 0; o < ncfft; o++) {
    int i = f->gather[o];
    buf_re[o] = in[2 * i];
    buf_im[o] = in[2 * i + 1];
  }
  for (level = f->stages - 1; level >= 0; level--) {
    int p = f->radix[level];
    int m = f->m[level];
    int fstride = f->stride[level];
    int block;
    for (block = 0; block < fstride; block++) {
      if (p == 4) {
        tml_sig_butterfly4(f, buf_re, buf_im, block * p * m, fstride, m);
      } else {
        tml_sig_butterfly2(f, buf_re, buf_im, block * p * m, fstride, m);
      }
    }
  }
  dc_r = tml_sig_fixdiv(buf_re[0], 2);
  dc_i = tml_sig_fixdiv(buf_im[0], 2);
  out_re[0] = (int16_t)(dc_r + dc_i);
  out_re[ncfft * step] = (int16_t)(dc_r - dc_i);
  out_im[0] = 0;
  out_im[ncfft * step] = 0;
  for (k = 1; k <= ncfft / 2; k++) {
    int32_t fpk_r = tml_sig_fixdiv(buf_re[k], 2);
    int32_t fpk_i = tml_sig_fixdiv(buf_im[k], 2);
    int32_t fpnk_r = tml_sig_fixdiv(buf_re[ncfft - k], 2);
    int32_t fpnk_i = tml_sig_fixdiv((int16_t)-buf_im[ncfft - k], 2);
    int32_t f1k_r = (int16_t)(fpk_r + fpnk_r), f1k_i = (int16_t)(fpk_i + fpnk_i);
    int32_t f2k_r = (int16_t)(fpk_r - fpnk_r), f2k_i = (int16_t)(fpk_i - fpnk_i);
    int32_t sr = f->super_re[k - 1], si = f->super_im[k - 1];
    int32_t tw_r = tml_sig_sround(f2k_r * sr - f2k_i * si);
    int32_t tw_i = tml_sig_sround(f2k_r * si + f2k_i * sr);
    out_re[k * step] = (int16_t)((f1k_r + tw_r) >> 1);
    out_im[k * step] = (int16_t)((f1k_i + tw_i) >> 1);
    out_re[(ncfft - k) * step] = (int16_t)((f1k_r - tw_r) >> 1);
    out_im[(ncfft - k) * step] = (int16_t)((tw_i - f1k_i) >> 1);
  }
}

#endif
