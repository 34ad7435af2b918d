package dev.tinyml.codegen;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Finds out whether the external tools the generated-code tests need can be run here. */
public final class Executables {
  private Executables() {}

  /** Whether {@code tool --version} runs and exits with 0 within 30 s. */
  public static boolean available(String tool) {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
