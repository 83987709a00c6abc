package io.pdmgitops.controller.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token secrets: 32 random bytes, and the {@code sha256:<hex>} form kept in Git. A fast hash is
 * enough here, unlike for passwords: a secret of 256 random bits cannot be guessed from its hash,
 * and every API call checks one.
 */
public final class TokenSecret {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;

  private TokenSecret() {}

  /** A new secret, URL-safe base64 without padding (43 characters). */
  public static String generate() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** {@code sha256:<64 hex digits>} of the secret, as a User's token declares it. */
  public static String hash(String secret) {
    return "sha256:" + HexFormat.of().formatHex(digest(secret));
  }

  /** Whether the secret is the one behind the hash, in time independent of where they differ. */
  public static boolean matches(String secret, String hash) {
    if (!hash.startsWith("sha256:") || hash.length() != 7 + 64) {
      return false;
    }
    byte[] expected;
    try {
      expected = HexFormat.of().parseHex(hash, 7, hash.length());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(digest(secret), expected);
  }

  private static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
