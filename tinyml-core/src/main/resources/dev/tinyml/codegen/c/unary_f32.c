/* The float32 element-wise functions, each the interpreter's IEEE operations (UnaryMath). Square
 * roots and roundings are exact; EXP, LOG and ELU take libm's double function rounded to float.
 * The functions are static inline and the loop takes one by address, so a module compiles (and
 * links from libm) only the functions its operators name. Element i from input i, in order. */
static inline float tml_abs_f32(float x) { return x <= 0.0f ? 0.0f - x : x; }

static inline float tml_sqrt_f32(float x) { return (float)sqrt((double)x); }

static inline float tml_rsqrt_f32(float x) { return 1.0f / (float)sqrt((double)x); }

static inline float tml_exp_f32(float x) { return (float)exp((double)x); }

static inline float tml_log_f32(float x) { return (float)log((double)x); }

static inline float tml_floor_f32(float x) { return (float)floor((double)x); }

/* Halves to even, as TFLM's RoundToNearest. */
static inline float tml_round_f32(float x) {
  const float below = (float)floor((double)x);
  const float diff = x - below;
  if (diff < 0.5f || (diff == 0.5f && tml_float_to_int32(below) % 2 == 0)) return below;
  return below + 1.0f;
}

static inline float tml_elu_f32(float x) { return x < 0.0f ? (float)expm1((double)x) : x; }

/* x * min(6, max(0, x + 3)) / 6, NaN staying NaN as in Java's Math.min/max. */
static inline float tml_hard_swish_f32(float x) {
  float r = x + 3.0f;
  r = r < 0.0f ? 0.0f : r;
  r = r > 6.0f ? 6.0f : r;
  return x * r / 6.0f;
}

static void tml_unary_f32(float (*f)(float), const float *in, float *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) out[i] = f(in[i]);
}
