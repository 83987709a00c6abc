package io.pdmgitops.model.plan;

import java.time.Duration;

/**
 * One kind of action a kind's reconciler can take (start a guest, create a backup job). Each kind
 * names its actions in its own enum; the journal stores {@link #name()}, the queue and the executor
 * share {@link #budget()}.
 */
public interface ActionType {
  /** The stable name stored in the journal, e.g. {@code SHUTDOWN}. */
  String name();

  /**
   * How long the action's task is followed, from the moment it was journaled: one bound for the
   * work queue's run and the executor's following, so neither cuts the other short.
   */
  Duration budget();
}
