package io.pdmgitops.controller.health;

import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.health.NodeSubscription;
import io.pdmgitops.model.health.SubscriptionRules;
import io.pdmgitops.reconcilers.pve.Subscription;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.webui.health.OverviewRow;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The subscriptions overview: {@code GET /nodes/{node}/subscription} for each online node. */
public final class SubscriptionOverview {
  private SubscriptionOverview() {}

  /** The overview of these remotes, read on this interval. */
  public static HealthOverview<List<NodeSubscription>> of(
      Supplier<List<Remote>> remotes,
      LastSweep sweep,
      RemoteClients clients,
      Duration every,
      Clock clock) {
    return new HealthOverview<>(
        NodeReads.perNode(
            "subscriptions",
            every,
            remotes,
            sweep,
            clients,
            clock,
            (pve, node) -> pve.subscription(node).map(s -> subscription(node, s))),
        "Subscriptions",
        List.of("node", "status", "level", "next due"),
        (remote, nodes, now) ->
            SubscriptionRules.findings(remote, nodes, LocalDate.ofInstant(now, ZoneOffset.UTC)),
        (remote, nodes) -> nodes.stream().map(n -> row(remote, n)).toList());
  }

  private static OverviewRow row(String remote, NodeSubscription n) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("node", n.node());
    fields.put("status", n.status());
    fields.put("level", n.shown());
    fields.put("next due", n.nextDueDate().map(LocalDate::toString).orElse(""));
    return OverviewRow.ofNode(remote, n.node(), fields);
  }

  private static NodeSubscription subscription(String node, Subscription s) {
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
