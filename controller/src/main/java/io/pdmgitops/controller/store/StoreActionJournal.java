package io.pdmgitops.controller.store;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.reconcilers.engine.ActionJournal;
import io.pdmgitops.reconcilers.engine.JournalUnavailableException;
import io.pdmgitops.reconcilers.engine.JournaledAction;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/** The reconcilers' {@link ActionJournal} on the status store. */
public final class StoreActionJournal implements ActionJournal {
  private final JdbcStatusStore store;
  private final Clock clock;

  public StoreActionJournal(JdbcStatusStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public long planned(JournaledAction action, String commitSha) {
    return writeReturning(() -> store.journal(action, commitSha, clock.instant()));
  }

  @Override
  public void sent(long id, String upid) {
    write(() -> store.markSent(id, upid, clock.instant()));
  }

  @Override
  public void finished(long id, String exitStatus) {
    write(() -> store.markFinished(id, exitStatus, clock.instant()));
  }

  @Override
  public void notSent(long id, String reason) {
    write(() -> store.markNotSent(id, reason, clock.instant()));
  }

  private static void write(Runnable write) {
    writeReturning(
        () -> {
          write.run();
          return 0L;
        });
  }

  /** A store that cannot write is the executor's expected case, not a bug: it gets its own type. */
  private static long writeReturning(LongSupplier write) {
    try {
      return write.getAsLong();
    } catch (IllegalStateException e) {
      throw new JournalUnavailableException(e.getMessage(), e);
    }
  }

  @Override
  public Optional<Entry> unfinished(ObjectRef resource) {
    return unfinished().stream().filter(e -> e.action().resource().equals(resource)).findFirst();
  }

  @Override
  public List<Entry> unfinished() {
    return store.unfinished().stream()
        .map(e -> new Entry(e.id(), e.action(), e.upid(), e.createdAt().getEpochSecond()))
        .toList();
  }
}
