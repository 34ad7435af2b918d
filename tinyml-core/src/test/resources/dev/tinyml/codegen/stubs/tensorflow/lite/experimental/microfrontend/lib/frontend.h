// Test stand-in: the microfrontend processing API.
#pragma once
#include <stddef.h>
#include <stdint.h>
struct FrontendState {
  int opaque;
};
struct FrontendOutput {
  const uint16_t* values;
  size_t size;
};
struct FrontendOutput FrontendProcessSamples(struct FrontendState* state, const int16_t* samples,
                                             size_t num_samples, size_t* num_samples_read);
void FrontendReset(struct FrontendState* state);
