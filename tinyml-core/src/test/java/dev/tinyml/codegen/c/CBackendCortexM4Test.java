package dev.tinyml.codegen.c;

import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated C, cross-compiled with {@code arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb
 * -mfloat-abi=hard -mfpu=fpv4-sp-d16 -O2 -Wall -Werror -std=c99} and run on qemu's {@code
 * mps2-an386}, gives the Java interpreter's output bytes exactly.
 */
class CBackendCortexM4Test {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.tinyml.codegen.c.ReferenceModels#cortexM4")
  void cortexM4RunEqualsInterpreterByteForByte(String fixture) throws Exception {
    CortexM4.assertRunEqualsInterpreter(dir, TfliteReader.read(Fixtures.path(fixture)), fixture);
  }
}
