package dev.tinyml.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.OperatorCode;
import org.junit.jupiter.api.Test;

class OpRegistryTest {

  @Test
  void everyRegisteredBuiltinIsFoundUnderItsOwnCode() {
    assertThat(OpRegistry.builtins()).isNotEmpty();
    for (BuiltinOperator b : OpRegistry.builtins()) {
      Op<?> op = OpRegistry.builtin(b).orElseThrow();
      assertThat(op.builtin()).isEqualTo(b);
      assertThat(op.name()).isEqualTo(b.name());
      assertThat(op.maxVersion()).isPositive();
    }
  }

  @Test
  void everySignalOpIsFoundByItsCustomCodeInVersionOne() {
    assertThat(OpRegistry.customNames())
        .contains("SignalWindow", "SignalRfft", "SignalFilterBankLog");
    for (String name : OpRegistry.customNames()) {
      Op<?> op = OpRegistry.lookup(OperatorCode.custom(name, 1)).orElseThrow();
      assertThat(op.builtin()).isEqualTo(BuiltinOperator.CUSTOM);
      assertThat(op.name()).isEqualTo(name);
      assertThat(op.maxVersion()).isEqualTo(1);
    }
  }

  @Test
  void operatorCodesLookUpTheirClass() {
    assertThat(OpRegistry.lookup(new OperatorCode(BuiltinOperator.CONV_2D, 3)))
        .get()
        .isInstanceOf(Conv2DOp.class);
    assertThat(OpRegistry.lookup(new OperatorCode(BuiltinOperator.MAX_POOL_2D, 1)))
        .get()
        .isInstanceOf(MaxPool2DOp.class);
  }

  @Test
  void unimplementedOpsAndUnknownCustomOpsAreAbsent() {
    assertThat(OpRegistry.builtin(BuiltinOperator.TRANSPOSE_CONV)).isEmpty();
    assertThat(OpRegistry.builtin(BuiltinOperator.CUSTOM)).isEmpty();
    assertThat(OpRegistry.builtin(null)).isEmpty();
    assertThat(OpRegistry.lookup(OperatorCode.custom("NoSuchOp", 1))).isEmpty();
  }
}
