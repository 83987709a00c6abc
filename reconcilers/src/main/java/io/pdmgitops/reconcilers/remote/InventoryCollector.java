package io.pdmgitops.reconcilers.remote;

import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.observed.DatastoreObservation;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.observed.Unreachability;
import io.pdmgitops.reconcilers.api.AuthenticationFailedException;
import io.pdmgitops.reconcilers.api.CertificateMismatchException;
import io.pdmgitops.reconcilers.api.RemoteApiException;
import io.pdmgitops.reconcilers.api.RemoteUnreachableException;
import io.pdmgitops.reconcilers.pbs.PbsClient;
import io.pdmgitops.reconcilers.pve.ClusterInventory;
import io.pdmgitops.reconcilers.pve.GuestSummary;
import io.pdmgitops.reconcilers.pve.PveClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One poll of the fleet: per remote one bulk read (PVE: version and {@code /cluster/resources};
 * PBS: version and datastore usage), remotes in parallel under a cap. A remote that fails gets
 * PDM's back-off (10 s doubling to 3 min) and stays Unreachable, with the reason, until it may be
 * asked again; its guests are then Unknown, never "stopped".
 */
public final class InventoryCollector {
  /** Remotes polled at the same time. */
  public static final int DEFAULT_CONCURRENCY = 8;

  /** Nodes of one remote asked for their VMs' run state at the same time. */
  private static final int NODES_AT_ONCE = 4;

  /** How often every node with a running VM is asked which of its VMs are paused. */
  public static final Duration PAUSED_SCAN_INTERVAL = Duration.ofMinutes(2);

  private final RemoteClients clients;
  private final Clock clock;
  private final int concurrency;
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final Map<String, PausedScan> pausedScans = new ConcurrentHashMap<>();

  private record Failure(RemoteBackOff backOff, RemoteObservation.Unreachable last) {}

  public InventoryCollector(RemoteClients clients, Clock clock, int concurrency) {
    this.clients = clients;
    this.clock = clock;
    this.concurrency = concurrency;
  }

  /** Polls the declared remotes; state kept for remotes no longer declared is dropped. */
  public Mono<Inventory> collect(List<Remote> remotes) {
    retain(remotes);
    return poll(remotes);
  }

  /** Drops what is kept (back-offs, clients) for remotes no longer declared. */
  public void retain(List<Remote> remotes) {
    java.util.Set<String> declared =
        remotes.stream().map(r -> r.metadata().name()).collect(java.util.stream.Collectors.toSet());
    failures.keySet().retainAll(declared);
    pausedScans.keySet().retainAll(declared);
    clients.retain(declared);
  }

  /**
   * Polls some of the declared remotes, e.g. the ones a new commit touches, without forgetting
   * anything about the others.
   */
  public Mono<Inventory> poll(List<Remote> remotes) {
    Instant started = clock.instant();
    return Flux.fromIterable(remotes)
        .flatMap(this::observe, concurrency)
        .collectList()
        .map(observations -> Inventory.of(started, observations));
  }

  /** The back-off of a remote, for status pages: failures in a row and the next allowed poll. */
  public Optional<Instant> nextAllowedPoll(String remote) {
    return Optional.ofNullable(failures.get(remote)).map(f -> f.backOff().nextAllowed());
  }

  private Mono<RemoteObservation> observe(Remote remote) {
    String name = remote.metadata().name();
    Failure failure = failures.get(name);
    if (failure != null && !failure.backOff().mayPoll(clock.instant())) {
      return Mono.just(failure.last()); // still backing off: do not ask yet
    }
    Mono<RemoteObservation> poll;
    try {
      poll =
          remote.spec().type() == RemoteType.PBS
              ? pbs(name, clients.pbs(remote))
              : pve(name, clients.pve(remote));
    } catch (SecretResolver.SecretUnavailableException e) {
      return Mono.just(failed(name, Unreachability.SECRET, e.getMessage()));
    }
    return poll.doOnNext(o -> failures.remove(name))
        .onErrorResume(
            RemoteApiException.class, e -> Mono.just(failed(name, reason(e), e.getMessage())));
  }

  private Mono<RemoteObservation> pve(String name, PveClient client) {
    return Mono.zip(client.version(), client.clusterInventory())
        .flatMap(
            t ->
                pausedVms(name, client, t.getT2())
                    .map(
                        paused ->
                            new RemoteObservation.Reachable(
                                name,
                                t.getT1().version(),
                                t.getT2().nodes(),
                                withPaused(t.getT2().guests(), paused),
                                List.of(),
                                t.getT2().storages())));
  }

  /**
   * /cluster/resources says "running" for a paused VM too; {@code qemu?full=1} of a node tells them
   * apart, at the cost of one QMP query per running VM on the node. So every node with a running VM
   * is asked once per {@link #PAUSED_SCAN_INTERVAL}, and in between only the nodes where a VM was
   * paused, every poll: a VM that is resumed is seen running at the next poll, one that is paused
   * within the interval. A node that cannot answer keeps what was known of it.
   */
  private Mono<Set<Integer>> pausedVms(
      String remote, PveClient client, ClusterInventory inventory) {
    Set<String> running = new TreeSet<>();
    for (GuestObservation g : inventory.guests()) {
      if (g.type() == GuestType.QEMU && g.power() == ObservedPower.RUNNING) {
        running.add(g.node());
      }
    }
    Instant now = clock.instant();
    PausedScan before = pausedScans.getOrDefault(remote, PausedScan.NONE);
    boolean due = !now.isBefore(before.at().plus(PAUSED_SCAN_INTERVAL));
    Set<String> ask = new TreeSet<>(running);
    if (!due) {
      ask.retainAll(before.nodesWithPaused());
    }
    return Flux.fromIterable(ask)
        .flatMap(
            node ->
                client
                    .vmsWithQmpStatus(node)
                    .map(
                        vms ->
                            Map.entry(
                                node,
                                vms.stream()
                                    .filter(GuestSummary::isPaused)
                                    .map(GuestSummary::vmid)
                                    .collect(Collectors.toUnmodifiableSet())))
                    .onErrorResume(
                        RemoteApiException.class,
                        e -> Mono.just(Map.entry(node, before.pausedOn(node)))),
            NODES_AT_ONCE)
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .map(
            answers -> {
              PausedScan next = new PausedScan(due ? now : before.at(), answers);
              pausedScans.put(remote, next);
              return next.all();
            });
  }

  /** The VMs found paused per node, and when every node was last asked. */
  private record PausedScan(Instant at, Map<String, Set<Integer>> pausedByNode) {
    static final PausedScan NONE = new PausedScan(Instant.MIN, Map.of());

    Set<String> nodesWithPaused() {
      return pausedByNode.entrySet().stream()
          .filter(e -> !e.getValue().isEmpty())
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }

    Set<Integer> pausedOn(String node) {
      return pausedByNode.getOrDefault(node, Set.of());
    }

    Set<Integer> all() {
      Set<Integer> all = new HashSet<>();
      pausedByNode.values().forEach(all::addAll);
      return all;
    }
  }

  private static List<GuestObservation> withPaused(
      List<GuestObservation> guests, Set<Integer> paused) {
    if (paused.isEmpty()) {
      return guests;
    }
    return guests.stream()
        .map(
            g ->
                g.type() == GuestType.QEMU
                        && g.power() == ObservedPower.RUNNING
                        && paused.contains(g.vmid())
                    ? g.withPower(ObservedPower.PAUSED)
                    : g)
        .toList();
  }

  private static Mono<RemoteObservation> pbs(String name, PbsClient client) {
    return Mono.zip(client.version(), client.datastoreUsage())
        .map(
            t ->
                new RemoteObservation.Reachable(
                    name,
                    t.getT1().version() + t.getT1().release().map(r -> "." + r).orElse(""),
                    List.of(new NodeObservation("localhost", true)),
                    List.of(),
                    t.getT2().stream()
                        .map(
                            u ->
                                new DatastoreObservation(u.store(), u.total(), u.used(), u.error()))
                        .toList()));
  }

  private RemoteObservation failed(String name, Unreachability reason, String message) {
    RemoteObservation.Unreachable observation =
        new RemoteObservation.Unreachable(name, reason, message);
    failures.compute(
        name,
        (n, previous) ->
            new Failure(
                (previous == null ? RemoteBackOff.healthy() : previous.backOff())
                    .failed(clock.instant()),
                observation));
    return observation;
  }

  private static Unreachability reason(RemoteApiException e) {
    if (e instanceof CertificateMismatchException) {
      return Unreachability.CERTIFICATE;
    }
    if (e instanceof AuthenticationFailedException) {
      return Unreachability.AUTHENTICATION;
    }
    if (e instanceof RemoteUnreachableException) {
      return Unreachability.CONNECTION;
    }
    return Unreachability.ERROR;
  }
}
