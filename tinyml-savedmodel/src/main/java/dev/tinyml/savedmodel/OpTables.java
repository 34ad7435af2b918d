package dev.tinyml.savedmodel;

/**
 * The registries the importer dispatches through: for each TensorFlow op, the rule that infers its
 * shapes (and folds it) and the lowering that emits its TFLite operators. Each op family fills in
 * its own ops.
 */
final class OpTables {
  private OpTables() {}

  /** Shape inference and folding, by TensorFlow op. */
  static final OpTable<ShapeRule> SHAPE_RULES = new OpTable<>();

  /** Lowering to TFLite, by TensorFlow op: the ops that lower when their data is not constant. */
  static final OpTable<OpLowering> LOWERINGS = new OpTable<>();

  static {
    FoldedOpShapes.register(SHAPE_RULES);
    DataMovementShapes.register(SHAPE_RULES);
    ElementwiseShapes.register(SHAPE_RULES);
    ConvolutionShapes.register(SHAPE_RULES);
    PoolAndReduceShapes.register(SHAPE_RULES);
    SplittingShapes.register(SHAPE_RULES);
    ConvolutionLowerings.register(LOWERINGS);
    ElementwiseLowerings.register(LOWERINGS);
    DataMovementLowerings.register(LOWERINGS);
    PoolAndReduceLowerings.register(LOWERINGS);
    SplittingLowerings.register(LOWERINGS);
  }
}
