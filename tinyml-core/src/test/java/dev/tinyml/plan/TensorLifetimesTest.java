package dev.tinyml.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinyml.testing.Fixtures;
import dev.tinyml.tflite.Buffer;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import dev.tinyml.tflite.OperatorCode;
import dev.tinyml.tflite.QuantizationParameters;
import dev.tinyml.tflite.ReducerOptions;
import dev.tinyml.tflite.SubGraph;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;
import dev.tinyml.tflite.TfliteReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorLifetimesTest {

  @Test
  void activationsLiveFromTheirWriterToTheirLastReader() {
    List<ArenaBuffer> buffers = TensorLifetimes.of(TinyModels.convReluReshape());

    // Constants (filter, bias, shape) are not planned; scopes: input 0, operators 1..3.
    assertThat(buffers)
        .containsExactly(
            ArenaBuffer.tensor(0, 0, 32, 0, 1),
            ArenaBuffer.tensor(0, 3, 64, 1, 2),
            ArenaBuffer.tensor(0, 4, 64, 2, 3),
            ArenaBuffer.tensor(0, 6, 64, 3, 3));
  }

  @Test
  void aCustomOpGraphIsRefusedForTflmButPlannedTensorsOnly() throws Exception {
    Model model =
        TfliteReader.read(Fixtures.path("tflite/micro_speech/audio_preprocessor_int8.tflite"));

    assertThatThrownBy(() -> TensorLifetimes.of(model))
        .isInstanceOf(PlanningException.class)
        .hasMessageContaining("SignalWindow");
    List<ArenaBuffer> buffers = TensorLifetimes.tensorsOnly(model);
    // The activations, the model input and output among them, and no scratch buffer.
    assertThat(buffers).isNotEmpty().allMatch(b -> b.kind() == ArenaBuffer.Kind.TENSOR);
    assertThat(buffers)
        .extracting(ArenaBuffer::index)
        .contains(model.primarySubgraph().inputs()[0], model.primarySubgraph().outputs()[0]);
  }

  @Test
  void variableTensorsStayOutOfThePlan() {
    Model model = TinyModels.convReluReshape();
    model.primarySubgraph().tensors().get(3).setVariable(true);

    assertThat(TensorLifetimes.of(model)).extracting(ArenaBuffer::index).doesNotContain(3);
  }

  @Test
  void int8MeanRequestsAccumulatorIndexAndAxisScratchBuffersInItsScope() {
    Model model = Model.empty();
    SubGraph sg = new SubGraph();
    model.subgraphs().add(sg);
    QuantizationParameters q = QuantizationParameters.perTensor(0.1f, 0);
    sg.addTensor(new Tensor("in", TensorType.INT8, 1, 5, 5, 8).setQuantization(q));
    sg.addTensor(
        new Tensor("axis", TensorType.INT32, 2)
            .setBuffer(model.addBuffer(new Buffer(new byte[8]))));
    sg.addTensor(new Tensor("out", TensorType.INT8, 1, 1, 1, 8).setQuantization(q));
    int mean = model.addOperatorCode(new OperatorCode(BuiltinOperator.MEAN));
    sg.operators()
        .add(new Operator(mean, new int[] {0, 1}, new int[] {2}, new ReducerOptions(true)));
    sg.setInputs(0).setOutputs(2);

    List<ArenaBuffer> buffers = TensorLifetimes.of(model);

    assertThat(buffers)
        .filteredOn(b -> b.kind() == ArenaBuffer.Kind.SCRATCH)
        .containsExactly(
            ArenaBuffer.scratch(0, 0, 32, 1, 1),
            ArenaBuffer.scratch(0, 0, 16, 1, 1),
            ArenaBuffer.scratch(0, 0, 8, 1, 1));
  }

  @Test
  void controlFlowIsRejectedNamingTheOperator() {
    Model model = TinyModels.convReluReshape();
    model.operatorCodes().set(1, new OperatorCode(BuiltinOperator.WHILE));

    assertThatThrownBy(() -> TensorLifetimes.of(model))
        .isInstanceOf(PlanningException.class)
        .hasMessageContaining("Operator 1 (WHILE) of subgraph 0 calls other subgraphs");
  }

  @Test
  void kernelWithUnmodelledScratchBuffersIsRejected() {
    Model model = TinyModels.convReluReshape();
    model.operatorCodes().set(1, new OperatorCode(BuiltinOperator.MIRROR_PAD));

    assertThatThrownBy(() -> TensorLifetimes.of(model))
        .isInstanceOf(PlanningException.class)
        .hasMessageContaining("Operator 1 (MIRROR_PAD)")
        .hasMessageContaining("scratch buffers");
  }

  @Test
  void stringTensorIsRejectedNamingIt() {
    Model model = TinyModels.convReluReshape();
    model.primarySubgraph().tensors().get(4).setType(TensorType.STRING);

    assertThatThrownBy(() -> TensorLifetimes.of(model))
        .isInstanceOf(PlanningException.class)
        .hasMessageContaining("Tensor 4 'relu' of subgraph 0 has type STRING");
  }

  @Test
  void unknownDimensionIsRejectedNamingTheTensor() {
    Model model = TinyModels.convReluReshape();
    model.primarySubgraph().tensors().get(6).setShape(1, -1);

    assertThatThrownBy(() -> TensorLifetimes.of(model))
        .isInstanceOf(PlanningException.class)
        .hasMessageContaining("Tensor 6 'output' of subgraph 0 has an unknown dimension");
  }

  @Test
  void danglingTensorIndexIsRejected() {
    Model model = TinyModels.convReluReshape();
    model.primarySubgraph().setOutputs(42);

    assertThatThrownBy(() -> TensorLifetimes.of(model))
        .isInstanceOf(PlanningException.class)
        .hasMessageContaining("tensor 42 as subgraph output");
  }
}
