package io.pdmgitops.webui.tokens;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user asks for on their tokens page.
 *
 * @param expire the first day the token no longer works (UTC), if any
 * @param path an ACL path to narrow the token to, if any
 */
public record NewToken(
    String name, Optional<LocalDate> expire, Optional<String> path, String comment) {
  public NewToken {
    Objects.requireNonNull(name, "name");
    expire = expire == null ? Optional.empty() : expire;
    path = path == null ? Optional.empty() : path;
    comment = comment == null ? "" : comment;
  }
}
