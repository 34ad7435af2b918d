/* Fixed-point arithmetic of TensorFlow Lite Micro's reference kernels (default build: double
 * rounding), written from the semantics of the Java interpreter's FixedPoint class. Every function
 * is static inline, so the ones a model does not use cost nothing. Signed overflow is avoided by
 * shifting in unsigned arithmetic where the reference wraps. */
#include <stdint.h>
#include <string.h>

static inline int32_t tml_clz32(uint32_t x) {
#if defined(__GNUC__)
  return x == 0 ? 32 : __builtin_clz(x);
#else
  int32_t n = 0;
  if (x == 0) return 32;
  while ((x & 0x80000000u) == 0) { x <<= 1; n++; }
  return n;
#endif
}

/* gemmlowp SaturatingRoundingDoublingHighMul: halves round up, MIN * MIN saturates. */
static inline int32_t tml_srdhm(int32_t a, int32_t b) {
  int64_t ab;
  int64_t nudge;
  if (a == b && a == INT32_MIN) return INT32_MAX;
  ab = (int64_t)a * (int64_t)b;
  nudge = ab >= 0 ? ((int64_t)1 << 30) : (1 - ((int64_t)1 << 30));
  return (int32_t)((ab + nudge) / ((int64_t)1 << 31));
}

/* gemmlowp RoundingDivideByPOT: arithmetic shift right, halves away from zero. */
static inline int32_t tml_rdbp(int32_t x, int32_t exponent) {
  int32_t mask = (int32_t)((((int64_t)1) << exponent) - 1);
  int32_t remainder = x & mask;
  int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

static inline int32_t tml_shl(int32_t x, int32_t s) { return (int32_t)((uint32_t)x << s); }

/* MultiplyByQuantizedMultiplier(int32, int32, int): left shift, high multiply, rounding shift. */
static inline int32_t tml_mbqm(int32_t x, int32_t multiplier, int32_t shift) {
  int32_t left = shift > 0 ? shift : 0;
  int32_t right = shift > 0 ? 0 : -shift;
  return tml_rdbp(tml_srdhm(tml_shl(x, left), multiplier), right);
}

/* MultiplyByQuantizedMultiplierSmallerThanOneExp (shift <= 0). */
static inline int32_t tml_mbqm_lt1(int32_t x, int32_t multiplier, int32_t shift) {
  return tml_rdbp(tml_srdhm(x, multiplier), -shift);
}

/* MultiplyByQuantizedMultiplierGreaterThanOne (shift >= 0). */
static inline int32_t tml_mbqm_gt1(int32_t x, int32_t multiplier, int32_t shift) {
  return tml_srdhm(tml_shl(x, shift), multiplier);
}

/* The 64-bit overload used by int16 paths: 16-bit multiplier, one rounding shift. */
static inline int32_t tml_mbqm64(int64_t x, int32_t multiplier, int32_t shift) {
  int64_t reduced = multiplier < 0x7FFF0000 ? ((multiplier + (1 << 15)) >> 16) : 0x7FFF;
  int32_t total = 15 - shift;
  int64_t r = x * reduced + ((int64_t)1 << (total - 1));
  return (int32_t)(r >> total);
}

/* gemmlowp SaturatingRoundingMultiplyByPOT for a run-time exponent. */
static inline int32_t tml_srmbp(int32_t x, int32_t exponent) {
  int32_t threshold;
  if (exponent == 0) return x;
  if (exponent < 0) return tml_rdbp(x, -exponent);
  threshold = (int32_t)((((int64_t)1) << (31 - exponent)) - 1);
  if (x > threshold) return INT32_MAX;
  if (x < -threshold) return INT32_MIN;
  return tml_shl(x, exponent);
}

static inline int32_t tml_rounding_half_sum(int32_t a, int32_t b) {
  int64_t sum = (int64_t)a + (int64_t)b;
  int64_t sign = sum >= 0 ? 1 : -1;
  return (int32_t)((sum + sign) / 2);
}

/* exp(x) for x in [-1/4, 0), Q0 in and out. */
static inline int32_t tml_exp_quarter(int32_t a) {
  const int32_t constant_term = 1895147668;
  const int32_t one_over_3 = 715827883;
  int32_t x = a + (1 << 28);
  int32_t x2 = tml_srdhm(x, x);
  int32_t x3 = tml_srdhm(x2, x);
  int32_t x4 = tml_srdhm(x2, x2);
  int32_t x4_over_4 = tml_rdbp(x4, 2);
  int32_t poly = tml_rdbp(tml_srdhm(x4_over_4 + x3, one_over_3) + x2, 1);
  return constant_term + tml_srdhm(constant_term, x + poly);
}

/* gemmlowp exp_on_negative_values: a <= 0 in Q(integer_bits), result in Q0. */
static inline int32_t tml_exp_on_negative_values(int32_t a, int32_t integer_bits) {
  static const int32_t barrel[7] = {1672461947, 1302514674, 790015084, 290630308,
                                    39332535,   720401,     242};
  int32_t fractional_bits = 31 - integer_bits;
  int32_t one_quarter = (int32_t)1 << (fractional_bits - 2);
  int32_t mask = one_quarter - 1;
  int32_t a_mod = (a & mask) - one_quarter;
  int32_t result = tml_exp_quarter(tml_srmbp(a_mod, integer_bits));
  int32_t remainder = a_mod - a;
  int32_t e;
  for (e = -2; e <= 4; e++) {
    if (integer_bits > e) {
      int32_t shift_amount = fractional_bits + e;
      if ((remainder & (int32_t)((uint32_t)1 << shift_amount)) != 0) {
        result = tml_srdhm(result, barrel[e + 2]);
      }
    }
  }
  if (integer_bits > 5) {
    int32_t clamp = -((int32_t)1 << (36 - integer_bits));
    if (a < clamp) result = 0;
  }
  if (a == 0) result = INT32_MAX;
  return result;
}

static inline int32_t tml_newton_reciprocal(int32_t half_denominator) {
  const int32_t c48_over_17 = 1515870810;
  const int32_t cneg32_over_17 = -1010580540;
  int32_t x = c48_over_17 + tml_srdhm(half_denominator, cneg32_over_17);
  int i;
  for (i = 0; i < 3; i++) {
    int32_t hdx = tml_srdhm(half_denominator, x);
    int32_t one_minus = (1 << 29) - hdx;
    x = x + tml_srmbp(tml_srdhm(x, one_minus), 2);
  }
  return x;
}

/* gemmlowp one_over_one_plus_x_for_x_in_0_1, Q0 in and out. */
static inline int32_t tml_one_over_one_plus_x(int32_t a) {
  int32_t half_denominator = tml_rounding_half_sum(a, INT32_MAX);
  return tml_srmbp(tml_newton_reciprocal(half_denominator), 1);
}

/* gemmlowp one_minus_x_over_one_plus_x_for_x_in_0_1, Q0 in and out. */
static inline int32_t tml_one_minus_x_over_one_plus_x(int32_t a) {
  int32_t half_denominator = tml_rounding_half_sum(a, INT32_MAX);
  return tml_srmbp(tml_newton_reciprocal(half_denominator) - (1 << 29), 2);
}

/* gemmlowp logistic: Q(integer_bits) in, Q0 out. */
static inline int32_t tml_logistic_q(int32_t a, int32_t integer_bits) {
  int32_t r;
  if (a == 0) return 1 << 30;
  r = tml_one_over_one_plus_x(tml_exp_on_negative_values(a > 0 ? -a : a, integer_bits));
  return a > 0 ? r : INT32_MAX - r;
}

/* gemmlowp tanh: Q(integer_bits) in, Q0 out. */
static inline int32_t tml_tanh_q(int32_t a, int32_t integer_bits) {
  int32_t t;
  if (a == 0) return 0;
  t = tml_one_minus_x_over_one_plus_x(tml_exp_on_negative_values(a < 0 ? a : -a, integer_bits + 1));
  return a < 0 ? -t : t;
}

static inline int32_t tml_clamp(int32_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

static inline float tml_clampf(float x, float lo, float hi) {
  float y = x < lo ? lo : x;
  return hi < y ? hi : y;
}

/* C99 roundf semantics (halves away from zero) without libm. */
static inline float tml_roundf(float x) {
  float a = x < 0 ? -x : x;
  float f = (float)(int32_t)a;
  float r;
  if (a >= 8388608.0f) return x;
  r = (a - f >= 0.5f) ? f + 1.0f : f;
  return x < 0 ? -r : r;
}

/* Java's (int) cast of a float: NaN to 0, saturating at the int32 limits. */
static inline int32_t tml_float_to_int32(float r) {
  if (r != r) return 0;
  if (r >= 2147483648.0f) return INT32_MAX;
  if (r <= -2147483648.0f) return INT32_MIN;
  return (int32_t)r;
}

static inline int32_t tml_wrapping_add(int32_t a, int32_t b) {
  return (int32_t)((uint32_t)a + (uint32_t)b);
}
