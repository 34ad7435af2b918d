// Test stand-in for the library's (empty) umbrella header.
#pragma once
#include <Arduino.h>
