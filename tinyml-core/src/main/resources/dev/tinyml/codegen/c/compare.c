/* EQUAL (op 0), NOT_EQUAL (1), GREATER (2), GREATER_EQUAL (3), LESS (4), LESS_EQUAL (5) with
 * broadcasting, to bool bytes 0/1, on float32 (type 0; NaN compares unequal and unordered), int32
 * (1), bool (2: any non-zero byte is 1) or int8 (3: each input offset, shifted left by 8 and
 * rescaled by its multiplier, as TFLM compares quantized values). */
typedef struct {
  int32_t op, type;
  int32_t input1_offset, input1_multiplier, input1_shift;
  int32_t input2_offset, input2_multiplier, input2_shift;
} tml_compare_params;

static void tml_compare(const tml_compare_params *p, const tml_broadcast *bc, const void *x,
                        const void *y, uint8_t *out) {
  tml_walk w = {-1};
  while (tml_walk_next(bc, &w)) {
    int32_t c;
    if (p->type == 0) {
      const float a = ((const float *)x)[w.x];
      const float b = ((const float *)y)[w.y];
      /* Unordered (NaN) pairs: only NOT_EQUAL holds. */
      c = a < b ? -1 : (a > b ? 1 : (a == b ? 0 : 2));
    } else if (p->type == 1) {
      const int32_t a = ((const int32_t *)x)[w.x];
      const int32_t b = ((const int32_t *)y)[w.y];
      c = a < b ? -1 : (a > b ? 1 : 0);
    } else if (p->type == 2) {
      c = (((const uint8_t *)x)[w.x] != 0) - (((const uint8_t *)y)[w.y] != 0);
    } else {
      const int32_t a = tml_mbqm_lt1((p->input1_offset + ((const int8_t *)x)[w.x]) * 256,
                                     p->input1_multiplier, p->input1_shift);
      const int32_t b = tml_mbqm_lt1((p->input2_offset + ((const int8_t *)y)[w.y]) * 256,
                                     p->input2_multiplier, p->input2_shift);
      c = a < b ? -1 : (a > b ? 1 : 0);
    }
    switch (p->op) {
      case 0: out[w.e] = c == 0; break;
      case 1: out[w.e] = c != 0; break;
      case 2: out[w.e] = c == 1; break;
      case 3: out[w.e] = c == 0 || c == 1; break;
      case 4: out[w.e] = c == -1; break;
      default: out[w.e] = c == 0 || c == -1; break;
    }
  }
}
