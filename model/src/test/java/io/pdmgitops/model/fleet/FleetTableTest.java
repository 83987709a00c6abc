package io.pdmgitops.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.drift.DriftDetector;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.load.DesiredStateLoader;
import io.pdmgitops.model.observed.DatastoreObservation;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.observed.ResourceUsage;
import io.pdmgitops.model.observed.StorageObservation;
import io.pdmgitops.model.observed.Unreachability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One table of everything, declared or not, up or down. */
class FleetTableTest {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final String FP = "AA:" + "BB:".repeat(30) + "CC";

  @TempDir Path repo;
  DesiredState state;

  @BeforeEach
  void declare() throws Exception {
    Files.writeString(
        repo.resolve("fleet.yaml"),
        """
        apiVersion: pdm-gitops/v1
        kind: Remote
        metadata: {name: east}
        spec:
          type: pve
          endpoints: [{url: "https://east.example:8006", fingerprint: "%s"}]
          token: {id: ctl@pve!ctl, secret: {env: EAST}}
        ---
        apiVersion: pdm-gitops/v1
        kind: Remote
        metadata: {name: backup}
        spec:
          type: pbs
          endpoints: [{url: "https://backup.example:8007", fingerprint: "%s"}]
          token: {id: ctl@pbs!ctl, secret: {env: BACKUP}}
        ---
        apiVersion: pdm-gitops/v1
        kind: Guest
        metadata: {name: web}
        spec: {remote: east, vmid: 100, type: qemu, name: web, power: running}
        ---
        apiVersion: pdm-gitops/v1
        kind: Guest
        metadata: {name: gone}
        spec: {remote: east, vmid: 101, type: lxc, name: gone, power: running}
        """
            .formatted(FP, FP));
    state = new DesiredStateLoader().load(repo).state().orElseThrow();
  }

  static GuestObservation guest(int vmid, String name, ObservedPower power) {
    return new GuestObservation(
        vmid,
        GuestType.QEMU,
        name,
        "pve1",
        power,
        false,
        Optional.empty(),
        Duration.ofHours(1),
        List.of("prod"),
        Optional.of("prod"),
        new ResourceUsage(0.5, 4, 1L << 30, 4L << 30, 0, 0));
  }

  Map<String, FleetResource> table(RemoteObservation... remotes) {
    Inventory inventory = Inventory.of(NOW, List.of(remotes));
    DriftReport report = DriftDetector.detect(state, inventory, DriftPolicy.ENFORCE);
    return FleetTable.of(state, inventory, report).stream()
        .collect(Collectors.toMap(FleetResource::id, Function.identity()));
  }

  @Test
  void everyObservedResourceHasARowWithPdmsGlobalId() {
    Map<String, FleetResource> rows =
        table(
            new RemoteObservation.Reachable(
                "east",
                "8.2.4",
                List.of(new NodeObservation("pve1", true)),
                List.of(
                    guest(100, "web", ObservedPower.RUNNING),
                    guest(102, "adhoc", ObservedPower.STOPPED)),
                List.of(),
                List.of(
                    new StorageObservation(
                        "pve1",
                        "local-lvm",
                        "lvmthin",
                        false,
                        "available",
                        95,
                        100,
                        List.of("images", "rootdir")))),
            new RemoteObservation.Reachable(
                "backup",
                "3.3.2",
                List.of(new NodeObservation("localhost", true)),
                List.of(),
                List.of(
                    new DatastoreObservation(
                        "store1", Optional.of(100L), Optional.of(10L), Optional.empty()))));

    assertThat(rows.keySet())
        .containsExactlyInAnyOrder(
            "remote/east",
            "remote/east/node/pve1",
            "remote/east/guest/100",
            "remote/east/guest/101",
            "remote/east/guest/102",
            "remote/east/storage/pve1/local-lvm",
            "remote/backup",
            "remote/backup/node/localhost",
            "remote/backup/datastore/store1");
    FleetResource web = rows.get("remote/east/guest/100");
    assertThat(web.declared()).contains("web");
    assertThat(web.sync()).contains(SyncStatus.SYNCED);
    assertThat(web.status()).isEqualTo("running");
    assertThat(web.usage().cpu()).isEqualTo(0.5);
    assertThat(rows.get("remote/east/guest/102").declared()).isEmpty();
    FleetResource gone = rows.get("remote/east/guest/101");
    assertThat(gone.status()).isEqualTo("missing");
    assertThat(gone.type()).isEqualTo(ResourceType.LXC);
    assertThat(gone.health()).contains(Health.MISSING);
    // The remote's guest count is what it reports: the row Git expects is not one of them.
    assertThat(gone.observed()).isFalse();
    assertThat(gone.properties()).contains(FleetResource.NOT_OBSERVED);
    assertThat(web.observed()).isTrue();
    assertThat(rows.get("remote/east/guest/102").observed()).isTrue();
    assertThat(rows.get("remote/east/storage/pve1/local-lvm").properties())
        .containsExactly("high-usage", "images", "rootdir");
    assertThat(rows.get("remote/backup/datastore/store1").properties()).isEmpty();
    assertThat(rows.get("remote/backup").remoteType().wire()).isEqualTo("pbs");
  }

  @Test
  void aRemoteThatIsDownKeepsItsRowAndItsDeclaredGuestsAsUnknown() {
    Map<String, FleetResource> rows =
        table(
            new RemoteObservation.Unreachable(
                "east", Unreachability.CONNECTION, "connection refused"),
            new RemoteObservation.Unreachable("backup", Unreachability.CONNECTION, "timed out"));

    assertThat(rows.get("remote/east").status()).isEqualTo("offline");
    assertThat(rows.get("remote/east").message()).isEqualTo("connection refused");
    assertThat(rows.get("remote/east/guest/100").status()).isEqualTo("unknown");
    assertThat(rows.get("remote/east/guest/100").sync()).contains(SyncStatus.UNKNOWN);
    assertThat(rows).doesNotContainKey("remote/east/node/pve1");
  }
}
