package io.pdmgitops.controller.health;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.View;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.ViewFilter;
import io.pdmgitops.model.health.BackupAge;
import io.pdmgitops.model.health.BackupRules;
import io.pdmgitops.model.health.BackupServerHealth;
import io.pdmgitops.model.health.DeclaredBackup;
import io.pdmgitops.model.health.Finding;
import io.pdmgitops.reconcilers.pbs.BackupSnapshot;
import io.pdmgitops.reconcilers.pbs.DatastoreUsage;
import io.pdmgitops.reconcilers.pbs.PbsClient;
import io.pdmgitops.reconcilers.pbs.PbsJobStatus;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.webui.health.OverviewRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The backups overview of the PBS remotes: every datastore's use and estimated full date ({@code
 * GET /status/datastore-usage}), how garbage collection, verify and prune jobs last ended ({@code
 * /admin/gc}, {@code /admin/verify}, {@code /admin/prune}), and the newest snapshot of every backup
 * group with its verification ({@code snapshots} per datastore and namespace). From these and Git:
 * each declared guest's newest backup against its limit.
 */
public final class BackupsOverview {
  /** Longest one request may take; a snapshot list of a large store is the slowest. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** Datastores and namespaces read per server at most. */
  static final int MAX_DATASTORES = 64;

  static final int MAX_NAMESPACES = 64;

  /** Snapshots looked at per datastore and namespace: a bound whatever a server holds. */
  static final int MAX_SNAPSHOTS = 200_000;

  private BackupsOverview() {}

  /**
   * @param guests each declared guest with its backup limit, for the fleet rule
   */
  public static HealthOverview<BackupServerHealth> of(
      Supplier<List<Remote>> remotes, RemoteClients clients, Duration every, Clock clock) {
    return new HealthOverview<>(
        new OverviewReads<>("backups", every, remotes, r -> read(clients, r), clock),
        "Backups",
        List.of("what", "name", "state", "detail"),
        (server, health, now) -> BackupRules.server(server, health, now),
        BackupsOverview::rows);
  }

  /** The fleet rule: declared guests without a recent enough backup on any server. */
  public static Function<Instant, List<Finding>> missing(
      OverviewReads<BackupServerHealth> reads, Supplier<List<DeclaredBackup>> guests) {
    return now -> {
      Map<String, BackupServerHealth> servers = answers(reads);
      if (servers.isEmpty()) {
        return List.of(); // nothing read yet: no verdict rather than every guest missing
      }
      return BackupRules.missing(guests.get(), servers, now);
    };
  }

  /** Each server's last answer, stale ones included. */
  public static Map<String, BackupServerHealth> answers(OverviewReads<BackupServerHealth> reads) {
    Map<String, BackupServerHealth> out = new HashMap<>();
    reads.reads().forEach((server, read) -> read.value().ifPresent(v -> out.put(server, v)));
    return out;
  }

  /**
   * Each declared guest with its limit: its own {@code backupMaxAge}, else the strictest of the
   * views that show it, else {@link BackupAge#DEFAULT}.
   */
  public static List<DeclaredBackup> declared(
      Optional<DesiredState> state, Function<String, Optional<FleetResource>> resource) {
    if (state.isEmpty()) {
      return List.of();
    }
    List<View> limited =
        state.get().views().stream().filter(v -> v.spec().backupMaxAge().isPresent()).toList();
    List<DeclaredBackup> out = new ArrayList<>();
    for (Guest g : state.get().guests()) {
      Guest.Spec spec = g.spec();
      Optional<Duration> limit = Optional.of(BackupAge.DEFAULT);
      String from = "default";
      if (spec.backupMaxAge().isPresent()) {
        limit = BackupAge.limit(spec.backupMaxAge().get());
        from = "guest";
      } else {
        Optional<FleetResource> r =
            resource.apply("remote/" + spec.remote() + "/guest/" + spec.vmid());
        Optional<Duration> strictest = Optional.empty();
        Optional<String> exemptBy = Optional.empty();
        for (View v : limited) {
          if (r.isEmpty() || !ViewFilter.of(v).matches(r.get())) {
            continue;
          }
          Optional<Duration> d = BackupAge.limit(v.spec().backupMaxAge().get());
          if (d.isEmpty()) {
            exemptBy = exemptBy.or(() -> Optional.of("view " + v.metadata().name()));
          } else if (strictest.isEmpty() || d.get().compareTo(strictest.get()) < 0) {
            strictest = d;
            from = "view " + v.metadata().name();
          }
        }
        if (strictest.isPresent()) {
          limit = strictest;
        } else if (exemptBy.isPresent()) {
          limit = Optional.empty();
          from = exemptBy.get();
        }
      }
      out.add(
          new DeclaredBackup(spec.remote(), spec.vmid(), spec.type(), spec.name(), limit, from));
    }
    return out;
  }

  private static Mono<BackupServerHealth> read(RemoteClients clients, Remote remote) {
    PbsClient pbs;
    try {
      pbs = clients.pbs(remote);
    } catch (SecretResolver.SecretUnavailableException e) {
      return Mono.error(
          new IllegalStateException(remote.metadata().name() + ": " + e.getMessage()));
    }
    Mono<List<DatastoreUsage>> usage = pbs.datastoreUsage().timeout(REQUEST_TIMEOUT);
    Mono<List<BackupServerHealth.JobRun>> jobs =
        Flux.concat(
                pbs.gcJobs().timeout(REQUEST_TIMEOUT).map(l -> runs("garbage collection", l)),
                pbs.verifyJobs().timeout(REQUEST_TIMEOUT).map(l -> runs("verify", l)),
                pbs.pruneJobs().timeout(REQUEST_TIMEOUT).map(l -> runs("prune", l)))
            .flatMapIterable(l -> l)
            .collectList();
    return usage.flatMap(
        stores ->
            jobs.zipWith(groups(pbs, stores))
                .map(
                    t ->
                        new BackupServerHealth(
                            stores.stream().map(BackupsOverview::datastore).toList(),
                            t.getT1(),
                            t.getT2())));
  }

  private static Mono<List<BackupServerHealth.GroupBackup>> groups(
      PbsClient pbs, List<DatastoreUsage> stores) {
    return Flux.fromIterable(stores)
        .filter(s -> s.error().isEmpty())
        .take(MAX_DATASTORES)
        .concatMap(
            s ->
                pbs.namespaces(s.store())
                    .timeout(REQUEST_TIMEOUT)
                    .flatMapMany(Flux::fromIterable)
                    .take(MAX_NAMESPACES)
                    .concatMap(
                        ns ->
                            pbs.snapshots(s.store(), ns)
                                .timeout(REQUEST_TIMEOUT)
                                .flatMapIterable(list -> newest(s.store(), ns, list))))
        .collectList();
  }

  /** The newest snapshot of each group, with how many the group holds. */
  static List<BackupServerHealth.GroupBackup> newest(
      String store, String ns, List<BackupSnapshot> snapshots) {
    Map<String, BackupSnapshot> newest = new LinkedHashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (BackupSnapshot s : snapshots.subList(0, Math.min(snapshots.size(), MAX_SNAPSHOTS))) {
      String key = s.backupType() + "/" + s.backupId();
      counts.merge(key, 1, Integer::sum);
      newest.merge(key, s, (a, b) -> a.backupTime() >= b.backupTime() ? a : b);
    }
    return newest.entrySet().stream()
        .map(
            e ->
                new BackupServerHealth.GroupBackup(
                    store,
                    ns,
                    e.getValue().backupType(),
                    e.getValue().backupId(),
                    Instant.ofEpochSecond(e.getValue().backupTime()),
                    counts.get(e.getKey()),
                    e.getValue().verification().map(BackupSnapshot.Verification::state)))
        .sorted(Comparator.comparing(BackupServerHealth.GroupBackup::shown))
        .toList();
  }

  private static BackupServerHealth.DatastoreHealth datastore(DatastoreUsage u) {
    return new BackupServerHealth.DatastoreHealth(
        u.store(),
        u.total(),
        u.used(),
        // PBS says 0 for a store that is not growing; a date in the past means shrinking.
        u.estimatedFullDate().filter(t -> t > 0).map(Instant::ofEpochSecond),
        u.error());
  }

  private static List<BackupServerHealth.JobRun> runs(String kind, List<PbsJobStatus> jobs) {
    return jobs.stream()
        .map(
            j ->
                new BackupServerHealth.JobRun(
                    kind,
                    j.id().orElse(j.store()),
                    j.store(),
                    j.lastRunState(),
                    j.lastRunEndtime().map(Instant::ofEpochSecond)))
        .toList();
  }

  private static List<OverviewRow> rows(String server, BackupServerHealth health) {
    List<OverviewRow> rows = new ArrayList<>();
    for (BackupServerHealth.DatastoreHealth d : health.datastores()) {
      rows.add(
          OverviewRow.ofRemote(
              server,
              fields(
                  "datastore",
                  d.store(),
                  d.error()
                      .map(e -> "unavailable: " + e)
                      .orElse(d.usage().map(u -> String.format("%.0f%% used", u * 100)).orElse("")),
                  d.fullAt()
                      .map(at -> "full around " + at.toString().substring(0, 10))
                      .orElse("not growing"))));
    }
    for (BackupServerHealth.JobRun j : health.jobs()) {
      rows.add(
          OverviewRow.ofRemote(
              server,
              fields(
                  j.kind(),
                  j.id(),
                  j.lastState().orElse("never ran"),
                  j.lastEnd().map(at -> "ended " + at).orElse(""))));
    }
    for (BackupServerHealth.GroupBackup g : health.groups()) {
      rows.add(
          OverviewRow.ofRemote(
              server,
              fields(
                  "backup",
                  g.shown(),
                  "verify " + g.verify().orElse("not yet"),
                  "newest " + g.newest() + ", " + g.count() + " in all")));
    }
    return rows;
  }

  private static Map<String, String> fields(String what, String name, String state, String detail) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("what", what);
    f.put("name", name);
    f.put("state", state);
    f.put("detail", detail);
    return f;
  }
}
