package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tinyml.codegen.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs external tools (gcc, arm-none-eabi-gcc, qemu-system-arm) for the C backend's tests. A
 * missing tool skips the test with the reason, except under {@code CI=true}, where it fails: CI
 * installs the tools ({@code .ci/run}) and must not pass without running them.
 */
final class Toolchain {
  private Toolchain() {}

  /** A finished process. */
  record Result(int exitCode, String stdout, String command) {}

  /** Skips (or under CI fails) the calling test when {@code tool} cannot be run. */
  static void require(String tool, String why) {
    if (available(tool)) {
      return;
    }
    String message = tool + " is not on the PATH, so " + why + " cannot run";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true: .ci/run installs it with apt-get)");
    }
    assumeTrue(
        false,
        message
            + "; skipped (install gcc-arm-none-eabi libnewlib-arm-none-eabi"
            + " qemu-system-arm, or run .ci/run as root)");
  }

  static boolean available(String tool) {
    return Executables.available(tool);
  }

  /** Runs {@code command} in {@code dir}, killing it after {@code timeoutSeconds}. */
  static Result run(Path dir, long timeoutSeconds, List<String> command)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[][] out = new byte[1][];
    Thread reader =
        new Thread(
            () -> {
              try {
                out[0] = p.getInputStream().readAllBytes();
              } catch (IOException e) {
                out[0] = new byte[0];
              }
            });
    reader.start();
    String cmd = String.join(" ", command);
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      reader.join();
      return new Result(-1, "timed out after " + timeoutSeconds + " s", cmd);
    }
    reader.join();
    return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8), cmd);
  }

  /** Runs and fails the test, with the output, unless the exit code is 0. */
  static String runOk(Path dir, long timeoutSeconds, List<String> command)
      throws IOException, InterruptedException {
    Result r = run(dir, timeoutSeconds, command);
    if (r.exitCode() != 0) {
      fail(r.command() + " exited with " + r.exitCode() + ":\n" + r.stdout());
    }
    return r.stdout();
  }

  /** Compiles {@code main.c} and the module into {@code model_test}, linking libm. */
  static Path hostBuild(Path dir, CModule module) throws IOException, InterruptedException {
    return hostBuild(dir, "model_test", module.sourceFile(), "-lm");
  }

  /**
   * Compiles {@code main.c} and {@code source} into {@code executable} with host gcc ({@code -O2
   * -Wall -Werror -std=c99 -pedantic}), linking {@code libraries}.
   */
  static Path hostBuild(Path dir, String executable, String source, String... libraries)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "gcc",
                "-O2",
                "-Wall",
                "-Werror",
                "-std=c99",
                "-pedantic",
                "-o",
                executable,
                "main.c",
                source));
    cmd.addAll(List.of(libraries));
    runOk(dir, 300, cmd);
    return dir.resolve(executable);
  }
}
