package dev.tinyml.codegen;

import dev.tinyml.plan.ArenaEstimate;
import dev.tinyml.plan.ArenaPlan;
import dev.tinyml.plan.ArenaPlanner;
import dev.tinyml.plan.OfflineMemoryPlan;
import dev.tinyml.plan.PlanningException;
import dev.tinyml.plan.Target;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.TfliteFormatException;
import dev.tinyml.tflite.TfliteWriter;
import java.util.List;

/**
 * Prepares a TFLite {@link Model} for {@link FirmwareGenerator}: its description, the tensor arena,
 * op use and MACs for the report, and optionally an embedded offline memory plan.
 *
 * <p>The arena is {@link ArenaPlanner#estimate(Model, Target)} for a 32-bit Cortex-M (TFLite
 * Micro's {@code arena_used_bytes()} after {@code AllocateTensors()}), plus the {@value
 * #ALIGNMENT_SLACK} bytes TFLite Micro documents for aligning the arena start, plus a margin of
 * {@value #MIN_MARGIN} bytes or 1/{@value #MARGIN_DIVISOR} of the estimate, whichever is larger,
 * because the planner's structure sizes are those of a newer TFLite Micro than the one the Arduino
 * library bundles; rounded up to 16.
 */
public final class TfliteFirmware {
  /** {@code MicroInterpreter::arena_used_bytes()} documents "+ 16" for alignment. */
  static final long ALIGNMENT_SLACK = 16;

  /** The smallest safety margin. */
  static final long MIN_MARGIN = 1024;

  /** The margin as a fraction of the estimate. */
  static final long MARGIN_DIVISOR = 32;

  private TfliteFirmware() {}

  /**
   * A model ready to generate: its bytes (changed only by an embedded offline plan) and arena.
   *
   * @param flatbuffer the bytes that go into {@code model.tflite} and the C array
   * @param arenaBytes the tensor arena to reserve
   * @param plannedBytes the activation head of the arena as planned
   * @param offlinePlan whether an offline plan is embedded
   */
  public record Prepared(
      byte[] flatbuffer, long arenaBytes, long plannedBytes, boolean offlinePlan) {
    /** Copies the bytes. */
    public Prepared {
      flatbuffer = flatbuffer.clone();
    }

    @Override
    public byte[] flatbuffer() {
      return flatbuffer.clone();
    }
  }

  /**
   * Computes the arena and, if asked, embeds this project's tighter memory plan as {@code
   * OfflineMemoryAllocation} metadata (the model is then changed in place and re-serialized).
   *
   * <p>The model is serialised at most once: not at all when {@code flatbuffer} is given and no
   * plan is embedded, once otherwise.
   *
   * @param model the model
   * @param flatbuffer the model's bytes as read (kept as they are without an offline plan), or
   *     {@code null} for a model made in memory, which is then written here
   * @param offlinePlan whether to embed the offline plan
   * @return the bytes and the arena size
   * @throws CodegenException when the model cannot be planned or written
   */
  public static Prepared prepare(Model model, byte[] flatbuffer, boolean offlinePlan)
      throws CodegenException {
    try {
      if (!offlinePlan) {
        ArenaEstimate e = ArenaPlanner.estimate(model, Target.CORTEX_M_32BIT);
        byte[] bytes = flatbuffer != null ? flatbuffer : TfliteWriter.write(model);
        return new Prepared(bytes, withMargin(e.totalBytes()), e.plannedBytes(), false);
      }
      ArenaPlan plan = ArenaPlanner.planned(model);
      OfflineMemoryPlan.attach(model, plan);
      byte[] bytes = TfliteWriter.write(model);
      ArenaEstimate e = ArenaPlanner.estimate(model, Target.CORTEX_M_32BIT, plan);
      return new Prepared(bytes, withMargin(e.totalBytes()), e.plannedBytes(), true);
    } catch (PlanningException e) {
      throw new CodegenException("Cannot plan the tensor arena: " + e.getMessage(), e);
    } catch (TfliteFormatException e) {
      throw new CodegenException(
          (offlinePlan
                  ? "Cannot write the model with its offline memory plan: "
                  : "Cannot write the model: ")
              + e.getMessage(),
          e);
    }
  }

  /**
   * Starts a firmware request for a prepared model: description, op use and MACs filled in.
   *
   * @param model the model
   * @param prepared its bytes and arena from {@link #prepare}
   * @param name the model name
   * @param labels class names in output order, possibly empty
   * @return the request builder; set template, board and the rest
   * @throws CodegenException for a custom or unknown op or a dynamic input/output shape
   */
  public static FirmwareRequest.Builder request(
      Model model, Prepared prepared, String name, List<String> labels) throws CodegenException {
    ModelDescription description =
        TfliteModels.describe(model, prepared.flatbuffer, name, labels, prepared.arenaBytes());
    return FirmwareRequest.builder(description)
        .opUses(TfliteModels.opUses(model))
        .macs(TfliteModels.macs(model));
  }

  /** Estimate plus slack and margin, rounded up to 16. */
  static long withMargin(long estimate) {
    long total = estimate + ALIGNMENT_SLACK + Math.max(MIN_MARGIN, estimate / MARGIN_DIVISOR);
    return (total + 15) / 16 * 16;
  }
}
