package io.pdmgitops.controller.health;

import io.pdmgitops.model.health.Finding;
import io.pdmgitops.model.health.NodeSubscription;
import io.pdmgitops.model.health.SubscriptionRules;
import io.pdmgitops.webui.health.HealthPort;
import io.pdmgitops.webui.health.HealthReport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The Health page's findings, drawn by the model's rules from each overview's last answers (a stale
 * answer still counts, and its source says so), most urgent first.
 */
public final class HealthAdapter implements HealthPort {
  private final OverviewReads<List<NodeSubscription>> subscriptions;
  private final Clock clock;

  public HealthAdapter(OverviewReads<List<NodeSubscription>> subscriptions, Clock clock) {
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  @Override
  public HealthReport report() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<Finding> findings = new ArrayList<>();
    List<HealthReport.Source> sources = new ArrayList<>();
    for (Map.Entry<String, OverviewReads.Read<List<NodeSubscription>>> e :
        new java.util.TreeMap<>(subscriptions.reads()).entrySet()) {
      OverviewReads.Read<List<NodeSubscription>> read = e.getValue();
      read.value()
          .ifPresent(
              nodes -> findings.addAll(SubscriptionRules.findings(e.getKey(), nodes, today)));
      sources.add(
          new HealthReport.Source(
              subscriptions.name(),
              e.getKey(),
              read.readAt().map(Object::toString),
              read.error(),
              subscriptions.interval().toString()));
    }
    findings.sort(
        Comparator.comparing(Finding::severity)
            .thenComparing(Finding::remote)
            .thenComparing(f -> f.node().orElse(""))
            .thenComparing(Finding::rule));
    return new HealthReport(findings, sources);
  }

  @Override
  public boolean refresh(String remote) {
    return subscriptions.refresh(remote);
  }
}
