package io.pdmgitops.controller.health;

import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.health.NodeSubscription;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.reconcilers.pve.Subscription;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One read of a PVE remote's subscriptions: {@code GET /nodes/{node}/subscription} for each node
 * the last sweep saw online, one after the other (a cluster answers its nodes' requests through the
 * node asked).
 */
public final class SubscriptionOverview implements Function<Remote, Mono<List<NodeSubscription>>> {
  /** Longest one node may take to answer. */
  static final Duration NODE_TIMEOUT = Duration.ofSeconds(15);

  private final ReconcileLoop loop;
  private final RemoteClients clients;

  SubscriptionOverview(ReconcileLoop loop, RemoteClients clients) {
    this.loop = loop;
    this.clients = clients;
  }

  /** The overview's reads of these remotes, on this interval. */
  public static OverviewReads<List<NodeSubscription>> reads(
      java.util.function.Supplier<List<Remote>> remotes,
      ReconcileLoop loop,
      RemoteClients clients,
      Duration every,
      java.time.Clock clock) {
    return new OverviewReads<>(
        "subscriptions", every, remotes, new SubscriptionOverview(loop, clients), clock);
  }

  @Override
  public Mono<List<NodeSubscription>> apply(Remote remote) {
    String name = remote.metadata().name();
    Optional<RemoteObservation> seen =
        loop.latestObserved().flatMap(o -> o.inventory().remote(name));
    if (seen.isEmpty() || !(seen.get() instanceof RemoteObservation.Reachable reachable)) {
      return Mono.error(new IllegalStateException(name + " was not reached by the last poll"));
    }
    try {
      var pve = clients.pve(remote);
      return Flux.fromIterable(reachable.nodes())
          .filter(NodeObservation::online)
          .concatMap(
              n -> pve.subscription(n.name()).timeout(NODE_TIMEOUT).map(s -> of(n.name(), s)))
          .collectList();
    } catch (SecretResolver.SecretUnavailableException e) {
      return Mono.error(new IllegalStateException(name + ": " + e.getMessage()));
    }
  }

  private static NodeSubscription of(String node, Subscription s) {
    return new NodeSubscription(
        node, s.normalisedStatus(), s.level(), s.nextduedate().flatMap(SubscriptionOverview::date));
  }

  /** PVE writes {@code 2026-12-31}; anything else is no date rather than a failed read. */
  private static Optional<LocalDate> date(String text) {
    try {
      return Optional.of(
          LocalDate.parse(text.strip().substring(0, Math.min(10, text.strip().length()))));
    } catch (DateTimeParseException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }
}
