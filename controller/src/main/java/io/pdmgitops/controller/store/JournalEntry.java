package io.pdmgitops.controller.store;

import io.pdmgitops.reconcilers.engine.JournaledAction;
import java.time.Instant;
import java.util.Optional;

/** One action of the journal, of any kind, linked to the commit that asked for it. */
public record JournalEntry(
    long id,
    JournaledAction action,
    String commitSha,
    JournalState state,
    Instant createdAt,
    Optional<String> upid,
    Optional<Instant> sentAt,
    Optional<Instant> finishedAt,
    Optional<String> exitStatus) {

  /** The resource it acted on, e.g. {@code Guest/web-01}. */
  public String resource() {
    return action.resource().toString();
  }

  public String remote() {
    return action.remote();
  }

  /** The action's name as its kind calls it, e.g. {@code SHUTDOWN}. */
  public String actionName() {
    return action.action();
  }

  public String reason() {
    return action.reason();
  }
}
