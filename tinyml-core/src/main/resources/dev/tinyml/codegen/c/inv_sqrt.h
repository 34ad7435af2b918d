/* TFLite's GetInvSqrtQuantizedMultiplierExp (reverse_shift -1) as the Java QuantizedAbsRsqrt.invSqrt:
 * 1 / sqrt(input) as a Q31 significand and a left-shift exponent, by five Newton-Raphson steps in
 * Q3. Differences and left shifts wrap as in Java (unsigned arithmetic). */
static inline int32_t tml_inv_sqrt(int32_t input, int32_t *exponent) {
  const int32_t half_three = (1 << 28) + (1 << 27);
  int32_t shift = 11;
  int32_t pairs, half_input, x, result, i;
  if (input <= 1) {
    *exponent = 0;
    return INT32_MAX;
  }
  while (input >= (1 << 29)) {
    input /= 4;
    shift++;
  }
  pairs = (tml_clz32((uint32_t)input) - 1) / 2 - 1;
  shift -= pairs;
  input = tml_shl(input, 2 * pairs);
  half_input = tml_srmbp(input >> 1, -1);
  x = 1 << 28;
  for (i = 0; i < 5; i++) {
    const int32_t x2 = tml_srdhm(x, x);
    const int32_t x3 = tml_srmbp(tml_srdhm(x2, x), 6);
    const int32_t a = tml_srdhm(half_three, x);
    const int32_t b = tml_srdhm(half_input, x3);
    x = tml_srmbp((int32_t)((uint32_t)a - (uint32_t)b), 3);
  }
  result = tml_srdhm(x, 1518500250);
  if (shift < 0) {
    result = tml_shl(result, -shift);
    shift = 0;
  }
  *exponent = -shift;
  return result;
}
