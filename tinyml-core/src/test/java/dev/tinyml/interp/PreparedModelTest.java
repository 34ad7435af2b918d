package dev.tinyml.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.FullyConnectedOptions;
import dev.tinyml.tflite.FullyConnectedOptionsWeightsFormat;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.SoftmaxOptions;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PreparedModelTest {

  /** in int8[1,2] (s=0.5, zp=1) x weights int8[1,2] {3,1} (s=0.25) + bias {4} -> out int8[1,1]. */
  private static Model int8Dense(TensorType weightType) {
    Model m = new Model();
    m.buffers().add(new Buffer());
    int weights = m.addBuffer(new Buffer(new byte[] {3, 1}));
    int bias =
        m.addBuffer(
            new Buffer(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(4).array()));
    SubGraph g = new SubGraph();
    TensorType io = weightType == TensorType.INT8 ? TensorType.INT8 : TensorType.FLOAT32;
    Tensor in = new Tensor("in", io, 1, 2);
    Tensor w = new Tensor("w", weightType, 1, 2).setBuffer(weights);
    Tensor b = new Tensor("b", TensorType.INT32, 1).setBuffer(bias);
    Tensor out = new Tensor("out", io, 1, 1);
    if (io == TensorType.INT8) {
      in.setQuantization(QuantizationParameters.perTensor(0.5f, 1));
      out.setQuantization(QuantizationParameters.perTensor(0.25f, -3));
    }
    w.setQuantization(QuantizationParameters.perTensor(0.25f, 0));
    b.setQuantization(QuantizationParameters.perTensor(0.125f, 0));
    g.addTensor(in);
    g.addTensor(w);
    g.addTensor(b);
    g.addTensor(out);
    g.setInputs(0);
    g.setOutputs(3);
    int code = m.addOperatorCode(new OperatorCode(BuiltinOperator.FULLY_CONNECTED, 1));
    g.operators()
        .add(
            new Operator(
                code,
                new int[] {0, 1, 2},
                new int[] {3},
                new FullyConnectedOptions(
                    ActivationFunctionType.NONE,
                    FullyConnectedOptionsWeightsFormat.DEFAULT,
                    false,
                    false,
                    TensorType.FLOAT32)));
    m.subgraphs().add(g);
    return m;
  }

  @Test
  void runsAnInt8DenseLayerIntegerForInteger() {
    PreparedModel prepared = PreparedModel.prepare(int8Dense(TensorType.INT8));
    Interpreter it = prepared.newInterpreter();
    it.input(0).setInt8(new byte[] {5, -1});
    it.invoke();
    // (5-1)*3 + (-1-1)*1 = 10, + 4 = 14; scale 0.5*0.25/0.25 = 0.5 -> 7, - 3 = 4
    assertThat(it.output(0).int8()).containsExactly(4);
    assertThat(it.output(0).dequantized()).containsExactly(1.75f);
  }

  @Test
  void interpretersOfOnePreparedModelRunInParallel() throws Exception {
    PreparedModel prepared = PreparedModel.prepare(int8Dense(TensorType.INT8));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<byte[]> a =
          pool.submit(
              () -> {
                Interpreter it = prepared.newInterpreter();
                it.input(0).setInt8(new byte[] {5, -1});
                it.invoke();
                return it.output(0).int8();
              });
      Future<byte[]> b =
          pool.submit(
              () -> {
                Interpreter it = prepared.newInterpreter();
                it.input(0).setInt8(new byte[] {1, 1});
                it.invoke();
                return it.output(0).int8();
              });
      assertThat(a.get()).containsExactly(4);
      assertThat(b.get()).containsExactly(-1); // 4 * 0.5 = 2, - 3
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void hybridModelsAreRefusedLikeTflmRefusesThem() {
    assertThatThrownBy(() -> PreparedModel.prepare(hybridModel()))
        .isInstanceOf(InterpreterException.class)
        .hasMessageContaining("op #0 FULLY_CONNECTED")
        .hasMessageContaining("Hybrid models are not supported on TFLite Micro")
        .hasMessageContaining("'w' INT8[1, 2]");
  }

  private static Model hybridModel() {
    Model m = int8Dense(TensorType.INT8);
    SubGraph g = m.primarySubgraph();
    g.tensors().get(0).setType(TensorType.FLOAT32).setQuantization(null);
    g.tensors().get(3).setType(TensorType.FLOAT32).setQuantization(null);
    return m;
  }

  @Test
  void customOpsOutsideTheSignalLibraryAreRefused() {
    Model m = int8Dense(TensorType.INT8);
    m.operatorCodes().set(0, OperatorCode.custom("MyFancyOp", 1));
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .isInstanceOf(InterpreterException.class)
        .hasMessageStartingWith("op #0 MyFancyOp: unsupported op (custom op)")
        .hasMessageContaining("SignalRfft");
  }

  @Test
  void signalOpsWithoutTheirFlexBufferOptionsAreRefusedAtPrepare() {
    Model m = int8Dense(TensorType.INT8);
    m.operatorCodes().set(0, OperatorCode.custom("SignalWindow", 1));
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .isInstanceOf(InterpreterException.class)
        .hasMessageStartingWith("op #0 SignalWindow: has no custom options");
  }

  @Test
  void unsupportedOpsAreNamedWithTheirIndex() {
    Model m = int8Dense(TensorType.INT8);
    m.operatorCodes().set(0, new OperatorCode(BuiltinOperator.CUMSUM, 1));
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .isInstanceOf(InterpreterException.class)
        .hasMessageStartingWith("op #0 CUMSUM: unsupported op");
  }

  @Test
  void optionsOfAnotherOpAreRefusedNamingTheOp() {
    Model m = int8Dense(TensorType.INT8);
    m.subgraphs().get(0).operators().get(0).setOptions(new SoftmaxOptions(1f));
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .isInstanceOf(InterpreterException.class)
        .hasMessageStartingWith("op #0 FULLY_CONNECTED: options SoftmaxOptions")
        .hasMessageContaining("are not FullyConnectedOptions");
  }

  @Test
  void weightsWithoutDimensionsAreRefusedNamingTheTensor() {
    Model m = int8Dense(TensorType.INT8);
    m.subgraphs().get(0).tensors().get(1).setShape();
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .isInstanceOf(InterpreterException.class)
        .hasMessageContaining("weights 'w' INT8[]")
        .hasMessageContaining("need a non-empty last dimension");
  }

  @Test
  void biasShorterThanTheOutputChannelsIsRefusedBeforeInvoke() {
    Model m = int8Dense(TensorType.INT8);
    m.subgraphs().get(0).tensors().get(2).setShape(0);
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .isInstanceOf(InterpreterException.class)
        .hasMessage(
            "op #0 FULLY_CONNECTED: bias 'b' INT32[0] must hold 1 INT32 values, one per output"
                + " channel");
  }

  @Test
  void tensorIndicesOutsideTheSubgraphAreRefusedNamingTheOp() {
    Model m = int8Dense(TensorType.INT8);
    m.subgraphs().get(0).operators().get(0).setInputs(0, 7, 2);
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .isInstanceOf(InterpreterException.class)
        .hasMessage(
            "op #0 FULLY_CONNECTED: tensor index 7 is outside the subgraph's 4 tensors;"
                + " the model file is corrupt");
  }

  @Test
  void operatorCodeIndicesOutsideTheModelAreRefused() {
    Model m = int8Dense(TensorType.INT8);
    m.subgraphs().get(0).operators().get(0).setOpcodeIndex(3);
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .isInstanceOf(InterpreterException.class)
        .hasMessageStartingWith("op #0: operator code index 3 is outside the model's 1 operator");
  }

  @Test
  void tooNewOpVersionsAreRefused() {
    Model m = int8Dense(TensorType.INT8);
    m.operatorCodes().set(0, new OperatorCode(BuiltinOperator.FULLY_CONNECTED, 99));
    assertThatThrownBy(() -> PreparedModel.prepare(m))
        .hasMessageContaining("op version 99 is newer than the interpreter supports");
  }

  @Test
  void wrongInputTypeOrSizeIsRefusedWithTheTensorName() {
    Interpreter it = PreparedModel.prepare(int8Dense(TensorType.INT8)).newInterpreter();
    assertThatThrownBy(() -> it.input(0).setFloat(new float[] {1, 2}))
        .isInstanceOf(InterpreterException.class)
        .hasMessage("input 0 'in' INT8[1, 2] holds INT8; setFloat needs a FLOAT32 tensor");
    assertThatThrownBy(() -> it.input(0).setInt8(new byte[3]))
        .hasMessage("input 0 'in' INT8[1, 2] has 2 elements, got 3");
    assertThatThrownBy(() -> it.input(0).setBytes(new byte[5]))
        .hasMessage("input 0 'in' INT8[1, 2] needs 2 bytes, got 5");
    assertThatThrownBy(() -> it.input(1)).hasMessageContaining("the model has 1 input(s)");
  }

  @Test
  void realInputsAreQuantizedWithTheTensorsParameters() {
    Interpreter it = PreparedModel.prepare(int8Dense(TensorType.INT8)).newInterpreter();
    it.input(0).setReal(new double[] {2.0, -1.0}); // 2/0.5 + 1 = 5, -1/0.5 + 1 = -1
    it.invoke();
    assertThat(it.output(0).int8()).containsExactly(4);
    assertThat(it.input(0).bytes()).containsExactly(5, -1);
  }
}
