package dev.tinyml.quant;

import dev.tinyml.interp.Interpreter;
import dev.tinyml.interp.InterpreterException;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the float model on the representative data and feeds every watched tensor's values to its
 * observer. The model is run through a "probe" copy whose outputs are all watched tensors, so the
 * ordinary interpreter exposes them. Samples are pulled a batch at a time and spread over worker
 * threads, each with its own interpreter; observers are then fed in sample order, so the result
 * does not depend on the thread count.
 */
final class Calibrator {

  /**
   * What calibration learned.
   *
   * @param ranges calibrated range per tensor index
   * @param channelMeans for the tensors asked for, the mean of the values at each position modulo
   *     the given period (the last dimension for conv inputs, the input depth for dense inputs)
   * @param samples number of samples run
   */
  record Result(Map<Integer, Range> ranges, Map<Integer, double[]> channelMeans, long samples) {}

  private Calibrator() {}

  /** A copy of {@code model} sharing its parts, whose outputs are {@code outputs}. */
  static Model probe(Model model, int[] outputs) {
    SubGraph src = model.primarySubgraph();
    SubGraph g = new SubGraph();
    g.tensors().addAll(src.tensors());
    g.operators().addAll(src.operators());
    g.setInputs(src.inputs().clone());
    g.setOutputs(outputs.clone());
    Model probe = new Model();
    probe.operatorCodes().addAll(model.operatorCodes());
    probe.buffers().addAll(model.buffers());
    probe.subgraphs().add(g);
    return probe;
  }

  static Result calibrate(
      Model model,
      int[] watched,
      CalibrationPlan plan,
      Map<Integer, Integer> meanPeriods,
      RepresentativeDataset data,
      int batchSize,
      int threads) {
    SubGraph graph = model.primarySubgraph();
    PreparedModel prepared;
    try {
      prepared = PreparedModel.prepare(probe(model, watched));
    } catch (InterpreterException e) {
      throw new QuantizationException(
          "the float model cannot run for calibration: " + e.getMessage(), e);
    }
    RangeObserver[] observers = new RangeObserver[watched.length];
    double[][] sums = new double[watched.length][];
    for (int j = 0; j < watched.length; j++) {
      Tensor t = graph.tensors().get(watched[j]);
      observers[j] = plan.methodFor(nameOf(t, watched[j])).newObserver();
      Integer period = meanPeriods.get(watched[j]);
      if (period != null) {
        sums[j] = new double[period];
      }
    }
    int workers = Math.max(1, Math.min(threads, batchSize));
    Interpreter[] interpreters = new Interpreter[workers];
    for (int k = 0; k < workers; k++) {
      interpreters[k] = prepared.newInterpreter();
    }
    ExecutorService pool =
        workers == 1
            ? null
            : Executors.newFixedThreadPool(
                workers,
                r -> {
                  Thread th = new Thread(r, "tinyml-calibration");
                  th.setDaemon(true);
                  return th;
                });
    long seen = 0;
    try {
      Iterator<float[][]> it = data.iterator();
      List<float[][]> batch = new ArrayList<>(batchSize);
      while (it.hasNext()) {
        batch.clear();
        while (batch.size() < batchSize && it.hasNext()) {
          batch.add(it.next());
        }
        float[][][] results = runBatch(prepared, interpreters, pool, batch, seen);
        for (int s = 0; s < results.length; s++) {
          for (int j = 0; j < watched.length; j++) {
            float[] values = results[s][j];
            try {
              observers[j].observe(values);
            } catch (IllegalArgumentException e) {
              throw new QuantizationException(
                  "tensor '"
                      + nameOf(graph.tensors().get(watched[j]), watched[j])
                      + "' produced a non-finite value on sample "
                      + (seen + s)
                      + " ("
                      + e.getMessage()
                      + "); check the model's weights and the data",
                  e);
            }
            if (sums[j] != null) {
              double[] sum = sums[j];
              for (int k = 0; k < values.length; k++) {
                sum[k % sum.length] += values[k];
              }
            }
          }
        }
        seen += results.length;
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    if (seen == 0) {
      throw new QuantizationException(
          "the representative dataset is empty; calibration needs at least one sample"
              + " (typically 100 to 500 drawn from the training data)");
    }
    Map<Integer, Range> ranges = new TreeMap<>();
    Map<Integer, double[]> means = new TreeMap<>();
    for (int j = 0; j < watched.length; j++) {
      ranges.put(watched[j], observers[j].range());
      if (sums[j] != null) {
        Tensor t = graph.tensors().get(watched[j]);
        double perChannel = (double) seen * t.elementCount() / sums[j].length;
        double[] mean = new double[sums[j].length];
        for (int c = 0; c < mean.length; c++) {
          mean[c] = sums[j][c] / perChannel;
        }
        means.put(watched[j], mean);
      }
    }
    return new Result(ranges, means, seen);
  }

  private static float[][][] runBatch(
      PreparedModel prepared,
      Interpreter[] interpreters,
      ExecutorService pool,
      List<float[][]> batch,
      long firstSample) {
    int n = batch.size();
    float[][][] results = new float[n][][];
    if (pool == null) {
      runChunk(prepared, interpreters[0], batch, results, 0, n, firstSample);
      return results;
    }
    int workers = Math.min(interpreters.length, n);
    List<Future<?>> futures = new ArrayList<>();
    for (int k = 0; k < workers; k++) {
      int from = (int) ((long) k * n / workers);
      int to = (int) ((long) (k + 1) * n / workers);
      Interpreter interpreter = interpreters[k];
      futures.add(
          pool.submit(
              () -> runChunk(prepared, interpreter, batch, results, from, to, firstSample)));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QuantizationException("calibration was interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new QuantizationException("calibration failed: " + cause, cause);
      }
    }
    return results;
  }

  private static void runChunk(
      PreparedModel prepared,
      Interpreter it,
      List<float[][]> batch,
      float[][][] results,
      int from,
      int to,
      long firstSample) {
    int outputs = prepared.outputs().size();
    for (int s = from; s < to; s++) {
      ModelRunner.setInputs(prepared.inputs(), it, batch.get(s), firstSample + s, "the model");
      it.invoke();
      float[][] values = new float[outputs][];
      for (int j = 0; j < outputs; j++) {
        values[j] = it.output(j).floats();
      }
      results[s] = values;
    }
  }

  static String nameOf(Tensor t, int index) {
    return t.name() == null || t.name().isEmpty() ? "#" + index : t.name();
  }
}
