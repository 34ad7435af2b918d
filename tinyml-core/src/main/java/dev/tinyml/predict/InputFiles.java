package dev.tinyml.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinyml.interp.InterpreterException;
import dev.tinyml.interp.TensorBuffer;
import dev.tinyml.preprocess.Npy;
import dev.tinyml.preprocess.NpyArray;
import dev.tinyml.preprocess.PreprocessException;
import dev.tinyml.tflite.TensorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills an interpreter input from a file: {@code .bin} (the tensor's raw little-endian bytes),
 * {@code .npy} (raw values when the dtype is the tensor's type, real values to quantize when it is
 * floating point), or {@code .json} (an array of real numbers, possibly nested, quantized with the
 * tensor's scale and zero point).
 */
public final class InputFiles {

  private InputFiles() {}

  /**
   * Loads {@code file} into {@code input}.
   *
   * @throws InterpreterException naming the file and the tensor when the file cannot be read or
   *     does not fit the tensor
   */
  public static void load(TensorBuffer input, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".npy")) {
        loadNpy(input, file);
      } else if (name.endsWith(".json")) {
        input.setReal(readJsonNumbers(file));
      } else {
        input.setBytes(Files.readAllBytes(file));
      }
    } catch (NoSuchFileException e) {
      throw new InterpreterException("input file " + file + " does not exist");
    } catch (IOException e) {
      throw new InterpreterException("cannot read input file " + file + ": " + e.getMessage(), e);
    } catch (PreprocessException e) {
      throw new InterpreterException(e.getMessage(), e);
    } catch (InterpreterException e) {
      throw new InterpreterException(file + ": " + e.getMessage(), e);
    }
  }

  private static void loadNpy(TensorBuffer input, Path file) {
    NpyArray a = Npy.read(file);
    TensorType t = input.info().type();
    boolean same =
        (a.dtype() == NpyArray.Dtype.FLOAT32 && t == TensorType.FLOAT32)
            || (a.dtype() == NpyArray.Dtype.INT8 && t == TensorType.INT8)
            || (a.dtype() == NpyArray.Dtype.INT16 && t == TensorType.INT16)
            || (a.dtype() == NpyArray.Dtype.INT32 && t == TensorType.INT32)
            || (a.dtype() == NpyArray.Dtype.INT64 && t == TensorType.INT64)
            || (a.dtype() == NpyArray.Dtype.UINT8 && t == TensorType.UINT8);
    if (same) {
      input.setBytes(a.data());
    } else if (a.dtype() == NpyArray.Dtype.FLOAT32 || a.dtype() == NpyArray.Dtype.FLOAT64) {
      input.setReal(a.toDoubles());
    } else {
      throw new InterpreterException(
          "NPY dtype "
              + a.dtype().descr()
              + " does not match "
              + input.info().describe()
              + "; give "
              + t
              + " values or float real values to quantize");
    }
  }

  private static double[] readJsonNumbers(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.isArray()) {
      throw new InterpreterException("expected a JSON array of numbers");
    }
    List<Double> values = new ArrayList<>();
    flatten(root, values);
    double[] d = new double[values.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = values.get(i);
    }
    return d;
  }

  private static void flatten(JsonNode node, List<Double> out) {
    if (node.isArray()) {
      for (JsonNode n : node) {
        flatten(n, out);
      }
    } else if (node.isNumber()) {
      out.add(node.asDouble());
    } else {
      throw new InterpreterException("expected only numbers in the JSON array, found " + node);
    }
  }
}
