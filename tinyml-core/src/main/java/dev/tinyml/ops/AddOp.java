package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Arithmetic;
import dev.tinyml.tflite.ActivationFunctionType;
import dev.tinyml.tflite.AddOptions;
import dev.tinyml.tflite.BuiltinOperator;
import java.util.Optional;

/** ADD: the element-wise sum with broadcasting, float32, int8 and int32. */
public final class AddOp extends ArithmeticOp implements TflmFootprint, Int8Rules {

  /** The op. */
  public AddOp() {
    super(Arithmetic.Op.ADD);
  }

  @Override
  public BuiltinOperator builtin() {
    return BuiltinOperator.ADD;
  }

  @Override
  public Optional<String> resolverMethod() {
    return Optional.of("AddAdd");
  }

  @Override
  public int maxVersion() {
    return 5;
  }

  @Override
  ActivationFunctionType fusedActivation(OpContext c) {
    AddOptions o = c.optionsOrNull(AddOptions.class);
    return o == null ? ActivationFunctionType.NONE : o.fusedActivation();
  }

  @Override
  public CStruct builtinParams(OpNode node, Abi abi) {
    return abi.shortEnums() ? new CStruct(2, 1) : new CStruct(8, 4);
  }

  @Override
  public int opData(OpNode node, Abi abi) {
    return 64;
  }

  @Override
  public int int8Version(OpNode quantized) {
    return 2;
  }
}
