package io.pdmgitops.controller.conditions;

import java.time.Instant;
import java.util.Objects;

/**
 * One active condition.
 *
 * @param subject what it is about: a remote's name, the repository URL, a commit, the store
 * @param message the newest reason, free of secrets
 * @param since when it started; a new message does not move it
 */
public record Condition(ConditionKind kind, String subject, String message, Instant since) {
  public Condition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(since, "since");
  }
}
