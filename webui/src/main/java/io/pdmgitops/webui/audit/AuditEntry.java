package io.pdmgitops.webui.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: who did or tried what, from where, to what.
 *
 * @param kind what happened ({@link AuditKind})
 * @param actor the user id or token id, as given (an unknown name is shown as typed, cut short)
 * @param address the source address of the request
 * @param target what it concerned: a path, a token id, a session
 * @param detail a short reason, never a secret
 */
public record AuditEntry(
    Instant at, AuditKind kind, String actor, String address, String target, String detail) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(detail, "detail");
  }
}
