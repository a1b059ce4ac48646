package org.evmjit.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
  private final Artifact artifact = TestArtifacts.artifact(TestArtifacts.key(7), 3000, 1_700_000_000_123L);
  private final byte[] record = RecordCodec.encode(artifact);

  private static LoadResult.Rejected rejected(ArtifactKey key, byte[] record) {
    return assertInstanceOf(LoadResult.Rejected.class, RecordCodec.decode(key, record, 0));
  }

  private LoadResult.Rejected rejected(byte[] record) {
    return rejected(artifact.key(), record);
  }

  /** The record with its content hash made right again, so a header edit reaches the checks after the hash. */
  private static byte[] rehashed(byte[] record) throws Exception {
    RecordHeader h = RecordCodec.readHeader(record);
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(record, 0, h.contentHashOffset());
    md.update(record, h.classBytesOffset(), h.classBytesLength());
    byte[] out = record.clone();
    System.arraycopy(md.digest(), 0, out, h.contentHashOffset(), 32);
    return out;
  }

  @Test
  void roundTripKeepsEveryField() {
    LoadResult.Loaded loaded = assertInstanceOf(LoadResult.Loaded.class, RecordCodec.decode(artifact.key(), record, 42));
    Artifact a = loaded.artifact();
    assertEquals(42, loaded.calls());
    assertEquals(artifact.key(), a.key());
    assertEquals(artifact.codeLength(), a.codeLength());
    assertEquals(artifact.createdMillis(), a.createdMillis());
    assertEquals(artifact.className(), a.className());
    assertArrayEquals(artifact.classBytes(), a.classBytes());
  }

  @Test
  void headerFieldsAreWhereTheFormatSays() throws Exception {
    ByteBuffer b = ByteBuffer.wrap(record);
    assertEquals(0x454A4152, b.getInt(0));
    assertEquals(RecordCodec.FORMAT_VERSION, b.getShort(4));
    assertEquals(TestArtifacts.JAVA_21, b.getShort(6));
    assertEquals(TestArtifacts.FINGERPRINT.length(), b.getShort(8));
    RecordHeader h = RecordCodec.readHeader(record);
    assertEquals(record.length - 3000, h.classBytesOffset());
    assertEquals(h.contentHashOffset() + 32, h.classBytesOffset());
    assertEquals("Cancun", h.fork());
  }

  @Test
  void onlyClassFilesAreEncoded() {
    Artifact notAClass = new Artifact(TestArtifacts.key(1), 1, 1, "C", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    assertThrows(IllegalArgumentException.class, () -> RecordCodec.encode(notAClass));
    assertEquals(-1, RecordCodec.classFileVersion(new byte[] {(byte) 0xCA, (byte) 0xFE}));
    assertEquals(TestArtifacts.JAVA_21, RecordCodec.classFileVersion(artifact.classBytes()));
  }

  @Test
  void everyCutIsTruncated() {
    for (int length = 0; length < record.length; length++) {
      LoadResult.Rejected r = rejected(Arrays.copyOf(record, length));
      assertEquals(RejectReason.TRUNCATED, r.reason(), "cut at " + length + ": " + r.detail());
    }
    assertTrue(rejected(Arrays.copyOf(record, record.length - 1)).detail()
        .contains("class bytes: expected 3000 as the header says, found 2999"));
  }

  @Test
  void badMagic() {
    byte[] bad = record.clone();
    bad[0] = 'X';
    LoadResult.Rejected r = rejected(bad);
    assertEquals(RejectReason.BAD_MAGIC, r.reason());
    assertTrue(r.detail().contains("expected 0x454a4152"), r.detail());
    assertEquals(artifact.key(), r.key());
  }

  @Test
  void otherFormatVersion() {
    byte[] bad = record.clone();
    bad[5] = 2;
    LoadResult.Rejected r = rejected(bad);
    assertEquals(RejectReason.FORMAT_VERSION, r.reason());
    assertEquals("record format version: expected 1, found 2", r.detail());
  }

  @Test
  void otherFingerprint() {
    LoadResult.Rejected r = rejected(TestArtifacts.key(7, "Cancun", "other-compiler"), record);
    assertEquals(RejectReason.FINGERPRINT, r.reason());
    assertEquals("fingerprint: expected 'other-compiler', found '" + TestArtifacts.FINGERPRINT + "'", r.detail());
  }

  @Test
  void keyDisagreesWithHeader() {
    LoadResult.Rejected fork = rejected(TestArtifacts.key(7, "Shanghai", TestArtifacts.FINGERPRINT), record);
    assertEquals(RejectReason.KEY_MISMATCH, fork.reason());
    assertEquals("fork: expected 'Shanghai' (key), found 'Cancun' (header)", fork.detail());
    LoadResult.Rejected hash = rejected(TestArtifacts.key(8), record);
    assertEquals(RejectReason.KEY_MISMATCH, hash.reason());
    assertTrue(hash.detail().startsWith("code hash: expected 0x" + TestArtifacts.key(8).codeHashHex()), hash.detail());
  }

  @Test
  void classFileNewerThanThisJvm() {
    int tooNew = RecordCodec.supportedClassFileVersion() + 1;
    Artifact future = new Artifact(TestArtifacts.key(7), 1, 1, "C", TestArtifacts.classBytes(100, tooNew, 1));
    LoadResult.Rejected r = rejected(RecordCodec.encode(future));
    assertEquals(RejectReason.CLASS_FILE_VERSION, r.reason());
    assertTrue(r.detail().contains("expected at most " + (tooNew - 1) + " (Java " + Runtime.version().feature()
        + "), found " + tooNew), r.detail());
  }

  @Test
  void headerClassFileVersionMustMatchTheClassFile() throws Exception {
    byte[] bad = record.clone();
    bad[7] = (byte) (TestArtifacts.JAVA_21 - 1);
    LoadResult.Rejected r = rejected(rehashed(bad));
    assertEquals(RejectReason.CLASS_FILE_VERSION, r.reason());
    assertEquals("class-file version: header says 64, the class file says 65", r.detail());
  }

  @Test
  void damagedContentOrHeader() {
    byte[] bad = record.clone();
    bad[bad.length - 10] ^= 1;
    LoadResult.Rejected r = rejected(bad);
    assertEquals(RejectReason.CONTENT_HASH, r.reason());
    assertTrue(r.detail().startsWith("content hash: expected 0x"), r.detail());
    byte[] name = record.clone();
    int classNameAt = indexOf(name, artifact.className().getBytes());
    name[classNameAt + 3] ^= 0x20;
    assertEquals(RejectReason.CONTENT_HASH, rejected(name).reason(), "the hash covers the header");
  }

  @Test
  void trailingBytes() {
    LoadResult.Rejected r = rejected(Arrays.copyOf(record, record.length + 5));
    assertEquals(RejectReason.CONTENT_HASH, r.reason());
    assertTrue(r.detail().contains("(5 trailing)"), r.detail());
  }

  @Test
  void everySingleBitFlipIsRejected() {
    for (int i = 0; i < record.length; i++) {
      for (int bit = 0; bit < 8; bit += 3) {
        byte[] bad = record.clone();
        bad[i] ^= (byte) (1 << bit);
        assertInstanceOf(LoadResult.Rejected.class, RecordCodec.decode(artifact.key(), bad, 0), "flip at " + i);
      }
    }
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(1);
    for (int i = 0; i < 2000; i++) {
      byte[] garbage = new byte[random.nextInt(200)];
      random.nextBytes(garbage);
      if (garbage.length > 6 && random.nextBoolean()) {
        System.arraycopy(record, 0, garbage, 0, 6); // past magic and version, into the lengths
      }
      assertInstanceOf(LoadResult.Rejected.class, RecordCodec.decode(artifact.key(), garbage, 0));
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
