package dev.tinyml.savedmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;

/**
 * One operation of the importer's internal graph, after function inlining: its inputs point at
 * other nodes' outputs. Each output has a type, a static shape (null while unknown) and, once
 * folded, a constant value.
 */
final class Node {
  final String name;
  final String op;
  final String layer;
  final List<Port> inputs;
  final Map<String, AttrValue> attrs;
  final DType[] types;
  final int[][] shapes;
  final TensorValue[] values;

  Node(
      String name,
      String op,
      String layer,
      List<Port> inputs,
      Map<String, AttrValue> attrs,
      int outputs) {
    this.name = name;
    this.op = op;
    this.layer = layer;
    this.inputs = new ArrayList<>(inputs);
    this.attrs = attrs;
    this.types = new DType[outputs];
    this.shapes = new int[outputs][];
    this.values = new TensorValue[outputs];
  }

  /** A constant node holding {@code value}. */
  static Node constant(String name, String layer, TensorValue value) {
    Node n = new Node(name, "Const", layer, List.of(), Map.of(), 1);
    n.types[0] = value.type();
    n.shapes[0] = value.shape();
    n.values[0] = value;
    return n;
  }

  boolean isConstant() {
    return "Const".equals(op);
  }

  Port out(int index) {
    return new Port(this, index);
  }

  /** Where this node came from, for messages: node name, op and Keras layer. */
  String describe() {
    return "node '"
        + name
        + "' (op "
        + op
        + (layer.isEmpty() ? "" : ", layer '" + layer + "'")
        + ")";
  }

  @Override
  public String toString() {
    return name + "=" + op + inputs;
  }

  /** One output of a node. */
  record Port(Node node, int index) {
    DType type() {
      return node.types[index];
    }

    int[] shape() {
      return node.shapes[index];
    }

    TensorValue value() {
      return node.values[index];
    }

    boolean isConstant() {
      return node.values[index] != null;
    }

    @Override
    public String toString() {
      return node.name + (index == 0 ? "" : ":" + index);
    }
  }
}
