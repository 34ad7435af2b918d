package dev.tinyml.codegen;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the host C++ compiler for tests; skips the test (assumption) when there is none. */
final class Gxx {
  private Gxx() {}

  /** The compiler's exit code and output. */
  record Result(int exitCode, String output) {}

  /** Skips the calling test, with the reason, when {@code g++} is not on the PATH. */
  static void assumePresent() {
    assumeTrue(
        available(), "g++ is not on the PATH: the generated C++ cannot be compiled here (skipped)");
  }

  static boolean available() {
    return Executables.available("g++");
  }

  /** Runs {@code g++ -std=c++17 -Wall -Werror} with the given further arguments in {@code dir}. */
  static Result run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("g++", "-std=c++17", "-Wall", "-Werror"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, "g++ timed out\n" + out);
    }
    return new Result(p.exitValue(), String.join(" ", cmd) + "\n" + out);
  }

  /** Copies the test stub headers (Arduino core, sensors, TFLite Micro API) into {@code dir}. */
  static Path copyStubs(Path dir) throws IOException {
    String[] files = {
      "Arduino.h",
      "PDM.h",
      "Arduino_OV767X.h",
      "Arduino_LSM9DS1.h",
      "Chirale_TensorFlowLite.h",
      "tensorflow/lite/c/common.h",
      "tensorflow/lite/micro/micro_mutable_op_resolver.h",
      "tensorflow/lite/micro/micro_interpreter.h",
      "tensorflow/lite/schema/schema_generated.h",
      "tensorflow/lite/experimental/microfrontend/lib/frontend.h",
      "tensorflow/lite/experimental/microfrontend/lib/frontend_util.h",
    };
    for (String f : files) {
      try (var in = Gxx.class.getResourceAsStream("stubs/" + f)) {
        if (in == null) {
          throw new IOException("Missing test resource stubs/" + f);
        }
        Path target = dir.resolve(f);
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
    return dir;
  }
}
