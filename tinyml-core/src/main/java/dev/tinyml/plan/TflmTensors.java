package dev.tinyml.plan;

import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** How TFLite Micro sizes and classifies tensors ({@code memory_helpers.cc}). */
final class TflmTensors {
  private TflmTensors() {}

  /**
   * Bytes per element as {@code TfLiteTypeSizeOf} gives them; note INT4 takes a whole byte per
   * element in TFLM's eval tensors.
   */
  static int typeSize(TensorType type) {
    return switch (type) {
      case INT8, UINT8, BOOL, INT4 -> 1;
      case INT16, UINT16, FLOAT16, BFLOAT16 -> 2;
      case INT32, UINT32, FLOAT32, RESOURCE -> 4;
      case INT64, UINT64, FLOAT64, COMPLEX64 -> 8;
      case COMPLEX128 -> 16;
      case STRING, VARIANT -> -1;
    };
  }

  /** {@code TfLiteEvalTensorByteLength}: element count (1 for a scalar) times the type size. */
  static int byteLength(int subgraph, int index, Tensor tensor) {
    int size = typeSize(tensor.type());
    if (size < 0) {
      throw new PlanningException(
          "Tensor "
              + describe(subgraph, index, tensor)
              + " has type "
              + tensor.type()
              + ", which TFLite Micro cannot place in the arena; convert it to a numeric type.");
    }
    long count = 1;
    for (int d : tensor.shape()) {
      if (d < 0) {
        throw new PlanningException(
            "Tensor "
                + describe(subgraph, index, tensor)
                + " has an unknown dimension in shape "
                + java.util.Arrays.toString(tensor.shape())
                + "; TFLite Micro needs static shapes, so fix the shape before planning.");
      }
      count *= d;
    }
    long bytes = count * size;
    if (bytes > Integer.MAX_VALUE / 2) {
      throw new PlanningException(
          "Tensor " + describe(subgraph, index, tensor) + " needs " + bytes + " bytes, too many.");
    }
    return (int) bytes;
  }

  /** Whether the tensor's data comes from a non-empty buffer of the model (a constant). */
  static boolean isConstant(Model model, Tensor tensor) {
    int b = tensor.buffer();
    return b >= 0 && b < model.buffers().size() && model.buffers().get(b).data().length > 0;
  }

  static Tensor tensor(Model model, int subgraph, int index, String role) {
    SubGraph sg = model.subgraphs().get(subgraph);
    if (index < 0 || index >= sg.tensors().size()) {
      throw new PlanningException(
          "Subgraph "
              + subgraph
              + " refers to tensor "
              + index
              + " as "
              + role
              + ", but it has only "
              + sg.tensors().size()
              + " tensors; the model is malformed.");
    }
    return sg.tensors().get(index);
  }

  static String describe(int subgraph, int index, Tensor tensor) {
    String name =
        tensor.name() == null || tensor.name().isEmpty() ? "" : " '" + tensor.name() + "'";
    return index + name + " of subgraph " + subgraph;
  }
}
