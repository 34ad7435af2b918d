// Test stand-in for the IMU libraries (Arduino_LSM9DS1, Arduino_BMI270_BMM150, ...).
#pragma once
class ImuStub {
 public:
  int begin();
  int accelerationAvailable();
  int readAcceleration(float& x, float& y, float& z);
  int gyroscopeAvailable();
  int readGyroscope(float& x, float& y, float& z);
};
extern ImuStub IMU;
