package dev.tinyml.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Breaks one thing in a fixture model that the interpreter runs (a dimension, a rank, a type, an op
 * input, a tensor's quantization) and checks that preparing and invoking it either works or fails
 * with {@link InterpreterException}: never an index, cast or arithmetic exception from a kernel.
 * Deterministic: the seed and case number of a failure reproduce it.
 */
class InterpreterFuzzTest {
  private static final long SEED = 0x1E7E_4B5L;
  private static final int CASES_PER_MODEL = 300;

  /** Larger fixtures would only slow the run down. */
  private static final long MAX_MODEL_BYTES = 400_000;

  private static final TensorType[] TYPES = {
    TensorType.FLOAT32, TensorType.INT8, TensorType.INT16, TensorType.INT32, TensorType.INT64
  };

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void brokenModelsFailOnlyWithInterpreterException() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    List<String> escaped = new ArrayList<>();
    int runnable = 0;
    for (Path file : Fixtures.files("tflite", ".tflite")) {
      if (Files.size(file) > MAX_MODEL_BYTES) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(file);
      try {
        PreparedModel.prepare(TfliteReader.read(bytes));
      } catch (InterpreterException e) {
        continue; // not a model the interpreter runs in the first place
      }
      runnable++;
      for (int i = 0; i < CASES_PER_MODEL; i++) {
        Model model = TfliteReader.read(bytes);
        String change = breakOneThing(model.primarySubgraph(), random);
        try {
          PreparedModel.prepare(model).newInterpreter().invoke();
        } catch (InterpreterException expected) {
          // the clear failure this test asks for
        } catch (RuntimeException e) {
          escaped.add(file.getFileName() + " case " + i + " (" + change + "): " + e);
        }
      }
    }
    assertThat(runnable).isGreaterThan(3);
    assertThat(escaped).isEmpty();
  }

  private static String breakOneThing(SubGraph g, SplittableRandom random) {
    Tensor t = g.tensors().get(random.nextInt(g.tensors().size()));
    switch (random.nextInt(5)) {
      case 0 -> {
        int[] shape = t.shape().clone();
        if (shape.length > 0) {
          shape[random.nextInt(shape.length)] = random.nextInt(4);
        }
        t.setShape(shape);
        return "dimension of " + t.name();
      }
      case 1 -> {
        int[] shape = new int[random.nextInt(5)];
        for (int d = 0; d < shape.length; d++) {
          shape[d] = 1 + random.nextInt(3);
        }
        t.setShape(shape);
        return "rank of " + t.name();
      }
      case 2 -> {
        t.setType(TYPES[random.nextInt(TYPES.length)]);
        return "type of " + t.name();
      }
      case 3 -> {
        Operator op = g.operators().get(random.nextInt(g.operators().size()));
        int[] inputs = op.inputs().clone();
        if (inputs.length > 0) {
          inputs[random.nextInt(inputs.length)] = random.nextInt(g.tensors().size() + 1) - 1;
        }
        op.setInputs(inputs);
        return "an op input";
      }
      default -> {
        t.setQuantization(null);
        return "quantization of " + t.name();
      }
    }
  }
}
