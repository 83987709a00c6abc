package io.pdmgitops.webui.audit;

import java.util.Optional;

/**
 * Which audit entries to show, newest first.
 *
 * @param kind only this kind, if given
 * @param actor only entries whose actor contains this text, if given
 * @param limit at most this many (1 to {@link #MAX_LIMIT})
 */
public record AuditQuery(Optional<AuditKind> kind, Optional<String> actor, int limit) {
  public static final int MAX_LIMIT = 1_000;
  public static final int DEFAULT_LIMIT = 200;

  public AuditQuery {
    kind = kind == null ? Optional.empty() : kind;
    actor = actor == null ? Optional.empty() : actor.map(String::strip).filter(a -> !a.isEmpty());
    limit = Math.max(1, Math.min(MAX_LIMIT, limit));
  }
}
