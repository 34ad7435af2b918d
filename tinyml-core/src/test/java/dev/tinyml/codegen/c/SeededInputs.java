package dev.tinyml.codegen.c;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random inputs for a model and the Java interpreter's outputs on them. */
final class SeededInputs {
  private SeededInputs() {}

  /**
   * {@code runs} input sets, each one little-endian byte array per model input: uniform bytes for
   * integer tensors, uniform floats in [-4, 4) for float ones.
   */
  static List<byte[][]> of(Model model, int runs, long seed) {
    Random random = new Random(seed);
    int[] ins = model.primarySubgraph().inputs();
    List<byte[][]> result = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      byte[][] set = new byte[ins.length][];
      for (int i = 0; i < ins.length; i++) {
        Tensor t = model.primarySubgraph().tensors().get(ins[i]);
        int n = t.elementCount();
        ByteBuffer b;
        switch (t.type()) {
          case FLOAT32 -> {
            b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < n; k++) {
              b.putFloat(random.nextFloat() * 8f - 4f);
            }
          }
          case INT16 -> {
            b = ByteBuffer.allocate(2 * n);
            random.nextBytes(b.array());
          }
          case INT32 -> {
            b = ByteBuffer.allocate(4 * n);
            random.nextBytes(b.array());
          }
          default -> {
            b = ByteBuffer.allocate(n * Math.max(1, t.type().byteSize()));
            random.nextBytes(b.array());
          }
        }
        set[i] = b.array();
      }
      result.add(set);
    }
    return result;
  }

  /** The interpreter's output bytes for each run, {@code [run][output]}. */
  static byte[][][] javaOutputs(Model model, List<byte[][]> runs) {
    Interpreter it = PreparedModel.prepare(model).newInterpreter();
    int outputs = model.primarySubgraph().outputs().length;
    byte[][][] result = new byte[runs.size()][outputs][];
    for (int r = 0; r < runs.size(); r++) {
      byte[][] set = runs.get(r);
      for (int i = 0; i < set.length; i++) {
        it.input(i).setBytes(set[i]);
      }
      it.invoke();
      for (int o = 0; o < outputs; o++) {
        result[r][o] = it.output(o).bytes();
      }
    }
    return result;
  }
}
