package io.pdmgitops.model.health;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Findings about one PVE cluster's subscriptions, as PDM's subscription panel reads them: a node
 * without a key, with an expired, invalid or suspended one, a key entered but never checked, a
 * renewal due within {@link #DUE_SOON}, and nodes of one cluster on different levels (Proxmox
 * supports a cluster only when every node has the same level).
 */
public final class SubscriptionRules {
  /** How early a coming renewal is mentioned. */
  public static final int DUE_SOON = 30;

  private SubscriptionRules() {}

  public static List<Finding> findings(
      String remote, List<NodeSubscription> nodes, LocalDate today) {
    List<Finding> out = new ArrayList<>();
    for (NodeSubscription n : nodes) {
      node(remote, n, today).ifPresent(out::add);
    }
    TreeSet<String> levels =
        nodes.stream().map(NodeSubscription::shown).collect(Collectors.toCollection(TreeSet::new));
    if (levels.size() > 1) {
      out.add(
          new Finding(
              "subscription-mixed",
              Severity.WARNING,
              remote,
              Optional.empty(),
              "the nodes of "
                  + remote
                  + " have different subscriptions: "
                  + nodes.stream()
                      .map(n -> n.node() + " " + n.shown())
                      .collect(Collectors.joining(", ")),
              "give every node of the cluster a key of the same level; Proxmox supports a"
                  + " cluster only then"));
    }
    return out;
  }

  private static Optional<Finding> node(String remote, NodeSubscription n, LocalDate today) {
    Optional<String> on = Optional.of(n.node());
    return switch (n.status()) {
      case "notfound" ->
          Optional.of(
              new Finding(
                  "subscription-none",
                  Severity.WARNING,
                  remote,
                  on,
                  n.node() + " has no subscription key: no enterprise repository, no support",
                  "add a key in the node's Subscription panel, or accept community support"));
      case "expired", "invalid", "suspended" ->
          Optional.of(
              new Finding(
                  "subscription-" + n.status(),
                  Severity.CRITICAL,
                  remote,
                  on,
                  n.node() + "'s subscription is " + n.status(),
                  n.status().equals("expired")
                      ? "renew the subscription, then check it again in the node's Subscription panel"
                      : "check the key in the node's Subscription panel; the shop says why it is "
                          + n.status()));
      case "new" ->
          Optional.of(
              new Finding(
                  "subscription-unchecked",
                  Severity.INFO,
                  remote,
                  on,
                  n.node() + " has a key that was never checked",
                  "press Check in the node's Subscription panel"));
      case "active" ->
          n.nextDueDate()
              .filter(due -> ChronoUnit.DAYS.between(today, due) <= DUE_SOON)
              .map(
                  due ->
                      new Finding(
                          "subscription-due",
                          Severity.INFO,
                          remote,
                          on,
                          n.node() + "'s subscription is due on " + due,
                          "renew it before " + due));
      default -> Optional.empty();
    };
  }
}
