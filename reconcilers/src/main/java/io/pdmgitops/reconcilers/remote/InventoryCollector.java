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
import java.time.Instant;
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

  private final RemoteClients clients;
  private final Clock clock;
  private final int concurrency;
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();

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

  private static Mono<RemoteObservation> pve(String name, PveClient client) {
    return Mono.zip(client.version(), client.clusterInventory())
        .flatMap(
            t ->
                pausedVms(client, t.getT2())
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
   * /cluster/resources says "running" for a paused VM too: one {@code qemu?full=1} per node that
   * hosts a running VM tells them apart (pvestatd asks the same of QEMU every 10 s). A node that
   * cannot answer leaves its VMs as the list had them.
   */
  private static Mono<Set<Integer>> pausedVms(PveClient client, ClusterInventory inventory) {
    Set<String> nodes = new TreeSet<>();
    for (GuestObservation g : inventory.guests()) {
      if (g.type() == GuestType.QEMU && g.power() == ObservedPower.RUNNING) {
        nodes.add(g.node());
      }
    }
    return Flux.fromIterable(nodes)
        .flatMap(
            node ->
                client
                    .vmsWithQmpStatus(node)
                    .onErrorResume(RemoteApiException.class, e -> Mono.just(List.of())),
            NODES_AT_ONCE)
        .flatMapIterable(list -> list)
        .filter(GuestSummary::isPaused)
        .map(GuestSummary::vmid)
        .collect(Collectors.toSet());
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
