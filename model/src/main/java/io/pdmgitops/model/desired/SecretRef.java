package io.pdmgitops.model.desired;

import java.util.Optional;

/**
 * Where a secret lives outside Git. Exactly one of {@code env} and {@code file} is set; the value
 * itself is read by the controller at use time and never held by the model.
 */
public record SecretRef(Optional<String> env, Optional<String> file) {
  public SecretRef {
    env = env == null ? Optional.empty() : env;
    file = file == null ? Optional.empty() : file;
    if (env.isPresent() == file.isPresent()) {
      throw new IllegalArgumentException("exactly one of env and file must be set");
    }
  }

  public static SecretRef env(String name) {
    return new SecretRef(Optional.of(name), Optional.empty());
  }

  public static SecretRef file(String path) {
    return new SecretRef(Optional.empty(), Optional.of(path));
  }

  /** A description safe for logs: names the reference, never the secret. */
  @Override
  public String toString() {
    return env.map(e -> "env:" + e).orElseGet(() -> "file:" + file.orElseThrow());
  }
}
