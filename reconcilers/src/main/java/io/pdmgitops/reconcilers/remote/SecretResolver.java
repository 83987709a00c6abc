package io.pdmgitops.reconcilers.remote;

import io.pdmgitops.model.desired.SecretRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a secret from where its reference points: an environment variable or a file. Messages name
 * the reference, never the value.
 */
public final class SecretResolver {
  /** A token secret is tens of bytes; anything this large is not one. */
  static final int MAX_SECRET_BYTES = 64 * 1024;

  private final Map<String, String> environment;

  /**
   * @param environment usually {@code System.getenv()}; tests pass their own
   */
  public SecretResolver(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The secret, trimmed of surrounding whitespace (files usually end in a newline). */
  public String resolve(SecretRef ref) throws SecretUnavailableException {
    if (ref.env().isPresent()) {
      String value = environment.get(ref.env().get());
      if (value == null || value.isBlank()) {
        throw new SecretUnavailableException(
            "environment variable " + ref.env().get() + " is not set");
      }
      return value.strip();
    }
    Path file = Path.of(ref.file().orElseThrow());
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_SECRET_BYTES + 1);
      if (bytes.length > MAX_SECRET_BYTES) {
        throw new SecretUnavailableException("secret file " + file + " is larger than 64 KiB");
      }
      String value = new String(bytes, StandardCharsets.UTF_8).strip();
      if (value.isEmpty()) {
        throw new SecretUnavailableException("secret file " + file + " is empty");
      }
      return value;
    } catch (IOException e) {
      throw new SecretUnavailableException(
          "cannot read secret file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The reference could not be resolved. */
  public static final class SecretUnavailableException extends Exception {
    public SecretUnavailableException(String message) {
      super(message);
    }
  }
}
