package io.pdmgitops.controller.bench;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.reconcilers.engine.ActionJournal;
import io.pdmgitops.reconcilers.engine.JournaledAction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The application's journal with the moments its first action was journaled and sent: the time to
 * the first action includes making each row durable, as it does in production.
 */
final class TimingJournal implements ActionJournal {
  private final ActionJournal journal;
  private volatile Instant plannedAt;
  private volatile Instant sentAt;

  TimingJournal(ActionJournal journal) {
    this.journal = journal;
  }

  Instant plannedAt() {
    return plannedAt;
  }

  Instant sentAt() {
    return sentAt;
  }

  /** Forgets the moments, to time the next action. */
  void reset() {
    plannedAt = null;
    sentAt = null;
  }

  @Override
  public long planned(JournaledAction action, String commitSha) {
    long id = journal.planned(action, commitSha);
    if (plannedAt == null) {
      plannedAt = Instant.now();
    }
    return id;
  }

  @Override
  public void sent(long id, String upid) {
    journal.sent(id, upid);
    if (sentAt == null) {
      sentAt = Instant.now();
    }
  }

  @Override
  public void finished(long id, String exitStatus) {
    journal.finished(id, exitStatus);
  }

  @Override
  public void notSent(long id, String reason) {
    journal.notSent(id, reason);
  }

  @Override
  public Optional<Entry> unfinished(ObjectRef resource) {
    return journal.unfinished(resource);
  }

  @Override
  public List<Entry> unfinished() {
    return journal.unfinished();
  }
}
