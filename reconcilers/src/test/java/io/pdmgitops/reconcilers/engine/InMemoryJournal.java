package io.pdmgitops.reconcilers.engine;

import io.pdmgitops.model.ObjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A journal in memory, scripted with data: it records every call in order. */
public final class InMemoryJournal implements ActionJournal {
  public record Row(
      long id,
      JournaledAction action,
      String state,
      Optional<String> upid,
      String detail,
      long created) {}

  public final Map<Long, Row> rows = new LinkedHashMap<>();
  public final List<String> calls = new ArrayList<>();
  public Consumer<JournaledAction> onPlanned = a -> {};
  private long next = 1;

  @Override
  public synchronized long planned(JournaledAction action, String commitSha) {
    onPlanned.accept(action);
    long id = next++;
    rows.put(
        id,
        new Row(
            id, action, "PLANNED", Optional.empty(), commitSha, Instant.now().getEpochSecond()));
    calls.add("planned " + id);
    return id;
  }

  @Override
  public synchronized void sent(long id, String upid) {
    Row r = rows.get(id);
    rows.put(id, new Row(id, r.action(), "SENT", Optional.of(upid), r.detail(), r.created()));
    calls.add("sent " + id);
  }

  @Override
  public synchronized void finished(long id, String exitStatus) {
    Row r = rows.get(id);
    rows.put(id, new Row(id, r.action(), "FINISHED", r.upid(), exitStatus, r.created()));
    calls.add("finished " + id + " " + exitStatus);
  }

  @Override
  public synchronized void notSent(long id, String reason) {
    Row r = rows.get(id);
    rows.put(id, new Row(id, r.action(), "NOT_SENT", r.upid(), reason, r.created()));
    calls.add("notSent " + id);
  }

  @Override
  public synchronized Optional<Entry> unfinished(ObjectRef resource) {
    return unfinished().stream().filter(e -> e.action().resource().equals(resource)).findFirst();
  }

  @Override
  public synchronized List<Entry> unfinished() {
    return rows.values().stream()
        .filter(r -> r.state().equals("PLANNED") || r.state().equals("SENT"))
        .map(r -> new Entry(r.id(), r.action(), r.upid(), r.created()))
        .toList();
  }

  /** A row as a crashed controller would have left it: planned, its call maybe sent. */
  public synchronized long leftPlanned(JournaledAction action) {
    long id = next++;
    rows.put(
        id,
        new Row(id, action, "PLANNED", Optional.empty(), "sha", Instant.now().getEpochSecond()));
    return id;
  }
}
