package org.trackerkg.base;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/** SHA-256 in lower-case hex, the one way every part of the build hashes (commons-codec does the work). */
public final class Hashes {
  private Hashes() {}

  public static String sha256Hex(byte[] bytes) {
    return DigestUtils.sha256Hex(bytes);
  }

  /** Of the UTF-8 bytes of {@code s}. */
  public static String sha256Hex(String s) {
    return DigestUtils.sha256Hex(s);
  }

  public static String sha256Hex(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return DigestUtils.sha256Hex(in);
    }
  }

  /** A fresh digest, for bytes that pass through a stream. */
  public static MessageDigest sha256() {
    return DigestUtils.getSha256Digest();
  }

  /** The digest's value in hex (this resets the digest). */
  public static String hex(MessageDigest md) {
    return Hex.encodeHexString(md.digest());
  }
}
