package dev.tinyml.savedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SnappyTest {
  @Test
  void decodesLiteralsAndOverlappingCopies() {
    // "abcabcabcabcX": literal "abc", copy (1-byte offset form) length 9 offset 3, literal "X".
    byte[] block = {
      13, // uncompressed length
      (byte) (2 << 2),
      'a',
      'b',
      'c', // literal of 3
      (byte) (1 | ((9 - 4) << 2)),
      3, // copy1: length 9, offset 3
      (byte) (0 << 2),
      'X' // literal of 1
    };
    assertThat(new String(Snappy.uncompress(block, 0, block.length), StandardCharsets.US_ASCII))
        .isEqualTo("abcabcabcabcX");
  }

  @Test
  void decodesTwoByteOffsetCopiesAndLongLiterals() {
    byte[] text = new byte[70];
    for (int i = 0; i < text.length; i++) {
      text[i] = (byte) ('a' + i % 26);
    }
    byte[] block = new byte[2 + 2 + 70 + 3];
    int o = 0;
    block[o++] = (byte) 0x86; // varint 134 = 70 + 64
    block[o++] = 0x01;
    block[o++] = (byte) (60 << 2); // literal, length-1 in next byte
    block[o++] = 69;
    System.arraycopy(text, 0, block, o, 70);
    o += 70;
    block[o++] = (byte) (2 | ((64 - 1) << 2)); // copy2: length 64, offset 70
    block[o++] = 70;
    block[o] = 0;
    byte[] out = Snappy.uncompress(block, 0, block.length);
    assertThat(out).hasSize(134);
    assertThat(java.util.Arrays.copyOfRange(out, 70, 134))
        .isEqualTo(java.util.Arrays.copyOfRange(text, 0, 64));
  }

  @Test
  void rejectsBackReferenceBeforeTheStart() {
    byte[] block = {4, (byte) (1 | (0 << 2)), 9};
    assertThatThrownBy(() -> Snappy.uncompress(block, 0, block.length))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void rejectsLengthMismatch() {
    byte[] block = {5, (byte) (0 << 2), 'a'};
    assertThatThrownBy(() -> Snappy.uncompress(block, 0, block.length))
        .hasMessageContaining("decodes to 1 bytes, its header says 5");
  }
}
