package io.pdmgitops.controller.security.tfa;

import io.pdmgitops.controller.security.OwnerOnlyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts second-factor secrets at rest (AES-256-GCM), so a copy of the database alone does not
 * let anyone make codes. The key comes from {@value #ENVIRONMENT} (base64 of 32 bytes) or the file
 * {@value #FILE_NAME} in the data directory, made owner-only (0600) at first start.
 */
public final class SecretBox {
  public static final String ENVIRONMENT = "PDM_TFA_KEY";
  public static final String FILE_NAME = "tfa.key";
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  SecretBox(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("the second-factor key is not 32 bytes");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** The key from the environment, or the data directory's file (made if missing). */
  public static SecretBox open(Path dataDir, Optional<String> fromEnvironment) throws IOException {
    if (fromEnvironment.isPresent()) {
      try {
        return new SecretBox(Base64.getDecoder().decode(fromEnvironment.get().strip()));
      } catch (IllegalArgumentException e) {
        throw new IOException(ENVIRONMENT + " is not the base64 of 32 bytes");
      }
    }
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      byte[] fresh = new byte[KEY_BYTES];
      RANDOM.nextBytes(fresh);
      OwnerOnlyFile.write(file, Base64.getEncoder().encodeToString(fresh) + "\n");
    }
    try {
      return new SecretBox(Base64.getDecoder().decode(Files.readString(file).strip()));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " does not hold the base64 of 32 bytes");
    }
  }

  public String seal(byte[] plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain);
      byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is in every Java", e);
    }
  }

  /** The plain bytes; throws when the text was sealed with another key or altered. */
  public byte[] open(String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOf(all, IV_BYTES)));
      return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "a second-factor secret cannot be opened: was "
              + FILE_NAME
              + " or "
              + ENVIRONMENT
              + " changed?");
    }
  }

  @Override
  public String toString() {
    return "SecretBox[key hidden]";
  }
}
