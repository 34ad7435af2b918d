package dev.tinyml.tflite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
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
    try {
      int root = reader.root("TFL3");
      RawTable raw = reader.table(root, Schema.table("Model"), FlatReader.Where.ROOT);
      return new ModelDecoder(reader).model(raw);
    } catch (TfliteFormatException e) {
      long needed = reader.needed();
      // An offset or length pointing past the end is what a cut-off download or copy looks like;
      // one past 2 GB cannot come from a model this reader accepts, so it is corruption instead.
      if (needed > reader.limit() && needed <= Integer.MAX_VALUE) {
        throw new TfliteFormatException(
            "truncated ("
                + reader.limit()
                + " bytes, needs at least "
                + needed
                + "): "
                + e.getMessage(),
            e);
      }
      throw e;
    }
  }

  /**
   * Reads a model from a file, memory-mapped. Every message starts with the file's path, in the
   * words all goals use: {@code PATH does not exist}, {@code PATH is a directory, not a .tflite
   * file}, or {@code PATH is not a valid .tflite model: WHAT} (see {@link #notAModel}).
   *
   * @throws TfliteFormatException if the file is missing, unreadable, larger than 2 GB or malformed
   */
  public static Model read(Path file) throws TfliteFormatException {
    MappedByteBuffer mapped;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new TfliteFormatException(
            file + " is " + size + " bytes; models of 2 GB or more are not supported");
      }
      mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    } catch (NoSuchFileException e) {
      throw new TfliteFormatException(file + " does not exist", e);
    } catch (IOException e) {
      throw new TfliteFormatException(
          Files.isDirectory(file)
              ? file + " is a directory, not a .tflite file"
              : file + " cannot be read: " + e.getMessage(),
          e);
    }
    try {
      return read(mapped);
    } catch (TfliteFormatException e) {
      throw new TfliteFormatException(notAModel(file, e), e);
    }
  }

  /**
   * The one wording for a file whose bytes are not a model, for callers that read the bytes
   * themselves: {@code PATH is not a valid .tflite model: } and the reader's message.
   *
   * @param file the file read
   * @param e what {@link #read(byte[])} or {@link #read(ByteBuffer)} threw
   * @return the message
   */
  public static String notAModel(Path file, TfliteFormatException e) {
    return file + " is not a valid .tflite model: " + e.getMessage();
  }
}
