package dev.tinyml.codegen.c;

import dev.tinyml.codegen.CodegenException;
import dev.tinyml.interp.InterpreterException;
import dev.tinyml.interp.PreparedModel;
import dev.tinyml.io.AtomicFiles;
import dev.tinyml.ops.OpException;
import dev.tinyml.ops.OpPlan;
import dev.tinyml.ops.PreparedOp;
import dev.tinyml.plan.ArenaBuffer;
import dev.tinyml.plan.ArenaPlan;
import dev.tinyml.plan.ArenaPlanner;
import dev.tinyml.plan.PlanningException;
import dev.tinyml.plan.TensorLifetimes;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Model;
import dev.tinyml.tflite.Operator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiled backend: turns a model into a self-contained C99 module, {@code <name>_model.h} and
 * {@code <name>_model.c}, that computes exactly what the Java interpreter computes.
 *
 * <p>The module holds the weights as {@code const} arrays, precomputed multipliers and shifts, one
 * static arena whose offsets are our compact memory plan ({@link ArenaPlanner#planned(List, List)})
 * with the in-place overlaps the C kernels allow ({@code CInPlace}), and one kernel call per
 * operator. Only the kernels the model uses are inlined. There is no allocation, no C++, no TFLite
 * Micro and no flatbuffer parsing.
 *
 * <p>Generated API ({@code name} = the identifier given): {@code int name_invoke(void)}; per input
 * and output {@code i}: a typed pointer {@code name_input_i} / {@code name_output_i} into the arena
 * and macros {@code NAME_INPUT_i_LENGTH}, {@code _BYTES}, {@code _SCALE}, {@code _ZERO_POINT};
 * {@code name_inputs[]}/{@code name_input_bytes[]} (and the same for outputs) for generic code;
 * {@code NAME_ARENA_BYTES}. Inputs must be written before every invoke: operators may overwrite
 * their input once consumed.
 */
public final class CBackend {
  private CBackend() {}

  /**
   * Renders the module in memory.
   *
   * @param model a model the interpreter prepares
   * @param name the identifier prefix (free text; sanitised to a C identifier)
   * @return the module
   * @throws CodegenException naming the op (and suggesting {@code backend=tflm}) when an op or
   *     variant has no C emitter, or naming the problem when the interpreter or planner refuses the
   *     model
   */
  public static CModule render(Model model, String name) throws CodegenException {
    String id = CNames.identifier(name);
    PreparedModel prepared;
    try {
      prepared = PreparedModel.prepare(model);
    } catch (InterpreterException | OpException e) {
      throw new CodegenException(e.getMessage(), e);
    }
    if (model.subgraphs().size() != 1) {
      throw new CodegenException(
          "the model has "
              + model.subgraphs().size()
              + " subgraphs; the c backend compiles single-subgraph models only; use backend=tflm");
    }
    List<PreparedOp<?>> ops = prepared.plans();
    for (PreparedOp<?> p : ops) {
      if (COpEmitters.of(p.op()) == null) {
        throw new CodegenException(
            "op #"
                + p.index()
                + " "
                + p.op().name()
                + " has no C emitter (the c backend compiles "
                + COpEmitters.supported()
                + "); use backend=tflm for this model");
      }
    }
    ArenaPlan plan;
    try {
      // The planner's TFLM-safe overlaps are a subset of what the C kernels allow, but its
      // placement is a heuristic: keep whichever plan is smaller.
      if (hasCustomOp(model)) {
        // TFLM's scratch needs of custom ops are unknown, and the C kernels take none.
        List<ArenaBuffer> buffers = TensorLifetimes.tensorsOnly(model);
        plan = ArenaPlanner.planned(buffers, CInPlace.overlaps(model, buffers, ops));
      } else {
        List<ArenaBuffer> buffers = TensorLifetimes.of(model);
        ArenaPlan tight = ArenaPlanner.planned(buffers, CInPlace.overlaps(model, buffers, ops));
        ArenaPlan safe = ArenaPlanner.planned(model);
        plan = tight.totalBytes() <= safe.totalBytes() ? tight : safe;
      }
    } catch (PlanningException e) {
      throw new CodegenException(e.getMessage(), e);
    }
    CModuleWriter writer = new CModuleWriter(model, plan);
    for (PreparedOp<?> p : ops) {
      emit(p, model, writer);
    }
    CSourceText text = new CSourceText(id, model, plan, writer);
    return new CModule(
        id,
        id + "_model.h",
        text.header(),
        id + "_model.c",
        text.source(),
        text.arenaBytes(),
        writer.stateBytes(),
        writer.constantBytes(),
        new ArrayList<>(writer.kernels()),
        writer.needsMath());
  }

  private static boolean hasCustomOp(Model model) {
    for (Operator o : model.primarySubgraph().operators()) {
      if (model.opOf(o) == BuiltinOperator.CUSTOM) {
        return true;
      }
    }
    return false;
  }

  private static <P extends OpPlan> void emit(PreparedOp<P> p, Model model, CModuleWriter writer)
      throws CodegenException {
    Operator o = model.primarySubgraph().operators().get(p.index());
    COp op = new COp(model, p.index(), model.opOf(o), o);
    COpEmitters.of(p.op()).emit(op, p.plan(), writer);
  }

  /**
   * Renders the module and writes {@code <name>_model.h} and {@code <name>_model.c} into {@code
   * outputDirectory}; nothing is written when rendering fails.
   *
   * @param model a model the interpreter prepares
   * @param name the identifier prefix
   * @param outputDirectory where to write (created when missing)
   * @return the module written
   * @throws CodegenException as {@link #render}
   * @throws IOException when writing fails
   */
  public static CModule generate(Model model, String name, Path outputDirectory)
      throws CodegenException, IOException {
    CModule module = render(model, name);
    AtomicFiles.write(outputDirectory.resolve(module.headerFile()), module.header());
    AtomicFiles.write(outputDirectory.resolve(module.sourceFile()), module.source());
    return module;
  }
}
