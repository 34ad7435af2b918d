package dev.tinyml.predict;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.InterpreterException;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.interp.TensorBuffer;
import dev.tinyml.interp.TensorInfo;
import dev.tinyml.plan.ArenaPlanner;
import dev.tinyml.plan.PlanningException;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TfliteFormatException;
import dev.tinyml.tflite.TfliteReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One run of a model on input files, as the {@code predict} goal does it: the outputs (raw and
 * dequantized) and the arena sizes the memory planner computes.
 *
 * @param model the model file
 * @param outputs one entry per model output
 * @param tflmGreedyArenaBytes TFLM's greedy plan of the non-persistent arena
 * @param plannedArenaBytes our own (never larger) plan
 */
public record Prediction(
    Path model, List<Output> outputs, int tflmGreedyArenaBytes, int plannedArenaBytes) {

  /**
   * One output tensor.
   *
   * @param info name, type, shape and quantization
   * @param values raw values (integers exactly)
   * @param dequantized real values
   */
  public record Output(TensorInfo info, double[] values, float[] dequantized) {}

  /** Copies the list. */
  public Prediction {
    outputs = List.copyOf(outputs);
  }

  /**
   * Reads {@code model}, fills input {@code k} from {@code inputs.get(k)} (see {@link InputFiles}),
   * runs it once and plans its arena.
   *
   * @throws InterpreterException with a message naming the file, op or tensor at fault
   */
  public static Prediction run(Path model, List<Path> inputs) {
    Model m;
    try {
      m = TfliteReader.read(model);
    } catch (TfliteFormatException e) {
      // The reader's message already names the file, in the words every goal uses.
      throw new InterpreterException(e.getMessage(), e);
    }
    PreparedModel prepared = PreparedModel.prepare(m);
    Interpreter it = prepared.newInterpreter();
    if (inputs.size() != it.inputCount()) {
      throw new InterpreterException(
          "the model has "
              + it.inputCount()
              + " input(s) "
              + describe(prepared.inputs())
              + " but "
              + inputs.size()
              + " input file(s) were given");
    }
    for (int k = 0; k < inputs.size(); k++) {
      InputFiles.load(it.input(k), inputs.get(k));
    }
    it.invoke();
    List<Output> outs = new ArrayList<>();
    for (int k = 0; k < it.outputCount(); k++) {
      TensorBuffer b = it.output(k);
      outs.add(new Output(b.info(), b.values(), b.dequantized()));
    }
    try {
      return new Prediction(
          model,
          outs,
          ArenaPlanner.tflmGreedy(m).totalBytes(),
          ArenaPlanner.planned(m).totalBytes());
    } catch (PlanningException e) {
      // Reported as this method's one exception, so that callers such as the predict goal need
      // not know the planner.
      throw new InterpreterException(
          "ran " + model + " but cannot plan its arena: " + e.getMessage(), e);
    }
  }

  private static String describe(List<TensorInfo> infos) {
    StringBuilder sb = new StringBuilder();
    for (TensorInfo t : infos) {
      sb.append(sb.length() == 0 ? "" : ", ").append(t.describe());
    }
    return sb.toString();
  }

  /** The result as deterministic, pretty-printed JSON. */
  public String toJson() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("model", model.toString());
      g.writeArrayFieldStart("outputs");
      for (Output o : outputs) {
        g.writeStartObject();
        g.writeStringField("name", o.info().name());
        g.writeStringField("type", o.info().type().name().toLowerCase(Locale.ROOT));
        g.writeArrayFieldStart("shape");
        for (int d : o.info().shape()) {
          g.writeNumber(d);
        }
        g.writeEndArray();
        if (o.info().quantized()) {
          g.writeNumberField("scale", o.info().scale());
          g.writeNumberField("zeroPoint", o.info().zeroPoint());
        }
        g.writeArrayFieldStart("values");
        for (double v : o.values()) {
          if (o.info().type() == TensorType.FLOAT32) {
            g.writeNumber((float) v);
          } else {
            g.writeNumber((long) v);
          }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("dequantized");
        for (float v : o.dequantized()) {
          g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("arenaBytes");
      g.writeNumberField("tflmGreedy", tflmGreedyArenaBytes);
      g.writeNumberField("planned", plannedArenaBytes);
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8) + "\n";
  }

  /** Writes {@link #toJson()} to {@code file} atomically (temp file, then move). */
  public void writeJson(Path file) throws IOException {
    dev.tinyml.io.AtomicFiles.write(file, toJson());
  }

  /** A few lines for a console: each output's argmax and values. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    for (Output o : outputs) {
      int arg = 0;
      for (int i = 1; i < o.values().length; i++) {
        if (o.values()[i] > o.values()[arg]) {
          arg = i;
        }
      }
      sb.append(o.info().describe()).append(": argmax ").append(arg);
      if (o.values().length <= 16) {
        sb.append(", values ").append(Arrays.toString(o.dequantized()));
      }
      sb.append('\n');
    }
    sb.append("arena: TFLM greedy plan ")
        .append(tflmGreedyArenaBytes)
        .append(" bytes, our plan ")
        .append(plannedArenaBytes)
        .append(" bytes");
    return sb.toString();
  }
}
