package io.pdmgitops.controller.backups;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.observed.DatastoreObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.reconcilers.pbs.BackupGroup;
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
import java.util.function.BiFunction;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The newest backup of each guest on the backup servers Git declares: each PBS datastore's group
 * list ({@code GET /admin/datastore/{store}/groups}, one request per datastore per refresh) read on
 * an interval, never per page view. A guest is matched by type and VMID (PBS's {@code vm/120},
 * {@code ct/120}) in the root namespace; a server that fails keeps its last answer, marked with the
 * error and its age.
 */
public final class LastBackups implements AutoCloseable {
  /** Longest one datastore may take to list its groups. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

  /** Datastores read at once. */
  static final int READS_AT_ONCE = 4;

  /** Groups kept per datastore at most: an index bounded whatever a server holds. */
  static final int MAX_GROUPS = 50_000;

  /** Datastores read per server at most. */
  static final int MAX_DATASTORES = 64;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LastBackups.class);

  /** One datastore's backups of one guest. */
  public record Found(String remote, String datastore, Instant last, int count) {}

  /**
   * What one backup server gave at its last read, or why it gave nothing since.
   *
   * @param error empty when the last read worked; otherwise the groups are those of {@code readAt}
   */
  public record ServerRead(
      Instant readAt, Map<String, List<Found>> byGuest, Optional<String> error) {
    public ServerRead {
      byGuest = Map.copyOf(byGuest);
    }
  }

  private final Supplier<Optional<DesiredState>> state;
  private final Supplier<Optional<Inventory>> inventory;
  private final BiFunction<Remote, String, Mono<List<BackupGroup>>> groups;
  private final Clock clock;
  private volatile Map<String, ServerRead> servers = Map.of();
  private java.util.concurrent.ScheduledExecutorService scheduler;

  /**
   * @param state the snapshot in force: which PBS remotes are declared
   * @param inventory the last sweep: which datastores each one has
   * @param groups a datastore's backup groups, read from the remote
   */
  public LastBackups(
      Supplier<Optional<DesiredState>> state,
      Supplier<Optional<Inventory>> inventory,
      BiFunction<Remote, String, Mono<List<BackupGroup>>> groups,
      Clock clock) {
    this.state = state;
    this.inventory = inventory;
    this.groups = groups;
    this.clock = clock;
  }

  /** Refreshes on its own thread: first after {@code first}, then {@code every} after each end. */
  public synchronized void start(Duration first, Duration every) {
    if (scheduler != null) {
      throw new IllegalStateException("started already");
    }
    scheduler = io.pdmgitops.controller.threads.DaemonThreads.scheduler("pdm-last-backups");
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            refresh().block(READ_TIMEOUT.multipliedBy(MAX_DATASTORES));
          } catch (RuntimeException e) {
            LOG.warn("reading the backup servers failed: {}", e.toString());
          }
        },
        first.toMillis(),
        every.toMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  /** Reads every declared backup server's datastores once; servers no longer declared are gone. */
  public Mono<Void> refresh() {
    Optional<DesiredState> s = state.get();
    Optional<Inventory> seen = inventory.get();
    if (s.isEmpty() || seen.isEmpty()) {
      return Mono.empty();
    }
    List<Remote> pbs =
        s.get().remotes().stream().filter(r -> r.spec().type() == RemoteType.PBS).toList();
    return Flux.fromIterable(pbs)
        .flatMap(r -> read(r, datastores(seen.get(), r)), READS_AT_ONCE)
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .doOnNext(read -> servers = Map.copyOf(read))
        .then();
  }

  private static List<String> datastores(Inventory inventory, Remote remote) {
    return inventory
        .remote(remote.metadata().name())
        .filter(RemoteObservation.Reachable.class::isInstance)
        .map(r -> ((RemoteObservation.Reachable) r).datastores())
        .orElse(List.of())
        .stream()
        .map(DatastoreObservation::store)
        .limit(MAX_DATASTORES)
        .toList();
  }

  private Mono<Map.Entry<String, ServerRead>> read(Remote remote, List<String> stores) {
    String name = remote.metadata().name();
    Instant started = clock.instant();
    return Flux.fromIterable(stores)
        .concatMap(
            store ->
                Mono.defer(() -> groups.apply(remote, store))
                    .timeout(READ_TIMEOUT)
                    .map(list -> found(name, store, list)))
        .collectList()
        .map(
            perStore -> {
              Map<String, List<Found>> byGuest = new HashMap<>();
              perStore.forEach(
                  m ->
                      m.forEach(
                          (guest, f) ->
                              byGuest.computeIfAbsent(guest, k -> new ArrayList<>()).add(f)));
              return Map.entry(name, new ServerRead(started, byGuest, Optional.empty()));
            })
        .onErrorResume(
            e -> {
              ServerRead last = servers.get(name);
              String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
              return Mono.just(
                  Map.entry(
                      name,
                      last == null
                          ? new ServerRead(started, Map.of(), Optional.of(why))
                          : new ServerRead(last.readAt(), last.byGuest(), Optional.of(why))));
            });
  }

  private static Map<String, Found> found(String remote, String store, List<BackupGroup> list) {
    Map<String, Found> out = new LinkedHashMap<>();
    for (BackupGroup g : list.subList(0, Math.min(list.size(), MAX_GROUPS))) {
      if (g.lastBackup().isPresent()) {
        out.put(
            g.backupType() + "/" + g.backupId(),
            new Found(
                remote,
                store,
                Instant.ofEpochSecond(g.lastBackup().get()),
                g.backupCount().orElse(0)));
      }
    }
    return out;
  }

  /** The guest's newest backup on any declared backup server, as of their last reads. */
  public Optional<Found> newest(GuestType type, int vmid) {
    String key = (type == GuestType.LXC ? "ct/" : "vm/") + vmid;
    return servers.values().stream()
        .flatMap(s -> s.byGuest().getOrDefault(key, List.of()).stream())
        .max(Comparator.comparing(Found::last));
  }

  /** Each declared backup server's last read, by remote name. */
  public Map<String, ServerRead> servers() {
    return servers;
  }
}
