package dev.tinyml.savedmodel;

import org.tensorflow.proto.AttrValue;

/** Reads a node's TensorFlow attributes, with TensorFlow's defaults where one is missing. */
final class Attrs {
  private Attrs() {}

  static AttrValue attr(Node n, String name) {
    return n.attrs.getOrDefault(name, AttrValue.getDefaultInstance());
  }

  static int[] ints(Node n, String name) {
    return attr(n, name).getList().getIList().stream().mapToInt(Long::intValue).toArray();
  }

  static String string(Node n, String name) {
    return attr(n, name).getS().toStringUtf8();
  }

  /** TF1 reductions call it {@code keep_dims}, later ones {@code keepdims}. */
  static boolean keepDims(Node n) {
    return n.attrs.containsKey("keep_dims")
        ? n.attrs.get("keep_dims").getB()
        : attr(n, "keepdims").getB();
  }

  static DType type(Node n, String name, DType dflt) {
    AttrValue a = n.attrs.get(name);
    return a == null ? dflt : DType.of(a.getType());
  }

  static float floatOr(Node n, String name, float dflt) {
    return n.attrs.containsKey(name) ? attr(n, name).getF() : dflt;
  }

  static int[] dilations(Node n) {
    return n.attrs.containsKey("dilations") ? ints(n, "dilations") : new int[] {1, 1, 1, 1};
  }

  static void requireNhwc(Node n) {
    AttrValue f = n.attrs.get("data_format");
    if (f != null
        && !f.getS().toStringUtf8().isEmpty()
        && !f.getS().toStringUtf8().equals("NHWC")) {
      throw new IllegalArgumentException(
          "uses data format "
              + f.getS().toStringUtf8()
              + "; only NHWC (channels last) is supported. "
              + "Build the model with channels_last (the Keras default on CPU)");
    }
  }
}
