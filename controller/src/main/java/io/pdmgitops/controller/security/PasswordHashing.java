package io.pdmgitops.controller.security;

import java.nio.CharBuffer;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The one place that makes and checks password hashes: argon2id, written the way Spring Security's
 * {@link Argon2PasswordEncoder} writes it, {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} (base64
 * without padding). Users put such a hash into a User document's {@code passwordHash}; {@code
 * pdm-gitops hash-password} makes one.
 *
 * <p>Neither a password nor a hash ever goes into a log line or an exception message from here; a
 * null argument fails with the argument's name only.
 */
public final class PasswordHashing {
  /** Bytes of random salt per hash, as Spring's own defaults. */
  static final int SALT_BYTES = 16;

  /** Bytes of derived key; 256 bits is what Spring and the argon2 RFC 9106 use. */
  static final int HASH_BYTES = 32;

  /** One lane: a login must not take several cores of a 2-core host. */
  static final int PARALLELISM = 1;

  /**
   * 19 MiB and two passes, OWASP's first recommended argon2id setting (Password Storage Cheat
   * Sheet): stronger than Spring's {@code defaultsForSpringSecurity_v5_8()} (16 MiB, two passes)
   * and about 50 ms on one core, so a burst of logins cannot exhaust a small controller's memory.
   */
  static final int MEMORY_KIB = 19 * 1024;

  /** Passes over the memory; see {@link #MEMORY_KIB}. */
  static final int ITERATIONS = 2;

  /**
   * Limits on a hash read from Git, checked before any work: a hash with {@code m=4194304} in a
   * commit would otherwise let every failed login allocate 4 GiB. Generous next to what we write.
   */
  static final int MAX_MEMORY_KIB = 256 * 1024;

  static final int MAX_ITERATIONS = 16;
  static final int MAX_PARALLELISM = 8;

  /**
   * A hash of a random password nobody kept, with the parameters above. Checking a password of an
   * unknown user against it costs what checking a known user's does, so the answer's timing does
   * not tell which user names exist. It never matches in practice; callers still refuse the login.
   */
  public static final String DUMMY_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$7nLdJRnaNGsYHDuyoaqJhg$SqXLqe5DagNbKJvIlGYYWPWMeFda1x2SqTQj4hugdZY";

  /** The form the schema of User.spec.passwordHash accepts, with the parameters captured. */
  static final Pattern FORMAT =
      Pattern.compile(
          "^\\$argon2id\\$v=19\\$m=([0-9]{1,7}),t=([0-9]{1,3}),p=([0-9]{1,2})"
              + "\\$[A-Za-z0-9+/]{11,86}\\$[A-Za-z0-9+/]{22,172}$");

  private static final Argon2PasswordEncoder ENCODER =
      new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);

  private PasswordHashing() {}

  /**
   * A new hash of the password with a fresh random salt. The caller may clear the array afterwards;
   * the encoder itself works on a String copy, which only the garbage collector removes.
   */
  public static String hash(char[] password) {
    Objects.requireNonNull(password, "password");
    if (password.length == 0) {
      throw new IllegalArgumentException("an empty password cannot be hashed");
    }
    return ENCODER.encode(CharBuffer.wrap(password));
  }

  /**
   * Whether the password is the one the hash was made from. False for a null, malformed or
   * over-expensive hash, after the same work as a real check, so the time taken does not tell a bad
   * hash from a wrong password.
   */
  public static boolean matches(char[] password, String hash) {
    Objects.requireNonNull(password, "password");
    if (!isAcceptable(hash)) {
      ENCODER.matches(CharBuffer.wrap(password), DUMMY_HASH);
      return false;
    }
    return ENCODER.matches(CharBuffer.wrap(password), hash);
  }

  /** Whether the text is an argon2id hash in Spring's form with parameters within our limits. */
  public static boolean isAcceptable(String hash) {
    if (hash == null) {
      return false;
    }
    Matcher m = FORMAT.matcher(hash);
    if (!m.matches()) {
      return false;
    }
    int memory = Integer.parseInt(m.group(1));
    int iterations = Integer.parseInt(m.group(2));
    int parallelism = Integer.parseInt(m.group(3));
    return memory >= 8 * parallelism // argon2's own floor; BouncyCastle throws below it
        && memory <= MAX_MEMORY_KIB
        && iterations >= 1
        && iterations <= MAX_ITERATIONS
        && parallelism >= 1
        && parallelism <= MAX_PARALLELISM;
  }
}
