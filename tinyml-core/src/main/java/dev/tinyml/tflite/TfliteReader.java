package dev.tinyml.tflite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads {@code .tflite} files (TFLite schema version 3) into the mutable object model.
 *
 * <p>Guarantees: the file identifier {@code TFL3} and the schema version are checked; every offset,
 * vtable and vector length is bounds-checked before it is followed; any malformed input raises
 * {@link TfliteFormatException} naming the byte offset, the element being read and what was
 * expected; the memory the decoded model takes is bounded by a multiple of the input size. Fields
 * and options the library does not model are kept (see {@link RawTable}, {@link UnknownOptions})
 * and written back by {@link TfliteWriter}.
 */
public final class TfliteReader {
  private TfliteReader() {}

  /** Reads a model from a byte array. */
  public static Model read(byte[] bytes) throws TfliteFormatException {
    return read(ByteBuffer.wrap(bytes));
  }

  /**
   * Reads a model from the bytes between {@code buffer}'s position and limit (the buffer's position
   * is not changed).
   */
  public static Model read(ByteBuffer buffer) throws TfliteFormatException {
    FlatReader reader = new FlatReader(buffer.slice());
    int root = reader.root("TFL3");
    RawTable raw = reader.table(root, Schema.table("Model"), FlatReader.Where.ROOT);
    return new ModelDecoder(reader).model(raw);
  }

  /**
   * Reads a model from a file, memory-mapped. Messages start with the file's path.
   *
   * @throws TfliteFormatException if the file is missing, unreadable, larger than 2 GB or malformed
   */
  public static Model read(Path file) throws TfliteFormatException {
    MappedByteBuffer mapped;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new TfliteFormatException(
            file + ": " + size + " bytes; models of 2 GB or more are not supported");
      }
      mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    } catch (NoSuchFileException e) {
      throw new TfliteFormatException(file + ": no such file", e);
    } catch (IOException e) {
      throw new TfliteFormatException(file + ": cannot read: " + e.getMessage(), e);
    }
    try {
      return read(mapped);
    } catch (TfliteFormatException e) {
      throw new TfliteFormatException(file + ": " + e.getMessage(), e);
    }
  }
}
