package dev.tinyml.preprocess;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0; C order; the dtypes
 * of {@link NpyArray.Dtype}, little- or big-endian on reading). Written files are version 1.0 with
 * the header padded to 64 bytes, as {@code numpy.save} writes them.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /**
   * Reads a {@code .npy} file.
   *
   * @param file the file
   * @return the array
   * @throws PreprocessException if the file is missing, truncated or not a supported NPY array
   */
  public static NpyArray read(Path file) {
    try {
      return read(Files.readAllBytes(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new PreprocessException("NPY file " + file + " does not exist");
    } catch (IOException e) {
      throw new PreprocessException("Cannot read NPY file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code .npy} bytes.
   *
   * @param bytes the whole file
   * @param name the file name used in error messages
   * @return the array
   * @throws PreprocessException if the bytes are truncated or not a supported NPY array
   */
  public static NpyArray read(byte[] bytes, String name) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 10 || !startsWithMagic(bytes)) {
      throw new PreprocessException(name + " is not an NPY file (no \\x93NUMPY magic)");
    }
    int major = bytes[6];
    int headerLength;
    int headerStart;
    if (major == 1) {
      headerLength = b.getShort(8) & 0xFFFF;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw new PreprocessException(name + " is truncated inside its NPY preamble");
      }
      headerLength = b.getInt(8);
      headerStart = 12;
    } else {
      throw new PreprocessException(name + " has NPY format version " + major + ", expected 1-3");
    }
    if (headerLength < 0 || headerStart + headerLength > bytes.length) {
      throw new PreprocessException(
          name + " is truncated: its NPY header declares " + headerLength + " bytes");
    }
    String header =
        new String(
            bytes,
            headerStart,
            headerLength,
            major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher descr = DESCR.matcher(header);
    Matcher fortran = FORTRAN.matcher(header);
    Matcher shapeMatch = SHAPE.matcher(header);
    if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
      throw new PreprocessException(name + " has an unreadable NPY header: " + header.trim());
    }
    if (fortran.group(1).equals("True")) {
      throw new PreprocessException(
          name + " is stored in Fortran order; re-save it with numpy.ascontiguousarray");
    }
    NpyArray.Dtype dtype = dtype(descr.group(2), Integer.parseInt(descr.group(3)), name);
    boolean bigEndian = descr.group(1).equals(">");
    int[] shape = parseShape(shapeMatch.group(1), name);
    long count = 1;
    for (int d : shape) {
      count *= d;
    }
    int dataStart = headerStart + headerLength;
    long needed = count * dtype.size();
    if (dataStart + needed > bytes.length) {
      throw new PreprocessException(
          name
              + " is truncated: shape "
              + shapeMatch.group(1).trim()
              + " of "
              + dtype.descr()
              + " needs "
              + needed
              + " data bytes but "
              + (bytes.length - dataStart)
              + " follow the header");
    }
    byte[] data = java.util.Arrays.copyOfRange(bytes, dataStart, dataStart + (int) needed);
    if (bigEndian && dtype.size() > 1) {
      for (int i = 0; i < data.length; i += dtype.size()) {
        for (int lo = i, hi = i + dtype.size() - 1; lo < hi; lo++, hi--) {
          byte t = data[lo];
          data[lo] = data[hi];
          data[hi] = t;
        }
      }
    }
    return new NpyArray(dtype, shape, data);
  }

  private static boolean startsWithMagic(byte[] bytes) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static NpyArray.Dtype dtype(String kind, int size, String name) {
    for (NpyArray.Dtype d : NpyArray.Dtype.values()) {
      if (d.descr().charAt(1) == kind.charAt(0) && d.size() == size) {
        return d;
      }
    }
    StringBuilder valid = new StringBuilder();
    for (NpyArray.Dtype d : NpyArray.Dtype.values()) {
      valid.append(valid.length() == 0 ? "" : ", ").append(d.descr());
    }
    throw new PreprocessException(
        name + " has dtype " + kind + size + ", which is not supported; supported are " + valid);
  }

  private static int[] parseShape(String text, String name) {
    List<Integer> dims = new ArrayList<>();
    for (String part : text.split(",")) {
      String t = part.trim();
      if (t.isEmpty()) {
        continue;
      }
      try {
        dims.add(Integer.parseInt(t.endsWith("L") ? t.substring(0, t.length() - 1) : t));
      } catch (NumberFormatException e) {
        throw new PreprocessException(name + " has an unreadable NPY shape (" + text + ")");
      }
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Serialises an array as an NPY version 1.0 file.
   *
   * @param array the array
   * @return the file bytes
   */
  public static byte[] toBytes(NpyArray array) {
    int[] shape = array.shape();
    StringBuilder dims = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      dims.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    if (shape.length == 1) {
      dims.append(',');
    }
    String dict =
        "{'descr': '"
            + array.dtype().descr()
            + "', 'fortran_order': False, 'shape': ("
            + dims
            + "), }";
    int unpadded = MAGIC.length + 4 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    byte[] headerBytes = header.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out =
        ByteBuffer.allocate(MAGIC.length + 4 + headerBytes.length + array.data().length)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerBytes.length);
    out.put(headerBytes).put(array.data());
    return out.array();
  }

  /**
   * Writes an array to a {@code .npy} file through a temporary file, so that a failure leaves no
   * half-written output.
   *
   * @param file the output file
   * @param array the array
   * @throws IOException if writing fails
   */
  public static void write(Path file, NpyArray array) throws IOException {
    OutputFiles.write(file, toBytes(array));
  }
}
