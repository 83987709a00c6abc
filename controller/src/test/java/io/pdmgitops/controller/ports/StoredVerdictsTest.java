package io.pdmgitops.controller.ports;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.conditions.Conditions;
import io.pdmgitops.controller.git.SnapshotTracker;
import io.pdmgitops.controller.loop.LoopSettings;
import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.controller.queue.ExecutorTimers;
import io.pdmgitops.controller.queue.ReconcileQueue;
import io.pdmgitops.controller.retry.RetryPolicy;
import io.pdmgitops.controller.store.JdbcResourceStore;
import io.pdmgitops.controller.store.JdbcStatusStore;
import io.pdmgitops.controller.store.SchemaMigrator;
import io.pdmgitops.controller.store.StatusRecorder;
import io.pdmgitops.controller.store.StoreActionJournal;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.FieldDrift;
import io.pdmgitops.model.drift.GuestField;
import io.pdmgitops.model.drift.GuestLocation;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.engine.KindReconcilers;
import io.pdmgitops.reconcilers.remote.InventoryCollector;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.reconcilers.remote.SecretResolver;
import io.pdmgitops.webui.api.ResourceView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a restart the drift page is not blank: until this controller's first cycle, it shows the
 * verdicts the store kept, saying when they were recorded, and acts on none of them.
 */
class StoredVerdictsTest {
  static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

  @TempDir Path data;

  @Test
  void beforeTheFirstCycleTheDriftViewShowsTheStoredVerdicts() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + data.resolve("status"));
    SchemaMigrator.migrate(h2);
    JdbcResourceStore resources = new JdbcResourceStore(h2);
    // what the previous run recorded: web drifting
    new StatusRecorder(resources, Clock.fixed(T0, ZoneOffset.UTC))
        .record(
            new DriftReport(
                T0,
                List.of(
                    new ResourceStatus(
                        new ObjectRef(Kind.GUEST, "web"),
                        SyncStatus.OUT_OF_SYNC,
                        Health.HEALTHY,
                        List.of(new FieldDrift(GuestField.POWER, "stopped", "running")),
                        DriftPolicy.ENFORCE,
                        true,
                        "power: want stopped, is running",
                        Optional.of(
                            new GuestLocation(
                                "dc-east", "pve1", GuestType.QEMU, 100, ObservedPower.RUNNING)))),
                List.of()),
            Optional.of("c0ffee"));
    JdbcStatusStore store = new JdbcStatusStore(h2);
    ReconcileLoop notStarted =
        new ReconcileLoop(
            new SnapshotTracker(new DesiredStateLoader()),
            new InventoryCollector(
                new RemoteClients(new SecretResolver(Map.of()), ClientSettings.defaults()),
                Clock.systemUTC(),
                1),
            new KindReconcilers(List.of()),
            new StoreActionJournal(store, Clock.systemUTC()),
            LoopSettings.defaults(),
            (reconciler, budget) ->
                new ReconcileQueue<>(
                    reconciler,
                    RetryPolicy.defaults(),
                    new ExecutorTimers(),
                    () -> 0.5,
                    1,
                    1,
                    budget),
            Clock.systemUTC());

    List<ResourceView> shown =
        new FleetStatusAdapter(
                notStarted,
                new SnapshotTracker(new DesiredStateLoader()),
                store,
                resources,
                new Conditions(Clock.systemUTC()))
            .drift()
            .block();

    assertThat(shown)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.kind()).isEqualTo("Guest");
              assertThat(v.name()).isEqualTo("web");
              assertThat(v.sync()).isEqualTo("OUT_OF_SYNC");
              assertThat(v.actionable()).as("nothing acts on a stored verdict").isFalse();
              assertThat(v.message())
                  .isEqualTo(
                      "as recorded 2026-12-03T12:00:00Z, before this controller's first cycle:"
                          + " power: want stopped, is running");
              assertThat(v.drifts())
                  .extracting(ResourceView.DriftView::field)
                  .containsExactly("power");
              assertThat(v.remote()).contains("dc-east");
            });
    notStarted.close();
  }
}
