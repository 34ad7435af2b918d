package dev.tinyml.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Writes a trained {@link Network} as a SavedModel with one signature, {@code serving_default},
 * taking {@value #INPUT} of shape {@code [1, ...inputShape]} and returning {@value #OUTPUT}.
 *
 * <p>The exported graph holds only the inference ops: the parameters are variables (VariableV2, the
 * kind TensorFlow Java saves) whose trained values go to the {@code variables/} checkpoint, as in a
 * SavedModel written by Python. The batch is fixed at 1 because a microcontroller classifies one
 * window or frame at a time.
 */
public final class SavedModelExport {

  /** Name of the signature's input. */
  public static final String INPUT = "input";

  /** Name of the signature's output. */
  public static final String OUTPUT = "output";

  private SavedModelExport() {}

  /**
   * Exports {@code network} with {@code weights} to {@code dir}, replacing what is there. The model
   * is written to a sibling temporary directory first, so {@code dir} never holds half a model.
   */
  public static void export(Network network, Map<String, float[]> weights, Path dir) {
    Path target = dir.toAbsolutePath();
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      deleteRecursively(tmp);
      Files.createDirectories(target.getParent());
      try (Graph graph = new Graph()) {
        Ops tf = Ops.create(graph);
        Placeholder<TFloat32> input =
            tf.withName(INPUT)
                .placeholder(
                    TFloat32.class, Placeholder.shape(Trainer.batchShape(1, network.inputShape())));
        Map<String, Operand<TFloat32>> params = new LinkedHashMap<>();
        for (Parameter p : network.parameters()) {
          float[] values = weights.get(p.name());
          if (values == null || values.length != p.size()) {
            throw new IllegalArgumentException(
                "no trained values of size "
                    + p.size()
                    + " for parameter "
                    + p
                    + " of "
                    + network.name());
          }
          params.put(
              p.name(),
              tf.withInitScope()
                  .withName(p.name())
                  .variable(tf.constant(Shape.of(p.shape()), DataBuffers.of(values, true, false))));
        }
        Operand<TFloat32> last = network.build(tf, input, params);
        Operand<TFloat32> output =
            switch (network.output()) {
              case SOFTMAX -> tf.withName(OUTPUT).nn.softmax(last);
              case IDENTITY -> tf.withName(OUTPUT).identity(last);
            };
        Signature signature =
            Signature.builder().input(INPUT, input).output(OUTPUT, output).build();
        try (Session session = Trainer.deterministicSession(graph)) {
          session.initialize();
          SessionFunction function = SessionFunction.create(signature, session);
          SavedModelBundle.exporter(tmp.toString()).withFunction(function).export();
        }
      }
      deleteRecursively(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot export the SavedModel to " + target + ": " + e.getMessage(), e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
