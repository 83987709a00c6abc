package io.pdmgitops.reconcilers.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pdmgitops.model.desired.ApiToken;
import io.pdmgitops.model.desired.Endpoint;
import io.pdmgitops.model.desired.ObjectMeta;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.desired.SecretRef;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.observed.Unreachability;
import io.pdmgitops.reconcilers.api.ClientSettings;
import io.pdmgitops.simulator.SimulatedFleet;
import io.pdmgitops.simulator.config.FleetConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bulk poll per remote against the simulated fleet: what it reports, what an unreachable,
 * mis-pinned or secret-less remote becomes, and PDM's back-off.
 */
class InventoryCollectorIT {
  static final String FLEET =
      """
      clusters:
        - name: east
          certificate: sim-1
          nodes: [{name: pve1}, {name: pve2}]
          storages: [{name: ceph-vm, type: rbd, shared: true, size: 4TiB, used: 1TiB}]
          guests:
            - {vmid: 100, name: web, type: qemu, node: pve1, status: running, tags: [prod], pool: prod}
            - {vmid: 101, name: cache, type: lxc, node: pve2, status: stopped, lock: backup}
            - {vmid: 9000, name: tpl, type: qemu, node: pve1, status: stopped, template: true}
          tokens: [{id: ctl@pve!ctl, secret: east-secret, role: audit}]
      pbs:
        - name: backup
          certificate: sim-3
          datastores: [{name: store1, size: 1TiB, used: 256GiB}]
          tokens: [{id: ctl@pbs!ctl, secret: pbs-secret, role: admin}]
      """;

  @TempDir Path secrets;
  SimulatedFleet fleet;
  MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
  InventoryCollector collector;
  RemoteClients clients;

  @BeforeEach
  void start() throws Exception {
    fleet = SimulatedFleet.start(FleetConfigReader.parse(FLEET));
    Files.writeString(secrets.resolve("pbs.token"), "pbs-secret\n");
    SecretResolver resolver = new SecretResolver(Map.of("EAST_TOKEN", "east-secret"));
    clients = new RemoteClients(resolver, ClientSettings.defaults());
    collector = new InventoryCollector(clients, clock, 4);
  }

  @AfterEach
  void stop() {
    clients.close();
    fleet.close();
  }

  Remote remote(
      String name, RemoteType type, String tokenId, SecretRef secret, String fingerprint) {
    List<Endpoint> endpoints =
        fleet.endpoints(name).stream()
            .map(u -> new Endpoint(u.toString(), Optional.of(fingerprint)))
            .toList();
    return new Remote(
        ObjectMeta.named(name),
        new Remote.Spec(type, endpoints, new ApiToken(tokenId, secret), Optional.empty()));
  }

  Remote east() {
    return remote(
        "east",
        RemoteType.PVE,
        "ctl@pve!ctl",
        SecretRef.env("EAST_TOKEN"),
        fleet.fingerprint("east"));
  }

  Remote backup() {
    return remote(
        "backup",
        RemoteType.PBS,
        "ctl@pbs!ctl",
        SecretRef.file(secrets.resolve("pbs.token").toString()),
        fleet.fingerprint("backup"));
  }

  @Test
  void readsEachRemoteInOneBulkPoll() {
    Inventory inventory = collector.collect(List.of(east(), backup())).block();

    var east = (RemoteObservation.Reachable) inventory.remote("east").orElseThrow();
    assertThat(east.version()).isEqualTo("8.2.4");
    assertThat(east.nodes()).hasSize(2).allMatch(n -> n.online());
    GuestObservation web = east.guest(100).orElseThrow();
    assertThat(web.power()).isEqualTo(ObservedPower.RUNNING);
    assertThat(web.tags()).containsExactly("prod");
    assertThat(web.uptime()).isPositive();
    assertThat(east.guest(101).orElseThrow().lock()).contains("backup");
    assertThat(east.guest(9000).orElseThrow().template()).isTrue();
    assertThat(web.usage().maxmem()).isPositive();
    assertThat(east.nodes()).allSatisfy(n -> assertThat(n.usage().maxcpu()).isPositive());
    assertThat(east.storages())
        .extracting(s -> s.node() + "/" + s.name())
        .containsExactlyInAnyOrder("pve1/ceph-vm", "pve2/ceph-vm");
    assertThat(east.storages())
        .allSatisfy(
            s -> {
              assertThat(s.shared()).isTrue();
              assertThat(s.plugintype()).isEqualTo("rbd");
              assertThat(s.total()).isEqualTo(4L << 40);
              assertThat(s.used()).isEqualTo(1L << 40);
              assertThat(s.content()).containsExactly("images", "rootdir");
            });
    var backup = (RemoteObservation.Reachable) inventory.remote("backup").orElseThrow();
    assertThat(backup.datastores())
        .singleElement()
        .satisfies(d -> assertThat(d.used()).contains(256L << 30));
  }

  @Test
  void closedClientsOpenNoNewConnection() {
    assertThat(collector.collect(List.of(east())).block().remote("east").orElseThrow())
        .isInstanceOf(RemoteObservation.Reachable.class);

    clients.close();

    assertThatThrownBy(() -> clients.pve(east()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the remote clients are closed");
  }

  @Test
  void guestsOnAnOfflineNodeAreUnknown() {
    fleet.cluster("east").setNodeOnline("pve2", false);

    var east =
        (RemoteObservation.Reachable)
            collector.collect(List.of(east())).block().remote("east").orElseThrow();

    assertThat(east.guest(101).orElseThrow().power()).isEqualTo(ObservedPower.UNKNOWN);
    assertThat(east.guest(100).orElseThrow().power()).isEqualTo(ObservedPower.RUNNING);
  }

  @Test
  void aPausedVmIsReportedPausedAtTheNextScanAndRunningAgainAtTheNextPoll() {
    assertThat(power(100)).isEqualTo(ObservedPower.RUNNING);
    assertThat(qemuLists()).as("the first poll asks the node with a running VM").hasSize(1);

    fleet.cluster("east").setPower(100, "paused");
    assertThat(power(100))
        .as("within the scan interval: not asked again")
        .isEqualTo(ObservedPower.RUNNING);
    assertThat(qemuLists()).hasSize(1);

    clock.advance(InventoryCollector.PAUSED_SCAN_INTERVAL);
    assertThat(power(100)).isEqualTo(ObservedPower.PAUSED);
    assertThat(qemuLists()).containsExactly("/nodes/pve1/qemu", "/nodes/pve1/qemu");

    // A node with a paused VM is asked every poll: resumed is seen at once.
    fleet.cluster("east").setPower(100, "running");
    assertThat(power(100)).isEqualTo(ObservedPower.RUNNING);
    assertThat(qemuLists()).hasSize(3);
    assertThat(power(100))
        .as("and then no more until the next scan")
        .isEqualTo(ObservedPower.RUNNING);
    assertThat(qemuLists()).hasSize(3);
  }

  ObservedPower power(int vmid) {
    var east =
        (RemoteObservation.Reachable)
            collector.collect(List.of(east())).block().remote("east").orElseThrow();
    return east.guest(vmid).orElseThrow().power();
  }

  List<String> qemuLists() {
    return fleet.requests("east").stream()
        .filter(r -> r.path().endsWith("/qemu") && r.method().equals("GET"))
        .map(r -> r.path())
        .toList();
  }

  @Test
  void aRemoteThatIsDownBacksOffAndRecoversByItself() {
    fleet.setDown("east", true);
    RemoteObservation first =
        collector.collect(List.of(east())).block().remote("east").orElseThrow();
    assertThat(first)
        .isInstanceOfSatisfying(
            RemoteObservation.Unreachable.class,
            u -> assertThat(u.reason()).isEqualTo(Unreachability.CONNECTION));
    assertThat(collector.nextAllowedPoll("east")).contains(clock.instant().plusSeconds(10));

    fleet.setDown("east", false);
    clock.advance(Duration.ofSeconds(5));
    assertThat(collector.collect(List.of(east())).block().remote("east").orElseThrow())
        .as("still backing off: not asked")
        .isSameAs(first);

    clock.advance(Duration.ofSeconds(6));
    assertThat(collector.collect(List.of(east())).block().remote("east").orElseThrow())
        .isInstanceOf(RemoteObservation.Reachable.class);
    assertThat(collector.nextAllowedPoll("east")).isEmpty();
  }

  @Test
  void aRemoteThatGoesDownAfterAnsweringIsUnreachableNotAnsweredFromAKeptConnection() {
    assertThat(collector.collect(List.of(east())).block().remote("east").orElseThrow())
        .isInstanceOf(RemoteObservation.Reachable.class);

    fleet.setDown("east", true);

    assertThat(collector.collect(List.of(east())).block().remote("east").orElseThrow())
        .isInstanceOfSatisfying(
            RemoteObservation.Unreachable.class,
            u -> assertThat(u.reason()).isEqualTo(Unreachability.CONNECTION));
  }

  @Test
  void aWrongPinAndAMissingSecretAreReportedWithTheirCause() {
    Remote misPinned =
        remote(
            "east",
            RemoteType.PVE,
            "ctl@pve!ctl",
            SecretRef.env("EAST_TOKEN"),
            fleet.fingerprint("backup"));
    Remote noSecret =
        remote(
            "backup",
            RemoteType.PBS,
            "ctl@pbs!ctl",
            SecretRef.env("PBS_TOKEN"),
            fleet.fingerprint("backup"));

    Inventory inventory = collector.collect(List.of(misPinned, noSecret)).block();

    assertThat(inventory.remote("east").orElseThrow())
        .isInstanceOfSatisfying(
            RemoteObservation.Unreachable.class,
            u -> {
              assertThat(u.reason()).isEqualTo(Unreachability.CERTIFICATE);
              assertThat(u.message()).contains(fleet.fingerprint("east"));
            });
    assertThat(inventory.remote("backup").orElseThrow())
        .isInstanceOfSatisfying(
            RemoteObservation.Unreachable.class,
            u -> {
              assertThat(u.reason()).isEqualTo(Unreachability.SECRET);
              assertThat(u.message()).isEqualTo("environment variable PBS_TOKEN is not set");
            });
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
