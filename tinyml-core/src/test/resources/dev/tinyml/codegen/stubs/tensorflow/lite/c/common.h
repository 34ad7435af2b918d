// Test stand-in: the TfLiteTensor fields the templates use.
#pragma once
#include <stddef.h>
#include <stdint.h>
typedef enum { kTfLiteOk = 0, kTfLiteError = 1 } TfLiteStatus;
typedef enum {
  kTfLiteNoType = 0,
  kTfLiteFloat32 = 1,
  kTfLiteInt32 = 2,
  kTfLiteUInt8 = 3,
  kTfLiteInt64 = 4,
  kTfLiteInt16 = 7,
  kTfLiteInt8 = 9,
} TfLiteType;
typedef struct {
  float scale;
  int32_t zero_point;
} TfLiteQuantizationParams;
typedef union {
  int32_t* i32;
  float* f;
  uint8_t* uint8;
  int16_t* i16;
  int8_t* int8;
} TfLitePtrUnion;
typedef struct {
  TfLiteType type;
  TfLitePtrUnion data;
  TfLiteQuantizationParams params;
} TfLiteTensor;
