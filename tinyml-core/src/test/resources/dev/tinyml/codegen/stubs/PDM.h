// Test stand-in for the mbed core's PDM library.
#pragma once
class PDMStub {
 public:
  int begin(int channels, int sample_rate);
  void onReceive(void (*callback)(void));
  int available();
  int read(void* buffer, int size);
};
extern PDMStub PDM;
