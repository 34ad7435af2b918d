/* Measurement hooks around one invoke on the Cortex-M4 under qemu -icount shift=0 (one guest
 * instruction = 1 ns of virtual time):
 *  - instructions: SysTick on the processor clock counts virtual time; tml_calibrate() runs a
 *    loop of a known instruction count so that the ticks convert to instructions exactly;
 *  - stack: the free stack below the caller is painted before the invoke and the lowest
 *    overwritten word found after it (high-water mark). */
#include <stdint.h>
#include <stdio.h>

extern uint32_t _stack_limit;
extern volatile uint32_t tml_systick_wraps;

#define TML_SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define TML_SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define TML_SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define TML_PAINT 0xA5A5A5A5u

static uint32_t tml_start_cvr;
static uintptr_t tml_caller_sp;

static inline __attribute__((always_inline)) uintptr_t tml_sp(void) {
  uintptr_t sp;
  __asm__ volatile("mov %0, sp" : "=r"(sp));
  return sp;
}

static void tml_systick_start(void) {
  TML_SYST_CSR = 0;
  TML_SYST_RVR = 0x00FFFFFFu;
  TML_SYST_CVR = 0;
  tml_systick_wraps = 0;
  TML_SYST_CSR = 7u; /* enable, interrupt on wrap, processor clock */
  tml_start_cvr = TML_SYST_CVR;
  /* Written to 0, the counter reloads on its first tick without counting a wrap. */
  if (tml_start_cvr == 0) tml_start_cvr = 0x01000000u;
}

static uint64_t tml_systick_ticks(void) {
  uint32_t wraps, cvr;
  do {
    wraps = tml_systick_wraps;
    cvr = TML_SYST_CVR;
  } while (wraps != tml_systick_wraps);
  TML_SYST_CSR = 0;
  return (uint64_t)wraps * 0x01000000u + (uint64_t)tml_start_cvr - (uint64_t)cvr;
}

/* Prints "calibration <ticks> <loop instructions>" for a loop of 2 * n instructions (plus a
 * constant overhead, which two calibrations of different n cancel). */
static void tml_calibrate(uint32_t n) {
  uint64_t ticks;
  tml_systick_start();
  __asm__ volatile(
      "mov r0, %0\n"
      "1: subs r0, r0, #1\n"
      " bne 1b\n"
      :
      : "r"(n)
      : "r0", "cc");
  ticks = tml_systick_ticks();
  printf("calibration %llu %lu\n", (unsigned long long)ticks, (unsigned long)(2u * n));
}

static inline __attribute__((always_inline)) void tml_measure_begin(void) {
  uint32_t *p = &_stack_limit;
  uint32_t *top;
  tml_caller_sp = tml_sp();
  top = (uint32_t *)(tml_caller_sp - 64u);
  while (p < top) *p++ = TML_PAINT;
  tml_systick_start();
}

static inline __attribute__((always_inline)) void tml_measure_end(int run) {
  uint64_t ticks = tml_systick_ticks();
  uint32_t *p = &_stack_limit;
  while (*p == TML_PAINT) p++;
  printf("ticks %d %llu\n", run, (unsigned long long)ticks);
  printf("stack %d %lu\n", run, (unsigned long)(tml_caller_sp - (uintptr_t)p));
}
