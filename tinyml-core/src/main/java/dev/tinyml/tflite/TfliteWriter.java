package dev.tinyml.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes models as {@code .tflite} FlatBuffers (file identifier {@code TFL3}).
 *
 * <p>The output is deterministic: the same model gives the same bytes. Constant buffers are aligned
 * to 16 bytes in the file, so TFLite Micro can read weights in place. Every reference is validated
 * before anything is written; fields the library does not model are written back as they were read.
 * Buffers that a large (over 2 GB) model stored after the FlatBuffer are written inline, so such
 * models are rejected.
 */
public final class TfliteWriter {
  private TfliteWriter() {}

  /**
   * The model's bytes.
   *
   * @throws TfliteFormatException if a reference is invalid (a tensor's buffer, an operator's
   *     opcode or tensor index, a signature's tensor), naming the element
   */
  public static byte[] write(Model model) throws TfliteFormatException {
    ModelEncoder.validate(model);
    RawTable root = new ModelEncoder(model).encode();
    long size = 1024;
    for (Buffer b : model.buffers()) {
      size += b.data().length + 64;
    }
    FlatBufferBuilder builder = new FlatBufferBuilder((int) Math.min(size * 5 / 4, 1 << 30));
    builder.finish(FlatEmitter.table(builder, root), "TFL3");
    return builder.sizedByteArray();
  }

  /**
   * Writes the model to {@code file} atomically: to a temporary file beside it, then moved in
   * place, so a failure never leaves a half-written file.
   *
   * @throws TfliteFormatException if the model is invalid (nothing is written)
   * @throws IOException if the file cannot be written
   */
  public static void write(Model model, Path file) throws TfliteFormatException, IOException {
    dev.tinyml.io.AtomicFiles.write(file, write(model));
  }
}
