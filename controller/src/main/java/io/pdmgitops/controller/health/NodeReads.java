package io.pdmgitops.controller.health;

import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.reconcilers.pve.PveClient;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How a per-node overview reads a PVE remote: each node the last sweep saw online, one after the
 * other (a cluster answers its nodes' requests through the node asked, so asking them at once only
 * queues them there), each answer within {@link #NODE_TIMEOUT}.
 */
final class NodeReads {
  /** Longest one node may take to answer. */
  static final Duration NODE_TIMEOUT = Duration.ofSeconds(15);

  private NodeReads() {}

  /** An overview's reads of every remote: {@code read} once per online node of each. */
  static <T> OverviewReads<List<T>> perNode(
      String name,
      Duration every,
      java.util.function.Supplier<List<Remote>> remotes,
      LastSweep sweep,
      RemoteClients clients,
      java.time.Clock clock,
      BiFunction<PveClient, String, Mono<T>> read) {
    return new OverviewReads<>(
        name, every, remotes, remote -> each(sweep, clients, remote, read), clock);
  }

  /** The reads of the remote's online nodes; fails when the last sweep did not reach it. */
  static <T> Mono<List<T>> each(
      LastSweep sweep,
      RemoteClients clients,
      Remote remote,
      BiFunction<PveClient, String, Mono<T>> read) {
    String name = remote.metadata().name();
    Optional<RemoteObservation> seen = sweep.remote(name);
    if (seen.isEmpty() || !(seen.get() instanceof RemoteObservation.Reachable reachable)) {
      return Mono.error(new IllegalStateException(name + " was not reached by the last poll"));
    }
    PveClient pve;
    try {
      pve = clients.pve(remote);
    } catch (SecretResolver.SecretUnavailableException e) {
      return Mono.error(new IllegalStateException(name + ": " + e.getMessage()));
    }
    return Flux.fromIterable(reachable.nodes())
        .filter(NodeObservation::online)
        .concatMap(n -> read.apply(pve, n.name()).timeout(NODE_TIMEOUT))
        .collectList();
  }

  /** A client of a declared remote, or a failed read naming what is missing. */
  static Mono<PveClient> client(RemoteClients clients, Remote remote) {
    try {
      return Mono.just(clients.pve(remote));
    } catch (SecretResolver.SecretUnavailableException e) {
      return Mono.error(
          new IllegalStateException(remote.metadata().name() + ": " + e.getMessage()));
    }
  }
}
