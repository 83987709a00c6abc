package io.pdmgitops.controller.bench;

import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.ActionJournal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A journal that keeps nothing but the moments the first action was planned and sent. */
final class TimingJournal implements ActionJournal {
  private final AtomicLong ids = new AtomicLong();
  private volatile Instant plannedAt;
  private volatile Instant sentAt;

  Instant plannedAt() {
    return plannedAt;
  }

  Instant sentAt() {
    return sentAt;
  }

  @Override
  public long planned(PlannedAction action, String commitSha) {
    if (plannedAt == null) {
      plannedAt = Instant.now();
    }
    return ids.incrementAndGet();
  }

  @Override
  public void sent(long id, String upid) {
    if (sentAt == null) {
      sentAt = Instant.now();
    }
  }

  @Override
  public void finished(long id, String exitStatus) {}

  @Override
  public void notSent(long id, String reason) {}

  @Override
  public Optional<Entry> unfinished(String resource) {
    return Optional.empty();
  }

  @Override
  public List<Entry> unfinished() {
    return List.of();
  }
}
