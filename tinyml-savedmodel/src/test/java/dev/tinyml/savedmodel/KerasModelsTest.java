package dev.tinyml.savedmodel;

import static dev.tinyml.savedmodel.ImportCheck.importAndCompare;
import static dev.tinyml.savedmodel.ImportCheck.ops;
import static dev.tinyml.tflite.BuiltinOperator.CONV_2D;
import static dev.tinyml.tflite.BuiltinOperator.TRANSPOSE_CONV;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared Keras-style models import and match TensorFlow within 1e-5. */
class KerasModelsTest {
  @TempDir Path tmp;

  @Test
  void convAutoencoderMatchesTensorFlowAsConvAndTransposeConv() throws Exception {
    TfOracle.Exported e =
        TfOracle.exportLayer(
            tmp.resolve("autoencoder"),
            41,
            KerasModels.AUTOENCODER_INPUT,
            KerasModels::convAutoencoder);
    assertThat(ops(importAndCompare(e))).containsExactly(CONV_2D, TRANSPOSE_CONV);
  }
}
