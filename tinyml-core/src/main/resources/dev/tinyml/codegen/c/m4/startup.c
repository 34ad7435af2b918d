/* Minimal Cortex-M4 start-up for qemu's mps2-an386: vector table, .data copy, .bss clear, FPU
 * on, semihosting stdio (newlib rdimon), then main and exit. */
#include <stdint.h>
#include <stdlib.h>

extern uint32_t _stack_top, _data_start, _data_end, _data_load, __bss_start__, __bss_end__;
extern int main(void);
extern void initialise_monitor_handles(void);

volatile uint32_t tml_systick_wraps;

void Reset_Handler(void);
void Default_Handler(void);
void SysTick_Handler(void);

/* exit() runs newlib's fini array, which calls _fini; without crt files it is ours. */
void _init(void);
void _fini(void);
void _init(void) {}
void _fini(void) {}

void Default_Handler(void) {
  for (;;) {
  }
}

void SysTick_Handler(void) { tml_systick_wraps++; }

void Reset_Handler(void) {
  uint32_t *src = &_data_load;
  uint32_t *dst = &_data_start;
  while (dst < &_data_end) *dst++ = *src++;
  for (dst = &__bss_start__; dst < &__bss_end__; dst++) *dst = 0;
  /* CPACR: full access to CP10 and CP11 (the FPU). */
  *(volatile uint32_t *)0xE000ED88 |= 0xFu << 20;
  __asm__ volatile("dsb\n isb");
  initialise_monitor_handles();
  exit(main());
}

__attribute__((section(".isr_vector"), used)) static void (*const vectors[16])(void) = {
    (void (*)(void))(&_stack_top), Reset_Handler, Default_Handler, Default_Handler,
    Default_Handler, Default_Handler, Default_Handler, 0, 0, 0, 0, Default_Handler,
    Default_Handler, 0, Default_Handler, SysTick_Handler};
