/* The float32 element-wise functions, each the interpreter's IEEE operations (UnaryMath): kind 0
 * ABS, 1 SQRT, 2 RSQRT, 3 EXP, 4 LOG, 5 FLOOR, 6 ROUND (halves to even), 7 ELU, 8 HARD_SWISH.
 * Square roots and roundings are exact; EXP, LOG and ELU take libm's double function rounded to
 * float. Element i from input i, in order. */
static float tml_unary_f32_one(int32_t kind, float x) {
  switch (kind) {
    case 0:
      return x <= 0.0f ? 0.0f - x : x;
    case 1:
      return (float)sqrt((double)x);
    case 2:
      return 1.0f / (float)sqrt((double)x);
    case 3:
      return (float)exp((double)x);
    case 4:
      return (float)log((double)x);
    case 5:
      return (float)floor((double)x);
    case 6: {
      const float below = (float)floor((double)x);
      const float diff = x - below;
      if (diff < 0.5f || (diff == 0.5f && tml_float_to_int32(below) % 2 == 0)) return below;
      return below + 1.0f;
    }
    case 7:
      return x < 0.0f ? (float)expm1((double)x) : x;
    default: {
      float r = x + 3.0f;
      r = r < 0.0f ? 0.0f : r;
      r = r > 6.0f ? 6.0f : r;
      return x * r / 6.0f;
    }
  }
}

static void tml_unary_f32(int32_t kind, const float *in, float *out, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) out[i] = tml_unary_f32_one(kind, in[i]);
}
