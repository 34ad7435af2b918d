package dev.tinyml.codegen;

/**
 * Estimated flash and RAM of the firmware, part by part, against the board's budget.
 *
 * <p>Flash = model bytes + the Arduino core ({@link Board#coreFlashBytes()}) + the TFLite Micro
 * runtime ({@value #RUNTIME_FLASH_BYTES} bytes for interpreter, allocator and flatbuffer access) +
 * each kernel ({@link #kernelFlashBytes(String)}) + the template's code. RAM = tensor arena + the
 * core ({@link Board#coreRamBytes()}) + the interpreter's own objects ({@value #RUNTIME_RAM_BYTES}
 * bytes) + the template's buffers. The runtime figures are estimates (the linker drops unused code,
 * CMSIS-NN kernels are larger than reference ones); the model and the arena are exact.
 *
 * @param modelBytes the flatbuffer size
 * @param codeFlashBytes the estimated code size (core, runtime, kernels, template)
 * @param flashBudget the board's flash
 * @param arenaBytes the tensor arena
 * @param runtimeRamBytes the estimated RAM besides the arena (core, interpreter, template)
 * @param ramBudget the board's RAM
 */
public record Footprint(
    long modelBytes,
    long codeFlashBytes,
    long flashBudget,
    long arenaBytes,
    long runtimeRamBytes,
    long ramBudget) {

  /** Interpreter, allocator, flatbuffer access, error reporting. */
  static final long RUNTIME_FLASH_BYTES = 48 * 1024;

  /** Interpreter, allocator bookkeeping and the op resolver objects outside the arena. */
  static final long RUNTIME_RAM_BYTES = 4 * 1024;

  /**
   * Estimates the footprint of a model with a template on a board.
   *
   * @param model the model
   * @param template the sketch template
   * @param board the board
   * @return the estimate
   */
  public static Footprint estimate(ModelDescription model, SketchTemplate template, Board board) {
    long code = board.coreFlashBytes() + RUNTIME_FLASH_BYTES + template.codeFlashBytes();
    for (String op : model.ops()) {
      code += kernelFlashBytes(op);
    }
    long ram =
        board.coreRamBytes()
            + RUNTIME_RAM_BYTES
            + 64L * model.ops().size()
            + template.staticRamBytes(model);
    return new Footprint(
        model.modelLength(), code, board.flashBytes(), model.arenaBytes(), ram, board.ramBytes());
  }

  /**
   * Estimated code size of one kernel: the convolutions, fully connected and recurrent kernels with
   * their optimized (CMSIS-NN) paths are the large ones.
   *
   * @param op the builtin op name
   * @return bytes of flash
   */
  static long kernelFlashBytes(String op) {
    return switch (op) {
      case "CONV_2D", "DEPTHWISE_CONV_2D", "TRANSPOSE_CONV" -> 16 * 1024;
      case "FULLY_CONNECTED", "SVDF" -> 12 * 1024;
      case "UNIDIRECTIONAL_SEQUENCE_LSTM" -> 24 * 1024;
      case "SOFTMAX", "LOGISTIC", "TANH", "ADD", "MUL", "SUB" -> 8 * 1024;
      default -> 4 * 1024;
    };
  }

  /**
   * Flash needed: model plus code.
   *
   * @return bytes
   */
  public long flashBytes() {
    return modelBytes + codeFlashBytes;
  }

  /**
   * RAM needed: arena plus runtime.
   *
   * @return bytes
   */
  public long ramBytes() {
    return arenaBytes + runtimeRamBytes;
  }

  /**
   * Fails when the firmware does not fit the board, with the numbers and a remedy.
   *
   * @param board names the board in the message
   * @throws BudgetExceededException when flash or RAM is over budget
   */
  public void check(Board board) throws BudgetExceededException {
    check(board, false);
  }

  /**
   * Fails when the firmware does not fit the board, with the numbers and the remedies the user has
   * not tried yet: int8 quantization only for a model that is not int8, and giving the board's
   * budget only when it is not already given.
   *
   * @param board names the board in the message
   * @param int8 whether the model is already quantized to int8
   * @throws BudgetExceededException when flash or RAM is over budget
   */
  public void check(Board board, boolean int8) throws BudgetExceededException {
    StringBuilder b = new StringBuilder();
    if (flashBytes() > flashBudget) {
      b.append(
          String.format(
              java.util.Locale.ROOT,
              "flash: model %d B + estimated code %d B = %d B > %d B available (over by %d B)",
              modelBytes,
              codeFlashBytes,
              flashBytes(),
              flashBudget,
              flashBytes() - flashBudget));
    }
    if (ramBytes() > ramBudget) {
      b.append(b.length() == 0 ? "" : "; ")
          .append(
              String.format(
                  java.util.Locale.ROOT,
                  "RAM: tensor arena %d B + estimated runtime %d B = %d B > %d B available (over"
                      + " by %d B)",
                  arenaBytes,
                  runtimeRamBytes,
                  ramBytes(),
                  ramBudget,
                  ramBytes() - ramBudget));
    }
    if (b.length() > 0) {
      throw new BudgetExceededException(
          "The firmware does not fit board "
              + board.id()
              + " ("
              + board.displayName()
              + "): "
              + b
              + ". Make the model smaller (fewer or narrower layers"
              + (int8 ? "" : ", int8 quantization")
              + ") or pick a larger board"
              + (board.ownBudget()
                  ? " (flashBytes/ramBytes are set: raise them only if the board has that memory)."
                  : " (another board id, or flashBytes/ramBytes for a board with more memory)."),
          this);
    }
  }
}
