package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Gather;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.StridedSliceOptions;
import dev.tinyml.tflite.Tensor;

/**
 * STRIDED_SLICE with constant begin, end and strides, begin/end/shrink masks, any stored type; the
 * source index of every output element is computed once.
 */
public final class StridedSliceOp extends BuiltinOp<StridedSliceOp.Plan> implements TflmFootprint {

  /**
   * A prepared slice.
   *
   * @param sourceIndex the flat input index of every flat output element
   * @param input input tensor index
   * @param output output tensor index
   */
  public record Plan(int[] sourceIndex, int input, int output) implements OpPlan {}

  /** The op. */
  public StridedSliceOp() {
    super(BuiltinOperator.STRIDED_SLICE, 8, "AddStridedSlice");
  }

  @Override
  public Plan prepare(OpContext c) {
    StridedSliceOptions o = c.optionsOrNull(StridedSliceOptions.class);
    if (o != null && (o.ellipsisMask() != 0 || o.newAxisMask() != 0 || o.offset())) {
      throw c.fail(
          "ellipsis_mask, new_axis_mask and offset are not supported by this interpreter;"
              + " rewrite the slice with explicit begin/end per axis; options "
              + o);
    }
    int beginMask = o == null ? 0 : o.beginMask();
    int endMask = o == null ? 0 : o.endMask();
    int shrinkMask = o == null ? 0 : o.shrinkAxisMask();
    Tensor in = c.input(0);
    Tensor out = c.output(0);
    if (in.type() != out.type()) {
      throw c.unsupportedTypes();
    }
    int[] shape = in.shape();
    int rank = shape.length;
    int[] begin = c.requireConstant(1, "begin") instanceof int[] b ? b : null;
    int[] end = c.requireConstant(2, "end") instanceof int[] e ? e : null;
    int[] strides = c.requireConstant(3, "strides") instanceof int[] st ? st : null;
    if (begin == null
        || end == null
        || strides == null
        || begin.length != rank
        || end.length != rank
        || strides.length != rank) {
      throw c.fail(
          "begin, end and strides must be INT32 constants with one value per dimension of input "
              + OpContext.describe(in));
    }
    int[] start = new int[rank];
    int[] count = new int[rank];
    int[] step = new int[rank];
    for (int d = 0; d < rank; d++) {
      int dim = shape[d];
      int st = strides[d];
      if (st == 0) {
        throw c.fail("stride of dimension " + d + " is 0");
      }
      boolean shrink = (shrinkMask & (1 << d)) != 0;
      int b = sliceIndex(begin[d], dim, st, (beginMask & (1 << d)) != 0 && !shrink, true);
      int e;
      if (shrink) {
        e = b + 1;
        st = 1;
      } else {
        e = sliceIndex(end[d], dim, st, (endMask & (1 << d)) != 0, false);
      }
      int n = st > 0 ? Math.max(0, (e - b + st - 1) / st) : Math.max(0, (b - e - st - 1) / -st);
      if (n > 0 && (b < 0 || b >= dim)) {
        throw c.fail("begin " + begin[d] + " of dimension " + d + " is outside " + dim);
      }
      start[d] = b;
      count[d] = n;
      step[d] = st;
    }
    int[] index = Gather.stridedSliceIndices(shape, start, step, count);
    if (index.length != out.elementCount()) {
      throw c.fail(
          "output "
              + OpContext.describe(out)
              + " does not hold the "
              + index.length
              + " sliced elements of input "
              + OpContext.describe(in));
    }
    return new Plan(index, c.in(0), c.out(0));
  }

  /**
   * TFLite's start/stop normalization: a masked index takes the far end in the stride's direction,
   * a negative one counts from the back, and the result is clamped to the dimension.
   */
  private static int sliceIndex(int index, int dim, int stride, boolean masked, boolean isBegin) {
    if (masked) {
      if (isBegin) {
        return stride > 0 ? 0 : dim - 1;
      }
      return stride > 0 ? dim : -1;
    }
    int i = index < 0 ? index + dim : index;
    return stride > 0 ? Math.max(0, Math.min(dim, i)) : Math.max(-1, Math.min(dim - 1, i));
  }

  @Override
  public void eval(Plan p, Object[] t, Scratch s) {
    Gather.eval(p.sourceIndex(), t[p.input()], t[p.output()]);
  }

  /** Data movement: no arithmetic. */
  @Override
  public long macs(OpNode node) {
    return 0;
  }

  /**
   * {@code TfLiteStridedSliceParams}: five int masks and the offset flag. {@code
   * StridedSliceParams}: three counted int32[5] arrays, five uint16 masks and a flag.
   */
  @Override
  public KernelStructs kernelStructs(Abi abi) {
    return new KernelStructs(new CStruct(24, 4), 84);
  }
}
