package dev.tinyml.savedmodel;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import org.tensorflow.proto.BundleEntryProto;
import org.tensorflow.proto.BundleHeaderProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * A TensorFlow checkpoint in the tensor-bundle format: {@code <prefix>.index} (a sorted table of
 * {@link BundleEntryProto} keyed by variable name) and {@code <prefix>.data-NNNNN-of-MMMMM} shards
 * of raw little-endian bytes. Every tensor read is checked against its stored CRC32C.
 */
final class TensorBundle {
  private final Path prefix;
  private final Map<String, BundleEntryProto> entries;
  private final int numShards;
  private final Map<Integer, byte[]> shards = new HashMap<>();

  private TensorBundle(Path prefix, Map<String, BundleEntryProto> entries, int numShards) {
    this.prefix = prefix;
    this.entries = entries;
    this.numShards = numShards;
  }

  /**
   * @param prefix the checkpoint prefix, e.g. {@code <saved model>/variables/variables}
   */
  static TensorBundle open(Path prefix) throws SavedModelException {
    Path index = Path.of(prefix + ".index");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(index);
    } catch (NoSuchFileException e) {
      throw new SavedModelException(
          "Variables index "
              + index
              + " is missing. The SavedModel has variables but they were not "
              + "saved with it: copy the whole variables/ directory or re-export the model.",
          e);
    } catch (IOException e) {
      throw new SavedModelException(
          "Cannot read variables index " + index + ": " + e.getMessage(), e);
    }
    Map<String, byte[]> table = SsTable.read(index, bytes);
    byte[] headerBytes = table.get("");
    if (headerBytes == null) {
      throw new SavedModelException(
          index
              + " has no bundle header entry (empty key): it is not a TensorFlow checkpoint index.");
    }
    BundleHeaderProto header;
    try {
      header = BundleHeaderProto.parseFrom(headerBytes);
    } catch (InvalidProtocolBufferException e) {
      throw new SavedModelException(index + " has a malformed bundle header: " + e.getMessage(), e);
    }
    if (header.getEndianness() != BundleHeaderProto.Endianness.LITTLE) {
      throw new SavedModelException(
          index
              + " was written on a big-endian machine; re-save the model on a little-endian one.");
    }
    Map<String, BundleEntryProto> entries = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : table.entrySet()) {
      if (e.getKey().isEmpty()) {
        continue;
      }
      try {
        entries.put(e.getKey(), BundleEntryProto.parseFrom(e.getValue()));
      } catch (InvalidProtocolBufferException ex) {
        throw new SavedModelException(
            index + " has a malformed entry for '" + e.getKey() + "': " + ex.getMessage(), ex);
      }
    }
    return new TensorBundle(prefix, entries, Math.max(1, header.getNumShards()));
  }

  Set<String> keys() {
    return entries.keySet();
  }

  boolean contains(String key) {
    return entries.containsKey(key);
  }

  /** Reads and verifies one tensor. */
  TensorValue read(String key) throws SavedModelException {
    BundleEntryProto e = entries.get(key);
    if (e == null) {
      throw new SavedModelException(
          "Variable '"
              + key
              + "' is not in checkpoint "
              + prefix
              + ".index (it has "
              + entries.size()
              + " entries). Re-export the SavedModel so that its variables are saved with it.");
    }
    if (e.getSlicesCount() > 0) {
      throw new SavedModelException(
          "Variable '"
              + key
              + "' in "
              + prefix
              + ".index is stored in slices (a partitioned variable), "
              + "which the importer does not read. Save the model without variable partitioning.");
    }
    byte[] shard = shard(e.getShardId());
    long offset = e.getOffset();
    long size = e.getSize();
    if (offset < 0 || size < 0 || offset + size > shard.length) {
      throw new SavedModelException(
          "Variable '"
              + key
              + "' lies at bytes "
              + offset
              + ".."
              + (offset + size)
              + " of "
              + shardPath(e.getShardId())
              + ", which has only "
              + shard.length
              + " bytes: the data file is truncated. Copy the variables/ directory again.");
    }
    int[] shape = shapeOf(e.getShape());
    DType type = DType.of(e.getDtype());
    int actual;
    try {
      actual =
          type == DType.STRING
              ? stringCrc(shard, (int) offset, (int) size, TensorValue.count(shape))
              : Crc32c.mask(Crc32c.compute(shard, (int) offset, (int) size));
    } catch (IllegalArgumentException ex) {
      throw new SavedModelException(
          "Variable '"
              + key
              + "' in "
              + shardPath(e.getShardId())
              + " is malformed: "
              + ex.getMessage()
              + ". Copy the variables/ directory again.",
          ex);
    }
    if (actual != e.getCrc32C()) {
      throw new SavedModelException(
          "Variable '"
              + key
              + "' in "
              + shardPath(e.getShardId())
              + " fails its CRC32C check "
              + "(stored "
              + Integer.toHexString(e.getCrc32C())
              + ", computed "
              + Integer.toHexString(actual)
              + "): the data file is corrupted. Copy it again.");
    }
    try {
      return TensorValue.fromRaw(type, shape, shard, (int) offset, (int) size);
    } catch (IllegalArgumentException ex) {
      throw new SavedModelException(
          "Variable '"
              + key
              + "' ("
              + DType.tfName(e.getDtype())
              + Arrays.toString(shape)
              + ") in "
              + shardPath(e.getShardId())
              + " cannot be decoded: "
              + ex.getMessage(),
          ex);
    }
  }

  /**
   * String tensors are checksummed over each length as a little-endian uint32 (not the varint bytes
   * stored), then the stored 4-byte length checksum, then the string bytes.
   */
  private static int stringCrc(byte[] data, int offset, int size, int count) {
    int end = offset + size;
    int[] pos = {offset};
    CRC32C crc = new CRC32C();
    long total = 0;
    for (int i = 0; i < count; i++) {
      long len = Snappy.readVarint(data, pos, end);
      total += len;
      if (len <= 0xffffffffL) {
        crc.update(
            new byte[] {(byte) len, (byte) (len >>> 8), (byte) (len >>> 16), (byte) (len >>> 24)});
      } else {
        byte[] b = new byte[8];
        for (int k = 0; k < 8; k++) {
          b[k] = (byte) (len >>> (8 * k));
        }
        crc.update(b);
      }
    }
    if (pos[0] + 4 + total > end) {
      throw new IllegalArgumentException("its string lengths run past the tensor data");
    }
    crc.update(data, pos[0], 4 + (int) total);
    return Crc32c.mask((int) crc.getValue());
  }

  static int[] shapeOf(TensorShapeProto s) {
    int[] shape = new int[s.getDimCount()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = (int) s.getDim(i).getSize();
    }
    return shape;
  }

  private Path shardPath(int id) {
    return Path.of(
        String.format(java.util.Locale.ROOT, "%s.data-%05d-of-%05d", prefix, id, numShards));
  }

  private byte[] shard(int id) throws SavedModelException {
    byte[] b = shards.get(id);
    if (b == null) {
      Path p = shardPath(id);
      try {
        b = Files.readAllBytes(p);
      } catch (NoSuchFileException ex) {
        throw new SavedModelException(
            "Variables data file " + p + " is missing. Copy the whole variables/ directory.", ex);
      } catch (IOException ex) {
        throw new SavedModelException(
            "Cannot read variables data file " + p + ": " + ex.getMessage(), ex);
      }
      shards.put(id, b);
    }
    return b;
  }
}
