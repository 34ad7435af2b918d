package dev.tinyml.quant;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Look-ups into quantized models, and the quantized model several quantizer tests inspect. */
final class QuantFixtures {
  private QuantFixtures() {}

  /** The primary subgraph's tensor called {@code name}; fails the test when there is none. */
  static Tensor tensor(Model m, String name) {
    return m.primarySubgraph().tensors().stream()
        .filter(t -> name.equals(t.name()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tensor " + name));
  }

  /** The version of the first operator code for {@code op}. */
  static int version(Model m, BuiltinOperator op) {
    return m.operatorCodes().stream()
        .filter(c -> c.builtinCode() == op)
        .findFirst()
        .orElseThrow()
        .version();
  }

  /** The {@link #version}s of {@code ops}, in their order. */
  static List<Integer> versions(Model m, BuiltinOperator... ops) {
    List<Integer> versions = new ArrayList<>();
    for (BuiltinOperator op : ops) {
      versions.add(version(m, op));
    }
    return versions;
  }

  /** {@code FloatModels.mobileNetStyle(7, 16, 4)} quantized on 20 seeded 16x16 images. */
  static Model quantizedMobileNet(QuantizationOptions options) {
    return ModelQuantizer.quantize(
        FloatModels.mobileNetStyle(7, 16, 4),
        RepresentativeDataset.ofSingleInput(FloatModels.uniformSamples(8, 20, 256)),
        options);
  }
}
