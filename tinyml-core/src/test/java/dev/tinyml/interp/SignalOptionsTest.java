package dev.tinyml.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.flatbuffers.FlexBuffersBuilder;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOptions;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Signal ops read their FlexBuffers options by key, and refuse incomplete ones at prepare. */
class SignalOptionsTest {

  private static byte[] options(boolean clamping, boolean withSmoothingBits) {
    FlexBuffersBuilder b = new FlexBuffersBuilder();
    int start = b.startMap();
    b.putInt("alternate_one_minus_smoothing", 14336);
    b.putInt("alternate_smoothing", 2048);
    b.putBoolean("clamping", clamping);
    b.putInt("min_signal_remaining", 1638);
    b.putInt("num_channels", 2);
    b.putInt("one_minus_smoothing", 15360);
    b.putInt("smoothing", 1024);
    if (withSmoothingBits) {
      b.putInt("smoothing_bits", 10);
    }
    b.putInt("spectral_subtraction_bits", 14);
    b.endMap(null, start);
    ByteBuffer bb = b.finish();
    byte[] bytes = new byte[bb.remaining()];
    bb.get(bytes);
    return bytes;
  }

  private static Model spectralSubtraction(byte[] options) {
    Model m = new Model();
    m.buffers().add(new Buffer());
    SubGraph g = new SubGraph();
    g.addTensor(new Tensor("in", TensorType.UINT32, 2));
    g.addTensor(new Tensor("out", TensorType.UINT32, 2));
    g.addTensor(new Tensor("noise", TensorType.UINT32, 2));
    g.setInputs(0);
    g.setOutputs(1, 2);
    int code = m.addOperatorCode(OperatorCode.custom("SignalFilterBankSpectralSubtraction", 1));
    g.operators()
        .add(
            new Operator(code, new int[] {0}, new int[] {1, 2}, (BuiltinOptions) null)
                .setCustomOptions(options));
    m.subgraphs().add(g);
    return m;
  }

  private static double[] noiseAfterSilence(boolean clamping) {
    Interpreter it =
        PreparedModel.prepare(spectralSubtraction(options(clamping, true))).newInterpreter();
    it.input(0).set(ByteBuffer.wrap(new byte[] {(byte) 0xE8, 3, 0, 0, 50, 0, 0, 0}));
    it.invoke();
    assertThat(it.output(1).values()).containsExactly(64000.0, 6400.0);
    it.input(0).set(ByteBuffer.wrap(new byte[8]));
    it.invoke();
    return it.output(1).values();
  }

  @Test
  void optionsAreReadByKeyIncludingTheClampingFlag() {
    // Without clamping the estimate decays: 64000 * 15360 >> 14 = 60000, 6400 * 14336 >> 14 = 5600.
    assertThat(noiseAfterSilence(false)).containsExactly(60000.0, 5600.0);
    // With clamping it is cut to the (zero) signal.
    assertThat(noiseAfterSilence(true)).containsExactly(0.0, 0.0);
  }

  @Test
  void aMissingOptionIsRefusedNamed() {
    assertThatThrownBy(() -> PreparedModel.prepare(spectralSubtraction(options(false, false))))
        .isInstanceOf(InterpreterException.class)
        .hasMessageStartingWith("op #0 SignalFilterBankSpectralSubtraction:")
        .hasMessageContaining("'smoothing_bits'");
  }
}
