package io.pdmgitops.controller.security.tfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits,
 * what every authenticator app does by default. A code is accepted for its step and the one before
 * and after (clock drift), and never twice: the caller passes the last step it accepted.
 */
public final class Totp {
  static final int DIGITS = 6;
  static final long STEP_SECONDS = 30;
  static final int SECRET_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  public static byte[] newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return secret;
  }

  static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of one step, zero-padded. */
  static String code(byte[] secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      int otp = binary % (int) Math.pow(10, DIGITS);
      return String.format("%0" + DIGITS + "d", otp);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java has HmacSHA1", e);
    }
  }

  /** The current code (for tests and for people who compare). */
  public static String codeAt(byte[] secret, Instant at) {
    return code(secret, step(at));
  }

  /**
   * The step the code belongs to, if it is the code of the step at {@code now} or a neighbour and
   * that step is later than {@code lastAccepted} (a code is good once).
   */
  public static OptionalLong verify(byte[] secret, String code, Instant now, long lastAccepted) {
    String typed = code == null ? "" : code.replace(" ", "");
    if (!typed.matches("[0-9]{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long current = step(now);
    for (long s = current - 1; s <= current + 1; s++) {
      boolean same =
          MessageDigest.isEqual(code(secret, s).getBytes(), typed.getBytes()); // constant time
      if (same && s > lastAccepted) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }

  /** The otpauth URI apps read from the QR code. */
  public static String uri(String issuer, String account, byte[] secret) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + Base32.encode(secret)
        + "&issuer="
        + enc(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  /** The secret from what {@link #typed} shows, as an app reads it. */
  public static byte[] fromTyped(String typed) {
    return Base32.decode(typed);
  }

  /** The secret as people type it into an app: base32 in groups of four. */
  public static String typed(byte[] secret) {
    return Base32.encode(secret).replaceAll("(.{4})(?!$)", "$1 ");
  }

  private static String enc(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
