// Test stand-in for Arduino_OV767X.
#pragma once
enum { YUV422 = 0, RGB444 = 1, RGB565 = 2, GRAYSCALE = 4 };
enum { VGA = 0, CIF = 1, QVGA = 2, QCIF = 3, QQVGA = 4 };
enum { OV7670 = 0, OV7675 = 1 };
class CameraStub {
 public:
  int begin(int resolution, int format, int fps, int camera = OV7670);
  void readFrame(void* buffer);
};
extern CameraStub Camera;
