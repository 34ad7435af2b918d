package dev.tinyml.savedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.testing.Fixtures;
import org.junit.jupiter.api.Test;

class SavedModelInfoTest {
  @Test
  void listsSignaturesWithNamesTypesAndShapes() throws Exception {
    SavedModelInfo info = SavedModelInfo.read(Fixtures.path("savedmodel/keras_kws_ds_cnn"));
    assertThat(info.metaGraphs()).hasSize(1);
    SavedModelInfo.MetaGraph mg = info.metaGraphs().get(0);
    assertThat(mg.tags()).containsExactly("serve");
    assertThat(mg.signatures())
        .extracting(SavedModelInfo.Signature::key)
        .containsExactly("serving_default");
    SavedModelInfo.Signature sig = mg.signatures().get(0);
    assertThat(sig.inputs())
        .containsExactly(
            new SavedModelInfo.TensorSpec(
                "input_1", "serving_default_input_1:0", "float", new int[] {-1, 49, 10, 1}));
    assertThat(sig.outputs()).extracting(SavedModelInfo.TensorSpec::key).containsExactly("dense");
    assertThat(sig.outputs().get(0).shape()).containsExactly(-1, 12);
  }

  @Test
  void unknownRankHasNoShape() throws Exception {
    SavedModelInfo info =
        SavedModelInfo.read(Fixtures.path("savedmodel/keras_subclass_multi_signature"));
    SavedModelInfo.Signature add =
        info.metaGraphs().get(0).signatures().stream()
            .filter(s -> s.key().equals("add"))
            .findFirst()
            .orElseThrow();
    assertThat(add.inputs()).extracting(SavedModelInfo.TensorSpec::key).containsExactly("a", "b");
    assertThat(add.inputs().get(0).shape()).isNull();
    assertThat(add.inputs().get(0).toString()).contains("unknown rank");
  }

  @Test
  void listsStringAndFloatSignaturesOfATf1Model() throws Exception {
    SavedModelInfo info = SavedModelInfo.read(Fixtures.path("savedmodel/tf1_half_plus_two"));
    SavedModelInfo.MetaGraph mg = info.metaGraphs().get(0);
    assertThat(mg.tensorflowVersion()).isEqualTo("1.14.0");
    assertThat(mg.signatures())
        .extracting(SavedModelInfo.Signature::key)
        .contains("serving_default", "regress_x_to_y", "classify_x_to_y");
    SavedModelInfo.Signature regress =
        mg.signatures().stream()
            .filter(s -> s.key().equals("regress_x_to_y"))
            .findFirst()
            .orElseThrow();
    assertThat(regress.inputs().get(0).dtype()).isEqualTo("string");
    assertThat(regress.methodName()).isEqualTo("tensorflow/serving/regress");
  }
}
