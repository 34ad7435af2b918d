package dev.tinyml.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {
  @Test
  void replacesEveryPlaceholderByItsValue() throws CodegenException {
    String out =
        TemplateEngine.render(
            "t", "a {{x}} b {{y_2}} {{x}}.", Map.of("x", "1", "y_2", "two", "unused", "z"));
    assertThat(out).isEqualTo("a 1 b two 1.");
  }

  @Test
  void placeholderWithoutValueIsAnErrorNamingItAndItsLine() {
    assertThatThrownBy(() -> TemplateEngine.render("kws/sketch.ino", "a\nb {{gone}}", Map.of()))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("kws/sketch.ino")
        .hasMessageContaining("gone (line 2)");
  }

  @Test
  void malformedPlaceholderIsAnError() {
    assertThatThrownBy(() -> TemplateEngine.render("t", "x {{Not Valid}} y", Map.of()))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("malformed placeholder");
    assertThatThrownBy(() -> TemplateEngine.render("t", "x {{open", Map.of()))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("malformed placeholder");
  }

  @Test
  void valuesAreInsertedLiterallyWithoutRescanning() throws CodegenException {
    assertThat(TemplateEngine.render("t", "{{a}}", Map.of("a", "{{b}} $1 \\")))
        .isEqualTo("{{b}} $1 \\");
  }

  @Test
  void listsPlaceholdersInOrderOfFirstUse() throws CodegenException {
    assertThat(TemplateEngine.placeholders("t", "{{b}} {{a}} {{b}} { single } }}"))
        .containsExactly("b", "a");
  }
}
