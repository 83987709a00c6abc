package io.pdmgitops.reconcilers.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.reconcilers.api.ApiEndpoint;
import io.pdmgitops.reconcilers.api.ApiToken;
import io.pdmgitops.reconcilers.api.AuthenticationFailedException;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.reconcilers.api.NotFoundException;
import io.pdmgitops.reconcilers.api.Product;
import io.pdmgitops.reconcilers.api.ProxmoxTransport;
import io.pdmgitops.reconcilers.api.RemoteConnection;
import io.pdmgitops.reconcilers.api.TaskStatus;
import io.pdmgitops.reconcilers.api.Upid;
import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.FleetConfigReader;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PBS client against a simulated backup server over real HTTPS. */
class PbsClientIT {
  static final String FLEET =
      """
      pbs:
        - name: backup
          certificate: sim-3
          version: 3.2.7
          datastores:
            - name: store1
              size: 10TiB
              used: 4TiB
              groups:
                - {type: vm, id: "100", snapshots: [1763600000, 1763686400]}
                - {type: ct, id: "120", snapshots: [1763686400]}
            - {name: offsite, size: 20TiB, used: 15TiB}
          tokens:
            - {id: ctl@pbs!ctl, secret: 3c9e-pbs-secret, role: admin}
      """;

  static SimulatedFleet fleet;
  static PbsClient client;

  @BeforeAll
  static void start() {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    client = client("3c9e-pbs-secret");
  }

  @AfterAll
  static void stop() {
    fleet.close();
  }

  static PbsClient client(String secret) {
    List<ApiEndpoint> endpoints =
        fleet.endpoints("backup").stream()
            .map(u -> ApiEndpoint.pinned(u, fleet.fingerprint("backup")))
            .toList();
    return new WebPbsClient(
        new ProxmoxTransport(
            new RemoteConnection(
                "backup", Product.PBS, endpoints, new ApiToken("ctl@pbs!ctl", secret)),
            ClientSettings.defaults()));
  }

  @Test
  void readsVersionDatastoresAndUsage() {
    assertThat(client.version().block().version()).isEqualTo("3.2");
    assertThat(client.datastores().block())
        .extracting(Datastore::store)
        .containsExactly("store1", "offsite");

    List<DatastoreUsage> usage = client.datastoreUsage().block();
    assertThat(usage.get(0).total()).contains(10L << 40);
    assertThat(usage.get(1).usage()).hasValueSatisfying(u -> assertThat(u).isEqualTo(0.75));
    assertThat(usage.get(0).history()).as("a month, a point a day").hasSize(30);
    assertThat(usage.get(0).estimatedFullDate()).as("not growing").contains(0L);
  }

  @Test
  void readsJobResultsNamespacesAndOneNamespacesSnapshots() {
    assertThat(client.gcJobs().block())
        .extracting(PbsJobStatus::store, j -> j.lastRunState().orElseThrow())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("store1", "OK"),
            org.assertj.core.groups.Tuple.tuple("offsite", "OK"));
    assertThat(client.verifyJobs().block())
        .extracting(j -> j.id().orElseThrow())
        .contains("v-store1");
    assertThat(client.pruneJobs().block()).allSatisfy(j -> assertThat(j.nextRun()).isPresent());
    assertThat(client.namespaces("store1").block()).containsExactly("");
    assertThat(client.snapshots("store1", "").block())
        .isEqualTo(client.snapshots("store1").block());
    assertThatThrownBy(() -> client.snapshots("store1", "tenant-a").block())
        .isInstanceOf(io.pdmgitops.reconcilers.api.RemoteApiException.class)
        .hasMessageContaining("namespace 'tenant-a' does not exist");
  }

  @Test
  void readsNodeStatusWithRealNumbers() {
    PbsNodeStatus status = client.nodeStatus().block();

    assertThat(status.loadavg()).hasSize(3);
    assertThat(status.info().flatMap(PbsNodeStatus.Info::fingerprint))
        .contains(fleet.fingerprint("backup"));
  }

  @Test
  void readsTasksWithPbsFieldNamesAndFollowsOne() {
    List<PbsTask> tasks = client.tasks(50).block();

    assertThat(tasks).hasSize(2).allMatch(t -> t.workerType().equals("garbage_collection"));
    Upid upid = Upid.parse(tasks.get(0).upid()).orElseThrow();
    assertThat(upid.product()).isEqualTo(Product.PBS);
    TaskStatus status = client.taskStatus(upid).block();
    assertThat(status.succeeded()).isTrue();
    assertThat(client.taskLog(upid, 0, 0).block().lines())
        .last()
        .extracting(l -> l.t())
        .isEqualTo("TASK OK");
  }

  @Test
  void readsBackupGroupsAndSnapshots() {
    assertThat(client.groups("store1").block())
        .extracting(BackupGroup::backupType, BackupGroup::backupId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("vm", "100"),
            org.assertj.core.groups.Tuple.tuple("ct", "120"));
    List<BackupSnapshot> snapshots = client.snapshots("store1").block();
    assertThat(snapshots).hasSize(3);
    assertThat(snapshots.get(0).isProtected()).contains(false);
    assertThat(snapshots.get(0).verification().map(BackupSnapshot.Verification::state))
        .contains("ok");
  }

  @Test
  void plainTextErrorsKeepTheirText() {
    assertThatThrownBy(() -> client.groups("nope").block())
        .isInstanceOf(NotFoundException.class)
        .hasMessage("backup: datastore 'nope' does not exist");
    assertThatThrownBy(() -> client("wrong").version().block())
        .isInstanceOf(AuthenticationFailedException.class);
  }
}
