package dev.tinyml.ops;

import dev.tinyml.tflite.BuiltinOperator;
import java.util.EnumSet;
import java.util.Set;

/**
 * MAC estimates for builtin operators without an op class, so that {@code inspect} can describe any
 * model: data movement and control flow count 0, reductions their input elements, LSTM and
 * L2_POOL_2D as their op-class relatives, everything else its output elements.
 */
final class UnregisteredOpMacs {
  private UnregisteredOpMacs() {}

  private static final Set<BuiltinOperator> NO_ARITHMETIC =
      EnumSet.of(
          BuiltinOperator.PADV2,
          BuiltinOperator.MIRROR_PAD,
          BuiltinOperator.GATHER_ND,
          BuiltinOperator.UNPACK,
          BuiltinOperator.BROADCAST_TO,
          BuiltinOperator.TILE,
          BuiltinOperator.CALL_ONCE,
          BuiltinOperator.IF,
          BuiltinOperator.WHILE,
          BuiltinOperator.VAR_HANDLE,
          BuiltinOperator.READ_VARIABLE,
          BuiltinOperator.ASSIGN_VARIABLE,
          BuiltinOperator.CUSTOM);

  private static final Set<BuiltinOperator> REDUCTIONS =
      EnumSet.of(
          BuiltinOperator.REDUCE_PROD, BuiltinOperator.REDUCE_ANY, BuiltinOperator.REDUCE_ALL);

  static long macs(BuiltinOperator code, OpNode node) {
    if (code == null || NO_ARITHMETIC.contains(code)) {
      return 0;
    }
    return switch (code) {
      case LSTM -> UnidirectionalSequenceLstmOp.lstmMacs(node);
      case L2_POOL_2D -> Pool2DOp.poolMacs(node);
      default ->
          REDUCTIONS.contains(code)
              ? MacMath.count(node.inputShape(0))
              : MacMath.count(node.outputShape(0));
    };
  }
}
