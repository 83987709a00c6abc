package io.pdmgitops.controller.ports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pdmgitops.controller.conditions.ConditionKind;
import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.controller.loop.LoopObserver;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import io.pdmgitops.webui.api.MetricsPort;
import java.time.Duration;
import java.util.Locale;

/**
 * Prometheus metrics: reconcile cycle durations, queue depth, actions by kind and result, remote
 * reachability, resources by sync status, active conditions by kind (a store that cannot be
 * written: {@code pdm_conditions{kind="store-unavailable"} > 0}).
 */
public final class FleetMetrics implements MetricsPort, LoopObserver {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer cycles;
  private final ReconcileLoop loop;

  public FleetMetrics(ReconcileLoop loop, Conditions conditions) {
    this.loop = loop;
    for (ConditionKind kind : ConditionKind.values()) {
      Gauge.builder("pdm_conditions", conditions, c -> c.count(kind))
          .tag("kind", kind.wire())
          .description("Active conditions: 1 or more means an operator should look")
          .register(registry);
    }
    this.cycles =
        Timer.builder("pdm_reconcile_cycle")
            .description("One poll, drift and plan of the fleet")
            .register(registry);
    Gauge.builder("pdm_queue_depth", loop, ReconcileLoop::queueDepth)
        .description("Reconciles running or waiting")
        .register(registry);
    for (SyncStatus sync : SyncStatus.values()) {
      Gauge.builder("pdm_resources", this, m -> m.count(sync))
          .tag("sync", sync.name().toLowerCase(Locale.ROOT))
          .description("Declared resources by sync status")
          .register(registry);
    }
    Gauge.builder("pdm_remotes_reachable", this, m -> m.remotes(true))
        .description("Remotes that answered the last poll")
        .register(registry);
    Gauge.builder("pdm_remotes_unreachable", this, m -> m.remotes(false))
        .description("Remotes that did not answer the last poll")
        .register(registry);
    for (boolean permanent : new boolean[] {true, false}) {
      Gauge.builder("pdm_action_failures", loop, l -> l.failures().count(permanent))
          .tag("kind", permanent ? "permanent" : "transient")
          .description("Resources whose next action is held back by a remembered failure")
          .register(registry);
    }
    loop.observe(this);
  }

  /** Where other parts of the controller register their meters (the health overviews). */
  public io.micrometer.core.instrument.MeterRegistry registry() {
    return registry;
  }

  @Override
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void cycleFinished(Duration took) {
    cycles.record(took);
  }

  @Override
  public void actionFinished(PlannedAction action, ReconcileResult result) {
    Counter.builder("pdm_actions")
        .tag("kind", action.resource().kind().kindName())
        .tag("action", action.type().name().toLowerCase(Locale.ROOT))
        .tag("result", result.getClass().getSimpleName().toLowerCase(Locale.ROOT))
        .description("Actions carried out, by result")
        .register(registry)
        .increment();
  }

  private double count(SyncStatus sync) {
    return loop.latestReport().map(r -> (double) r.count(sync)).orElse(0.0);
  }

  private double remotes(boolean reachable) {
    DriftReport report = loop.latestReport().orElse(null);
    if (report == null) {
      return 0;
    }
    return report.resources().stream()
        .filter(s -> s.ref().kind() == Kind.REMOTE)
        .filter(s -> (s.sync() == SyncStatus.SYNCED) == reachable)
        .count();
  }
}
