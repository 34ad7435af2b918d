// Test stand-in for the Arduino core API used by the sketch templates.
#pragma once
#include <stddef.h>
#include <stdint.h>

#define HIGH 1
#define LOW 0
#define OUTPUT 1
#define LED_BUILTIN 13
#define LEDR 22
#define LEDG 23
#define LEDB 24

class SerialStub {
 public:
  void begin(unsigned long) {}
  explicit operator bool() const { return true; }
  int available() { return 0; }
  int read() { return -1; }
  size_t print(const char*) { return 0; }
  size_t print(char) { return 0; }
  size_t print(int) { return 0; }
  size_t print(unsigned int) { return 0; }
  size_t print(long) { return 0; }
  size_t print(unsigned long) { return 0; }
  size_t print(double, int = 2) { return 0; }
  size_t println(const char*) { return 0; }
  size_t println(int) { return 0; }
  size_t println(unsigned int) { return 0; }
  size_t println(long) { return 0; }
  size_t println(unsigned long) { return 0; }
  size_t println(double, int = 2) { return 0; }
  size_t println() { return 0; }
};
extern SerialStub Serial;

unsigned long millis();
unsigned long micros();
void delay(unsigned long);
void pinMode(int, int);
void digitalWrite(int, int);
void noInterrupts();
void interrupts();
