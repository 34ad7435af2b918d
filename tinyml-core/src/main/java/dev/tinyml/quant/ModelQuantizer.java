package dev.tinyml.quant;

import dev.tinyml.ops.FixedOutputRules;
import dev.tinyml.ops.Int8Rules;
import dev.tinyml.ops.OpNode;
import dev.tinyml.ops.OpRegistry;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a float TFLite model into the full-integer model TFLite Micro runs: int8 activations with
 * calibrated per-tensor parameters, symmetric int8 weights (per channel for convolutions), int32
 * biases, the fixed output parameters and shared parameters TFLM's kernels require, and the lowest
 * op versions that carry those features. With {@link QuantizationScheme#INT16X8} activations are
 * int16 (symmetric, zero point 0) and the biases int64, for the ops TFLM has 16x8 kernels for.
 *
 * <pre>{@code
 * Model int8 = ModelQuantizer.quantize(floatModel, RepresentativeDataset.ofSingleInput(samples));
 * }</pre>
 *
 * <p>The input model is not modified. Tensor indices of the float model are kept (new tensors, such
 * as the int8 side of a float input, are appended), so tensors can be compared one to one. The
 * result is deterministic: the same model and data give the same model, whatever the thread count.
 */
public final class ModelQuantizer {

  /** The ops the quantizer can rewrite: those whose op class has {@link Int8Rules}. */
  static final Set<BuiltinOperator> SUPPORTED = quantizableOps();

  private static Set<BuiltinOperator> quantizableOps() {
    Set<BuiltinOperator> ops = EnumSet.noneOf(BuiltinOperator.class);
    for (BuiltinOperator b : OpRegistry.builtins()) {
      OpRegistry.int8Rules(b).filter(Int8Rules::quantizable).ifPresent(r -> ops.add(b));
    }
    return ops;
  }

  /** The ops the int16x8 scheme can rewrite: those TFLM has 16x8 kernels for. */
  static final Set<BuiltinOperator> SUPPORTED_16X8 = int16x8Ops();

  private static Set<BuiltinOperator> int16x8Ops() {
    Set<BuiltinOperator> ops = EnumSet.noneOf(BuiltinOperator.class);
    for (BuiltinOperator b : SUPPORTED) {
      if (rules(b).takesInt16Activations()) {
        ops.add(b);
      }
    }
    return ops;
  }

  /** The rules of an op that validation found {@link #SUPPORTED}. */
  static Int8Rules rules(BuiltinOperator b) {
    return OpRegistry.int8Rules(b)
        .orElseThrow(() -> new IllegalArgumentException("no int8 rules for " + b));
  }

  private final Model source;
  private final SubGraph graph;
  private final List<Tensor> tensors;
  private final QuantizationOptions options;
  private final boolean[] constant;
  private final Map<Integer, WeightUse> weights;
  private final Map<Integer, WeightUse> biases;
  private final Map<Integer, Integer> meanPeriods;
  private final BiasCorrection biasCorrection;
  private final boolean carriesTrainedRanges;
  private final boolean int16;
  private final TensorType activationType;

  /** Concatenation inputs (op index to input positions) with fixed parameters of their own. */
  private final Map<Integer, List<Integer>> requantized = new TreeMap<>();

  private ModelQuantizer(Model source, QuantizationOptions options) {
    this.source = source;
    this.options = options;
    if (source.subgraphs().size() != 1) {
      throw new QuantizationException(
          "the model has "
              + source.subgraphs().size()
              + " subgraphs; the quantizer handles single-subgraph models (no control flow)");
    }
    this.graph = source.primarySubgraph();
    this.tensors = graph.tensors();
    this.int16 = options.scheme() == QuantizationScheme.INT16X8;
    this.activationType = options.scheme().activationType();
    if (int16) {
      refuseOpsWithout16x8Kernels();
    }
    this.constant = new boolean[tensors.size()];
    for (int i = 0; i < tensors.size(); i++) {
      int b = tensors.get(i).buffer();
      constant[i] =
          b > 0 && b < source.buffers().size() && source.dataOf(tensors.get(i)).length > 0;
    }
    this.carriesTrainedRanges = hasTrainedRanges();
    QuantizerInputCheck check = new QuantizerInputCheck(source, graph, constant);
    check.run();
    this.weights = check.weights;
    this.biases = check.biases;
    this.meanPeriods = check.meanPeriods;
    this.biasCorrection = new BiasCorrection(source, graph, this::floats);
  }

  /** One error naming every op the int16x8 scheme cannot rewrite. */
  private void refuseOpsWithout16x8Kernels() {
    List<String> refused = new ArrayList<>();
    List<Operator> ops = graph.operators();
    for (int k = 0; k < ops.size(); k++) {
      BuiltinOperator b = source.opOf(ops.get(k));
      if (b == null || !SUPPORTED_16X8.contains(b)) {
        refused.add("op #" + k + " (" + source.operatorCodeOf(ops.get(k)).displayName() + ")");
      }
    }
    if (!refused.isEmpty()) {
      throw new QuantizationException(
          String.join(", ", refused)
              + (refused.size() == 1 ? " has" : " have")
              + " no 16x8 kernel in TFLite Micro, so the model cannot be quantized to int16x8;"
              + " int16x8 supports "
              + SUPPORTED_16X8
              + ". Quantize to int8 instead, or replace those ops.");
    }
  }

  private float[] floats(int t) {
    return QuantizerInputCheck.floats(source, tensors.get(t));
  }

  /**
   * Quantizes with {@link QuantizationOptions#defaults()}.
   *
   * @param floatModel the float32 model
   * @param data representative samples
   * @return the int8 model
   * @throws QuantizationException for unsupported ops, already-quantized models, non-finite weights
   *     or data, or an empty dataset
   */
  public static Model quantize(Model floatModel, RepresentativeDataset data) {
    return quantize(floatModel, data, QuantizationOptions.defaults());
  }

  /**
   * Quantizes a float model.
   *
   * @param floatModel the float32 model (not modified); a hybrid (dynamic-range) model, with int8
   *     conv or dense weights under float activations, is taken too: its weights are dequantized
   *     first
   * @param data representative samples, one {@code float[]} per model input each
   * @param options how to quantize
   * @return the int8 model
   * @throws QuantizationException for unsupported ops, already-quantized models, non-finite weights
   *     or data, or an empty dataset
   */
  public static Model quantize(
      Model floatModel, RepresentativeDataset data, QuantizationOptions options) {
    ModelQuantizer q = new ModelQuantizer(HybridWeights.toFloat(floatModel), options);
    return q.rewrite(q.calibrate(data));
  }

  // ---------------------------------------------------------------- calibration

  private Calibrator.Result calibrate(RepresentativeDataset data) {
    List<Integer> watched = new ArrayList<>();
    for (int i = 0; i < tensors.size(); i++) {
      if (isActivation(i) && qatRange(i) == null) {
        watched.add(i);
      }
    }
    Map<Integer, Integer> periods = options.biasCorrection() ? meanPeriods : Map.of();
    for (Integer t : periods.keySet()) {
      if (!watched.contains(t)) {
        watched.add(t);
      }
    }
    watched.sort(null);
    if (watched.isEmpty()) {
      return new Calibrator.Result(Map.of(), Map.of(), 0);
    }
    return Calibrator.calibrate(
        source,
        watched.stream().mapToInt(Integer::intValue).toArray(),
        options.calibration(),
        periods,
        data,
        options.batchSize(),
        options.threads());
  }

  private boolean isActivation(int t) {
    return !constant[t] && tensors.get(t).type() == TensorType.FLOAT32 && isUsed(t);
  }

  private boolean isUsed(int t) {
    for (int i : graph.inputs()) {
      if (i == t) {
        return true;
      }
    }
    for (Operator op : graph.operators()) {
      for (int i : op.inputs()) {
        if (i == t) {
          return true;
        }
      }
      for (int o : op.outputs()) {
        if (o == t) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A range learned by quantization-aware training (min/max carried by the tensor), or null. Ranges
   * count as learned only when some tensor other than a model input carries one: TOCO-era float
   * models often carry a default range (such as [0, 255]) on their inputs alone, which says nothing
   * about the data.
   */
  private Range qatRange(int t) {
    if (!carriesTrainedRanges) {
      return null;
    }
    return carriedRange(t);
  }

  private Range carriedRange(int t) {
    QuantizationParameters q = tensors.get(t).quantization();
    if (q != null && q.min().length == 1 && q.max().length == 1) {
      return new Range(q.min()[0], q.max()[0]);
    }
    return null;
  }

  private boolean hasTrainedRanges() {
    for (int t = 0; t < tensors.size(); t++) {
      final int index = t;
      boolean modelInput = Arrays.stream(graph.inputs()).anyMatch(i -> i == index);
      if (!modelInput && !constant[t] && carriedRange(t) != null) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- parameters

  /** Parameters of every int8 activation-like tensor, after sharing and fixed-output rules. */
  private Map<Integer, QuantParams> activationParams(Calibrator.Result calibration) {
    int n = tensors.size();
    TensorGroups groups = new TensorGroups(n);
    Map<Integer, Range> ranges = new TreeMap<>();
    Map<Integer, QuantParams> fixed = new TreeMap<>();
    for (int t = 0; t < n; t++) {
      if (isActivation(t)) {
        Range r = qatRange(t);
        ranges.put(t, r != null ? r : calibration.ranges().get(t));
      }
    }
    List<Operator> ops = graph.operators();
    for (int k = 0; k < ops.size(); k++) {
      Operator op = ops.get(k);
      BuiltinOperator b = source.opOf(op);
      int[] in = op.inputs();
      int[] outs = op.outputs();
      int out = outs[0];
      boolean weighted = rules(b).weightsChannelAxis() >= 0;
      for (int j = 0; j < in.length; j++) {
        int t = in[j];
        if (t >= 0 && constant[t] && tensors.get(t).type() == TensorType.FLOAT32 && !weighted) {
          ranges.computeIfAbsent(t, x -> valueRange(x));
        }
      }
      Int8Rules rule = rules(b);
      switch (rule.outputParams()) {
        case SHARED_WITH_INPUT -> {
          for (int o : outs) {
            groups.join(in[rule.sharedInput()], o);
          }
        }
        case SHARED_WITH_ALL_INPUTS -> {
          // TFLM's concatenation needs one scale for all inputs and the output. An input whose
          // parameters are fixed (a softmax, logistic or tanh output) keeps them and is
          // requantized into the shared ones by a QUANTIZE op, as the converter does.
          for (int j = 0; j < in.length; j++) {
            int t = in[j];
            if (fixed.containsKey(groups.root(t)) || fixed.containsKey(t)) {
              requantized.computeIfAbsent(k, x -> new ArrayList<>()).add(j);
              Range r = ranges.get(t);
              if (r != null) {
                ranges.merge(
                    out,
                    r,
                    (a, c) -> new Range(Math.min(a.min(), c.min()), Math.max(a.max(), c.max())));
              }
            } else {
              groups.join(t, out);
            }
          }
        }
        case FIXED ->
            fixed.put(
                out,
                int16
                    ? int16FixedOutput(b, rule)
                    : new QuantParams(rule.fixedOutputScale(), rule.fixedOutputZeroPoint()));
        case CALIBRATED -> {}
      }
    }
    // Each group of tensors that must share parameters: fixed ones win, else the union range.
    Map<Integer, QuantParams> groupFixed = new TreeMap<>();
    Map<Integer, Integer> groupFixedBy = new TreeMap<>();
    for (Map.Entry<Integer, QuantParams> e : fixed.entrySet()) {
      int root = groups.root(e.getKey());
      QuantParams prior = groupFixed.putIfAbsent(root, e.getValue());
      if (prior != null && !prior.equals(e.getValue())) {
        throw new QuantizationException(
            "tensors '"
                + Calibrator.nameOf(tensors.get(groupFixedBy.get(root)), groupFixedBy.get(root))
                + "' and '"
                + Calibrator.nameOf(tensors.get(e.getKey()), e.getKey())
                + "' must share int8 parameters but have different fixed ones");
      }
      groupFixedBy.putIfAbsent(root, e.getKey());
    }
    Map<Integer, float[]> groupRange = new TreeMap<>();
    for (Map.Entry<Integer, Range> e : ranges.entrySet()) {
      int root = groups.root(e.getKey());
      Range r = e.getValue();
      groupRange.merge(
          root,
          new float[] {r.min(), r.max()},
          (a, c) -> new float[] {Math.min(a[0], c[0]), Math.max(a[1], c[1])});
    }
    Map<Integer, QuantParams> params = new TreeMap<>();
    for (int t : ranges.keySet()) {
      int root = groups.root(t);
      QuantParams p = groupFixed.get(root);
      if (p == null) {
        float[] r = groupRange.get(root);
        p =
            int16
                ? QuantMath.int16ActivationParams(r[0], r[1])
                : QuantMath.activationParams(r[0], r[1]);
      }
      params.put(t, p);
    }
    return params;
  }

  /** The int16 output parameters a SOFTMAX, LOGISTIC or TANH kernel requires. */
  private static QuantParams int16FixedOutput(BuiltinOperator b, Int8Rules rule) {
    if (!(rule instanceof FixedOutputRules f)) {
      throw new IllegalStateException(b + " fixes its output but names no int16 output");
    }
    FixedOutputRules.Quantization q = f.fixedInt16Output();
    return new QuantParams(q.scale(), q.zeroPoint());
  }

  private Range valueRange(int t) {
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (float v : floats(t)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return lo <= hi ? new Range(lo, hi) : new Range(0, 0);
  }

  // ---------------------------------------------------------------- rewriting

  private Model rewrite(Calibrator.Result calibration) {
    Map<Integer, QuantParams> params = activationParams(calibration);

    Model out = new Model();
    out.setVersion(source.version());
    out.setDescription(source.description());
    for (OperatorCode c : source.operatorCodes()) {
      out.operatorCodes().add(new OperatorCode(c.builtinCodeValue(), c.customCode(), c.version()));
    }
    for (Buffer b : source.buffers()) {
      out.buffers().add(new Buffer(b.data().clone()));
    }
    SubGraph g = new SubGraph();
    g.setName(graph.name());
    for (Tensor t : tensors) {
      g.tensors().add(copy(t));
    }
    for (Operator op : graph.operators()) {
      BuiltinOptions options =
          int16 ? rules(source.opOf(op)).int16x8Options(op.options()) : op.options();
      Operator c =
          new Operator(op.opcodeIndex(), op.inputs().clone(), op.outputs().clone(), options);
      c.setCustomOptions(op.customOptions() == null ? null : op.customOptions().clone());
      c.setIntermediates(op.intermediates().clone());
      g.operators().add(c);
    }
    g.setInputs(graph.inputs().clone());
    g.setOutputs(graph.outputs().clone());
    out.subgraphs().add(g);
    out.metadata().addAll(source.metadata());
    out.signatureDefs().addAll(source.signatureDefs());

    Map<Integer, Integer> bufferOwner = new HashMap<>();
    for (Map.Entry<Integer, QuantParams> e : params.entrySet()) {
      int t = e.getKey();
      QuantParams p = e.getValue();
      Tensor nt = g.tensors().get(t);
      nt.setType(activationType);
      nt.setQuantization(QuantizationParameters.perTensor(p.scale(), p.zeroPoint()));
      if (constant[t]) {
        byte[] data =
            int16
                ? QuantMath.quantizeInt16(floats(t), p.scale())
                : QuantMath.quantize(floats(t), p);
        setData(out, nt, t, data, bufferOwner);
      }
    }

    Map<Integer, QuantizedWeights> quantizedWeights = new TreeMap<>();
    for (Map.Entry<Integer, WeightUse> e : weights.entrySet()) {
      int t = e.getKey();
      WeightUse use = e.getValue();
      Tensor nt = g.tensors().get(t);
      boolean perChannel =
          !rules(use.builtin()).perTensorWeightsByDefault() || options.perChannelFullyConnected();
      QuantizedWeights q;
      try {
        // An int64 bias cannot overflow, so 16x8 weights keep their own range.
        double[] floor = int16 ? null : biasRangeFloor(use, perChannel, nt.shape(), params);
        q =
            perChannel
                ? QuantMath.quantizeWeightsPerChannel(floats(t), nt.shape(), use.axis(), floor)
                : QuantMath.quantizeWeightsPerTensor(floats(t), floor == null ? 0 : floor[0]);
      } catch (IllegalArgumentException ex) {
        throw new QuantizationException(
            "weights '" + Calibrator.nameOf(nt, t) + "': " + ex.getMessage(), ex);
      }
      quantizedWeights.put(t, q);
      nt.setType(TensorType.INT8);
      nt.setQuantization(
          perChannel
              ? QuantizationParameters.perChannel(
                  q.scales(), new long[q.scales().length], use.axis())
              : QuantizationParameters.perTensor(q.scales()[0], 0));
      setData(out, nt, t, q.values(), bufferOwner);
    }

    Map<Integer, float[]> biasScalesByTensor = new TreeMap<>();
    for (Map.Entry<Integer, WeightUse> e : biases.entrySet()) {
      int t = e.getKey();
      WeightUse use = e.getValue();
      Tensor nt = g.tensors().get(t);
      QuantizedWeights w = quantizedWeights.get(use.weights());
      float inputScale = params.get(use.input()).scale();
      float[] bias = floats(t);
      float[] scales = QuantMath.biasScales(inputScale, w.scales(), bias.length);
      float[] prior = biasScalesByTensor.putIfAbsent(t, scales);
      if (prior != null && !Arrays.equals(prior, scales)) {
        throw new QuantizationException(
            "bias '" + Calibrator.nameOf(nt, t) + "' is shared by ops whose scales differ");
      }
      if (options.biasCorrection()) {
        bias = biasCorrection.corrected(use, w, bias, calibration.channelMeans().get(use.input()));
      }
      byte[] data;
      if (int16) {
        // TFLite's converter gives 16x8 convolutions and dense layers int64 biases by default.
        long[] q = QuantMath.quantizeBias64(bias, scales);
        ByteBuffer bb = ByteBuffer.allocate(q.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        bb.asLongBuffer().put(q);
        data = bb.array();
        nt.setType(TensorType.INT64);
      } else {
        int[] q = QuantMath.quantizeBias(bias, scales);
        ByteBuffer bb = ByteBuffer.allocate(q.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.asIntBuffer().put(q);
        data = bb.array();
        nt.setType(TensorType.INT32);
      }
      nt.setQuantization(
          w.perChannel()
              ? QuantizationParameters.perChannel(scales, new long[scales.length], 0)
              : QuantizationParameters.perTensor(scales[0], 0));
      setData(out, nt, t, data, bufferOwner);
    }

    QuantizeOpInsertion insertion = new QuantizeOpInsertion(out, g, activationType);
    insertion.requantizeConcatInputs(requantized);
    insertion.addFloatEdges(options.inputType(), options.outputType());
    setOpVersions(out, g);
    return out;
  }

  /**
   * Per channel (or once, per tensor) the least weight half-range that keeps the op's bias inside
   * int32, or null when the op has no bias.
   */
  private double[] biasRangeFloor(
      WeightUse use, boolean perChannel, int[] shape, Map<Integer, QuantParams> params) {
    Operator op = graph.operators().get(use.op());
    int biasInput = rules(use.builtin()).weightedInputs().bias();
    if (op.inputs().length <= biasInput || op.inputs()[biasInput] < 0) {
      return null;
    }
    float[] bias = floats(op.inputs()[biasInput]);
    float[] w = floats(use.weights());
    double inputScale = params.get(use.input()).scale();
    if (!perChannel) {
      double absMax = 0;
      for (float v : w) {
        absMax = Math.max(absMax, Math.abs(v));
      }
      double biasMax = 0;
      for (float b : bias) {
        biasMax = Math.max(biasMax, Math.abs(b));
      }
      return new double[] {QuantMath.minWeightRangeForBias(biasMax, inputScale, absMax)};
    }
    int channels = shape[use.axis()];
    int inner = 1;
    for (int d = use.axis() + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    double[] absMax = new double[channels];
    for (int i = 0; i < w.length; i++) {
      int c = (i / inner) % channels;
      absMax[c] = Math.max(absMax[c], Math.abs(w[i]));
    }
    double[] floor = new double[channels];
    for (int c = 0; c < channels; c++) {
      floor[c] = QuantMath.minWeightRangeForBias(bias[c % bias.length], inputScale, absMax[c]);
    }
    return floor;
  }

  private static Tensor copy(Tensor t) {
    Tensor c = new Tensor(t.name(), t.type(), t.shape().clone());
    c.setShapeSignature(t.shapeSignature() == null ? null : t.shapeSignature().clone());
    c.setBuffer(t.buffer());
    c.setVariable(t.isVariable());
    c.setSparsity(t.sparsity());
    c.setQuantization(t.quantization());
    return c;
  }

  /** Stores a tensor's new bytes in its buffer, or in a new one if another tensor owns it. */
  private static void setData(
      Model out, Tensor nt, int t, byte[] data, Map<Integer, Integer> bufferOwner) {
    Integer owner = bufferOwner.putIfAbsent(nt.buffer(), t);
    if (owner == null || owner == t) {
      out.buffers().set(nt.buffer(), new Buffer(data));
    } else {
      nt.setBuffer(out.addBuffer(new Buffer(data)));
    }
  }

  private void setOpVersions(Model out, SubGraph g) {
    int[] versions = new int[out.operatorCodes().size()];
    for (Operator op : g.operators()) {
      Int8Rules r = rules(out.opOf(op));
      // The op's version rule reads the quantized operator's types, int8 or int16 (16x8).
      OpNode node = new OpNode(out, g, op);
      int v = r.int8Version(node);
      versions[op.opcodeIndex()] = Math.max(versions[op.opcodeIndex()], v);
    }
    for (int i = 0; i < versions.length; i++) {
      if (versions[i] > 0) {
        out.operatorCodes().get(i).setVersion(versions[i]);
      }
    }
  }
}
