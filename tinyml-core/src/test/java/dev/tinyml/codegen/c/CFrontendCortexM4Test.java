package dev.tinyml.codegen.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.preprocess.MicroFrontendConfig;
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
    CortexM4.copyTargetFiles(dir, "startup.c", "mps2_an386.ld");
    CortexM4.compilePedantic(dir, CFrontendSources.SOURCE, "frontend.o");
    CortexM4.link(dir, "frontend.elf", "frontend.o");
    return CortexM4.runUnderQemu(dir, "frontend.elf");
  }
}
