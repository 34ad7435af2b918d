package dev.tinyml.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The one filler of both backends' sketch folders. */
class SketchFillerTest {
  /** Every value the c_generic folder and the fragments it places use. */
  private static Map<String, String> cGenericValues() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("module_name", "demo");
    v.put("module_macro", "DEMO");
    v.put("model_name", "demo model");
    v.put("generator", "test");
    v.put("board_name", "Arduino Nano 33 BLE Sense");
    v.put("labels", "\"a\", \"b\"");
    v.put("label_count", "2");
    v.put("max_line_length", "64");
    return v;
  }

  @Test
  void theSketchFileTakesTheSketchNameAndTheFragmentsAreInlined() throws Exception {
    SortedMap<String, String> files =
        SketchFiller.fill(List.of("c_generic"), "demo", cGenericValues());

    assertThat(files).containsOnlyKeys("demo.ino");
    assertThat(files.get("demo.ino"))
        .doesNotContain("{{")
        .contains("constexpr int kInputElementCount = DEMO_INPUT_0_LENGTH;")
        .contains("void loop() {");
  }

  @Test
  void aFolderEntryOfAnotherFolderTakesThatFolderFile() throws Exception {
    Map<String, String> kws = new LinkedHashMap<>(cGenericValues());
    kws.remove("max_line_length");
    for (String p :
        List.of(
            "feature_divisor",
            "average_window_ms",
            "detection_threshold",
            "suppression_ms",
            "minimum_count",
            "ignored_label_indices")) {
      kws.put(p, "1");
    }

    SortedMap<String, String> files = SketchFiller.fill(List.of("c_kws"), "demo", kws);

    assertThat(files).containsOnlyKeys("demo.ino", "recognize_commands.h");
    assertThat(files.get("recognize_commands.h")).contains("class CommandRecognizer");
  }

  @Test
  void aValueNoFileUsesIsAnErrorNamingTheTemplate() {
    assertRefusedWithOneMoreValue(
        "pixel_scale", "Template c_generic does not use the values [pixel_scale]");
  }

  @Test
  void aValueNamedLikeASharedFragmentIsAnError() {
    assertRefusedWithOneMoreValue("halt", "has the name of the shared fragment partials/halt.inc");
  }

  private static void assertRefusedWithOneMoreValue(String name, String message) {
    Map<String, String> values = new LinkedHashMap<>(cGenericValues());
    values.put(name, "1");
    assertThatThrownBy(() -> SketchFiller.fill(List.of("c_generic"), "demo", values))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aMissingFolderNamesTheResourceAndTheDependency() {
    assertThatThrownBy(() -> SketchFiller.fill(List.of("c_none"), "demo", cGenericValues()))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("dev/tinyml/sketches/c_none/files.txt")
        .hasMessageContaining("arduino-sketches");
  }
}
