package io.pdmgitops.controller.ports;

import io.pdmgitops.controller.store.CommitRecord;
import io.pdmgitops.controller.store.EventType;
import io.pdmgitops.controller.store.JdbcResourceStore;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.controller.store.JournalEntry;
import io.pdmgitops.controller.store.StoredEvent;
import io.pdmgitops.controller.store.StoredProblem;
import io.pdmgitops.webui.api.HistoryEntry;
import io.pdmgitops.webui.api.HistoryPort;
import io.pdmgitops.webui.api.StatusView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Commits and the journal from the status store, joined by commit. */
public final class HistoryAdapter implements HistoryPort {
  /** Actions looked at to attach them to the listed commits. */
  static final int RECENT_ACTIONS = 5_000;

  /** Recorded verdict changes looked at to attach them to the listed commits. */
  static final int RECENT_CHANGES = 5_000;

  private final JdbcStatusStore store;
  private final JdbcResourceStore resources;

  public HistoryAdapter(JdbcStatusStore store, JdbcResourceStore resources) {
    this.store = store;
    this.resources = resources;
  }

  @Override
  public Mono<List<HistoryEntry>> history(int limit) {
    return Mono.fromCallable(() -> historyNow(limit)).subscribeOn(Schedulers.boundedElastic());
  }

  private List<HistoryEntry> historyNow(int limit) {
    Map<String, List<HistoryEntry.Action>> actions = new HashMap<>();
    for (JournalEntry e : store.recentActions(RECENT_ACTIONS)) {
      actions
          .computeIfAbsent(e.commitSha(), sha -> new ArrayList<>())
          .add(
              new HistoryEntry.Action(
                  e.resource(),
                  e.remote(),
                  e.actionName(),
                  e.state().name(),
                  e.exitStatus(),
                  e.upid(),
                  e.createdAt().toString()));
    }
    // Verdict changes, from the store: they outlive a restart, as the commits and actions do.
    Map<String, List<HistoryEntry.Change>> changes = new HashMap<>();
    for (StoredEvent e : resources.recentEvents(Optional.empty(), RECENT_CHANGES)) {
      if (e.type() == EventType.STATUS_CHANGED
          && e.resource().isPresent()
          && e.commitSha().isPresent()) {
        changes
            .computeIfAbsent(e.commitSha().get(), sha -> new ArrayList<>())
            .add(new HistoryEntry.Change(e.resource().get(), e.message(), e.at().toString()));
      }
    }
    List<HistoryEntry> out = new ArrayList<>();
    for (CommitRecord c : store.recentCommits(limit)) {
      List<StatusView.ProblemView> problems =
          c.problems() == 0
              ? List.of()
              : store.problems(c.commit().sha()).stream().map(HistoryAdapter::problem).toList();
      out.add(
          new HistoryEntry(
              new StatusView.CommitView(
                  c.commit().sha(),
                  c.commit().author(),
                  c.commit().message(),
                  c.commit().time().toString(),
                  c.valid(),
                  problems),
              c.fetchedAt().toString(),
              actions.getOrDefault(c.commit().sha(), List.of()),
              changes.getOrDefault(c.commit().sha(), List.of())));
    }
    return out;
  }

  private static StatusView.ProblemView problem(StoredProblem p) {
    return new StatusView.ProblemView(
        p.severity(), p.file(), p.line(), p.column(), p.message(), p.hint());
  }
}
