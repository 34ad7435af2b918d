package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.io.AtomicFiles;
import dev.tinyml.preprocess.MicroFrontendConfig;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C micro frontend cross-compiled for Cortex-M4 ({@link CortexM4#FLAGS}, no libm) and run under
 * qemu's mps2-an386, reading clips through semihosting: a few recorded clips give TFLM's features
 * exactly.
 */
class CFrontendCortexM4Test {
  @Test
  void recordedClipsGiveTflmFeaturesExactlyOnCortexM4(@TempDir Path dir) throws Exception {
    CortexM4.requireTools();
    List<CFrontendHostTest.Recorded> all = CFrontendHostTest.recordedClips();
    // Two corpus clips (a sweep and a clipped tone) and the spoken "yes" and "no".
    List<CFrontendHostTest.Recorded> clips = new ArrayList<>();
    for (CFrontendHostTest.Recorded r : all) {
      if (r.name().matches(".*/(sweep_0|clipped_1|yes_1000ms|no_1000ms)\\.wav")) {
        clips.add(r);
      }
    }
    assertThat(clips).hasSize(4);
    FrontendProgram.write(
        dir,
        CFrontend.render(MicroFrontendConfig.microSpeech()),
        clips.stream().map(CFrontendHostTest.Recorded::pcm).toList());

    String stdout = buildAndRun(dir);

    List<int[][]> c = FrontendProgram.parse(stdout, clips.size());
    for (int i = 0; i < clips.size(); i++) {
      assertThat(c.get(i)).as(clips.get(i).name()).isDeepEqualTo(clips.get(i).features());
    }
  }

  private static String buildAndRun(Path dir) throws Exception {
    for (String f : new String[] {"startup.c", "mps2_an386.ld"}) {
      try (InputStream in = CortexM4.class.getResourceAsStream("/dev/tinyml/codegen/c/m4/" + f)) {
        AtomicFiles.write(dir.resolve(f), in.readAllBytes());
      }
    }
    // The frontend alone is held to -pedantic; the startup code's vector table is not.
    List<String> compile = new ArrayList<>(List.of("arm-none-eabi-gcc"));
    compile.addAll(CortexM4.FLAGS);
    compile.addAll(List.of("-pedantic", "-c", CFrontendSources.SOURCE, "-o", "frontend.o"));
    Toolchain.runOk(dir, 600, compile);
    List<String> link = new ArrayList<>(List.of("arm-none-eabi-gcc"));
    link.addAll(CortexM4.FLAGS);
    link.addAll(
        List.of(
            "--specs=rdimon.specs",
            "-nostartfiles",
            "-T",
            "mps2_an386.ld",
            "-Wl,--gc-sections",
            "startup.c",
            "main.c",
            "frontend.o",
            "-o",
            "frontend.elf"));
    Toolchain.runOk(dir, 600, link);
    return Toolchain.runOk(
        dir,
        900,
        List.of(
            "qemu-system-arm",
            "-M",
            "mps2-an386",
            "-cpu",
            "cortex-m4",
            "-nographic",
            "-monitor",
            "none",
            "-serial",
            "none",
            "-semihosting-config",
            "enable=on,target=native",
            "-kernel",
            "frontend.elf"));
  }
}
