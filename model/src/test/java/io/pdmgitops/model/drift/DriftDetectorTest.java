package io.pdmgitops.model.drift;

import static io.pdmgitops.model.drift.Fleet.NOW;
import static io.pdmgitops.model.drift.Fleet.nodes;
import static io.pdmgitops.model.drift.Fleet.observed;
import static io.pdmgitops.model.drift.Fleet.remote;
import static io.pdmgitops.model.drift.Fleet.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.PowerState;
import io.pdmgitops.model.drift.Fleet.GuestBuilder;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.observed.RemoteObservation;
import io.pdmgitops.model.observed.Unreachability;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per situation a guest can be in: its sync, health, drifted fields and actionability. */
class DriftDetectorTest {
  static final ObjectRef WEB = new ObjectRef(Kind.GUEST, "web");

  static GuestObservation web(ObservedPower power) {
    return observed(100, "web", power);
  }

  static RemoteObservation east(GuestObservation... guests) {
    return new RemoteObservation.Reachable("east", "8.2.4", nodes(), List.of(guests));
  }

  static Stream<Arguments> guests() {
    GuestObservation locked =
        new GuestObservation(
            100,
            GuestType.QEMU,
            "web",
            "pve1",
            ObservedPower.STOPPED,
            false,
            Optional.of("backup"),
            Duration.ZERO,
            List.of(),
            Optional.empty());
    GuestObservation template =
        new GuestObservation(
            100,
            GuestType.QEMU,
            "web",
            "pve1",
            ObservedPower.STOPPED,
            true,
            Optional.empty(),
            Duration.ZERO,
            List.of(),
            Optional.empty());
    GuestObservation container =
        new GuestObservation(
            100,
            GuestType.LXC,
            "web",
            "pve1",
            ObservedPower.RUNNING,
            false,
            Optional.empty(),
            Duration.ofHours(1),
            List.of(),
            Optional.empty());
    GuestObservation upTwoHours =
        new GuestObservation(
            100,
            GuestType.QEMU,
            "web",
            "pve1",
            ObservedPower.RUNNING,
            false,
            Optional.empty(),
            Duration.ofHours(2),
            List.of(),
            Optional.empty());
    GuestObservation upHalfHour =
        new GuestObservation(
            100,
            GuestType.QEMU,
            "web",
            "pve1",
            ObservedPower.RUNNING,
            false,
            Optional.empty(),
            Duration.ofMinutes(30),
            List.of(),
            Optional.empty());
    // Rebooted 300 ms after restartedAt; the node answered 1.4 s later, with an uptime of 1 s, and
    // the poll began 1.2 s before that answer.
    GuestObservation rebootedJustAfter =
        new GuestObservation(
            100,
            GuestType.QEMU,
            "web",
            "pve1",
            ObservedPower.RUNNING,
            false,
            Optional.empty(),
            Duration.ofSeconds(1),
            List.of(),
            Optional.empty());
    RemoteObservation unreachable =
        new RemoteObservation.Unreachable("east", Unreachability.CONNECTION, "connection refused");
    return Stream.of(
        arguments(
            "running as desired",
            GuestBuilder.web(),
            east(web(ObservedPower.RUNNING)),
            SyncStatus.SYNCED,
            Health.HEALTHY,
            List.of(),
            true),
        arguments(
            "stopped, wants running",
            GuestBuilder.web(),
            east(web(ObservedPower.STOPPED)),
            SyncStatus.OUT_OF_SYNC,
            Health.HEALTHY,
            List.of("power"),
            true),
        arguments(
            "running, wants stopped",
            GuestBuilder.web().power(PowerState.STOPPED),
            east(web(ObservedPower.RUNNING)),
            SyncStatus.OUT_OF_SYNC,
            Health.HEALTHY,
            List.of("power"),
            true),
        arguments(
            "paused, wants running",
            GuestBuilder.web(),
            east(web(ObservedPower.PAUSED)),
            SyncStatus.OUT_OF_SYNC,
            Health.HEALTHY,
            List.of("power"),
            true),
        arguments(
            "power not managed",
            GuestBuilder.web().power(null),
            east(web(ObservedPower.STOPPED)),
            SyncStatus.SYNCED,
            Health.HEALTHY,
            List.of(),
            true),
        arguments(
            "missing on its remote",
            GuestBuilder.web(),
            east(),
            SyncStatus.OUT_OF_SYNC,
            Health.MISSING,
            List.of(),
            false),
        arguments(
            "another name on the vmid",
            GuestBuilder.web(),
            east(observed(100, "db", ObservedPower.STOPPED)),
            SyncStatus.OUT_OF_SYNC,
            Health.DEGRADED,
            List.of("name"),
            false),
        arguments(
            "a container on the vmid",
            GuestBuilder.web(),
            east(container),
            SyncStatus.OUT_OF_SYNC,
            Health.DEGRADED,
            List.of("type"),
            false),
        arguments(
            "remote unreachable",
            GuestBuilder.web(),
            unreachable,
            SyncStatus.UNKNOWN,
            Health.UNKNOWN,
            List.of(),
            false),
        arguments(
            "node offline",
            GuestBuilder.web(),
            east(web(ObservedPower.UNKNOWN)),
            SyncStatus.UNKNOWN,
            Health.UNKNOWN,
            List.of(),
            false),
        arguments(
            "locked",
            GuestBuilder.web(),
            east(locked),
            SyncStatus.OUT_OF_SYNC,
            Health.PROGRESSING,
            List.of("power"),
            true),
        arguments(
            "template asked to run",
            GuestBuilder.web(),
            east(template),
            SyncStatus.OUT_OF_SYNC,
            Health.DEGRADED,
            List.of("power"),
            false),
        arguments(
            "running since before restartedAt",
            GuestBuilder.web().restartedAt(NOW.minus(Duration.ofHours(1))),
            east(upTwoHours),
            SyncStatus.OUT_OF_SYNC,
            Health.HEALTHY,
            List.of("restartedAt"),
            true),
        arguments(
            "restarted after restartedAt",
            GuestBuilder.web().restartedAt(NOW.minus(Duration.ofHours(1))),
            east(upHalfHour),
            SyncStatus.SYNCED,
            Health.HEALTHY,
            List.of(),
            true),
        arguments(
            "rebooted just after restartedAt, uptime in whole seconds",
            GuestBuilder.web().restartedAt(NOW.minus(Duration.ofMillis(500))),
            east(rebootedJustAfter),
            SyncStatus.SYNCED,
            Health.HEALTHY,
            List.of(),
            true),
        arguments(
            "restartedAt still ahead",
            GuestBuilder.web().restartedAt(NOW.plus(Duration.ofHours(1))),
            east(upTwoHours),
            SyncStatus.SYNCED,
            Health.HEALTHY,
            List.of(),
            true),
        arguments(
            "restartedAt of a stopped guest",
            GuestBuilder.web().power(null).restartedAt(NOW.minus(Duration.ofHours(1))),
            east(web(ObservedPower.STOPPED)),
            SyncStatus.SYNCED,
            Health.HEALTHY,
            List.of(),
            true),
        arguments(
            "placed on another node",
            GuestBuilder.web().onNode("pve2"),
            east(web(ObservedPower.RUNNING)),
            SyncStatus.OUT_OF_SYNC,
            Health.HEALTHY,
            List.of("placement.node"),
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guests")
  void classifiesAGuest(
      String name,
      GuestBuilder guest,
      RemoteObservation east,
      SyncStatus sync,
      Health health,
      List<String> drifted,
      boolean actionable) {
    var state = state(remote("east"), guest.build());

    DriftReport report =
        DriftDetector.detect(state, Inventory.of(NOW, List.of(east)), DriftPolicy.ENFORCE);

    ResourceStatus status = report.status(WEB).orElseThrow();
    assertThat(status.sync()).as("sync").isEqualTo(sync);
    assertThat(status.health()).as("health").isEqualTo(health);
    assertThat(status.drifts())
        .extracting(FieldDrift::path)
        .as("drifts")
        .containsExactlyElementsOf(drifted);
    assertThat(status.actionable()).as("actionable").isEqualTo(actionable);
    assertThat(status.message()).as("message").isNotNull();
  }

  @Test
  void aGuestNotYetMovedToAnotherRemoteDriftsInPlacement() {
    var state =
        state(
            remote("east"), remote("west"), GuestBuilder.web().movedTo("west", "w1", 250).build());
    var west =
        new RemoteObservation.Reachable(
            "west", "8.3.2", List.of(new NodeObservation("w1", true)), List.of());

    ResourceStatus status =
        DriftDetector.detect(
                state,
                Inventory.of(NOW, List.of(east(web(ObservedPower.RUNNING)), west)),
                DriftPolicy.ENFORCE)
            .status(WEB)
            .orElseThrow();

    assertThat(status.drifts()).extracting(FieldDrift::path).containsExactly("placement.remote");
    assertThat(status.location().orElseThrow().remote()).isEqualTo("east");
  }

  @Test
  void aGuestMovedToAnotherRemoteIsJudgedThere() {
    var state =
        state(
            remote("east"), remote("west"), GuestBuilder.web().movedTo("west", "w1", 250).build());
    GuestObservation moved =
        new GuestObservation(
            250,
            GuestType.QEMU,
            "web",
            "w1",
            ObservedPower.RUNNING,
            false,
            Optional.empty(),
            Duration.ofMinutes(5),
            List.of(),
            Optional.empty());
    var west =
        new RemoteObservation.Reachable(
            "west", "8.3.2", List.of(new NodeObservation("w1", true)), List.of(moved));

    DriftReport report =
        DriftDetector.detect(
            state,
            Inventory.of(NOW, List.of(east(web(ObservedPower.STOPPED)), west)),
            DriftPolicy.ENFORCE);

    ResourceStatus status = report.status(WEB).orElseThrow();
    assertThat(status.sync()).isEqualTo(SyncStatus.SYNCED);
    assertThat(status.location().orElseThrow().remote()).isEqualTo("west");
    assertThat(report.unmanaged()).isEmpty();
  }

  @Test
  void guestsNobodyDeclaresAreUnmanagedAndNeverPlanned() {
    var state = state(remote("east"), GuestBuilder.web().build());
    var inventory =
        Inventory.of(
            NOW,
            List.of(
                east(web(ObservedPower.RUNNING), observed(555, "scratch", ObservedPower.STOPPED))));

    DriftReport report = DriftDetector.detect(state, inventory, DriftPolicy.ENFORCE);

    assertThat(report.unmanaged()).extracting(u -> u.guest().vmid()).containsExactly(555);
    assertThat(report.resources()).noneMatch(r -> r.ref().identity().equals("scratch"));
  }

  @Test
  void aLargeFleetIsJudgedGuestByGuestInTheStatesOrder() {
    int count = GuestRules.PARALLEL_FROM * 2;
    List<io.pdmgitops.model.desired.DesiredObject> objects = new java.util.ArrayList<>();
    objects.add(remote("east"));
    List<GuestObservation> seen = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      int vmid = 100 + i;
      String name = String.format("g-%06d", i);
      objects.add(
          new GuestBuilder(
                  name,
                  "east",
                  vmid,
                  GuestType.QEMU,
                  Optional.of(PowerState.RUNNING),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty())
              .build());
      if (i % 10 != 0) { // every tenth is missing, every seventh is stopped
        seen.add(observed(vmid, name, i % 7 == 0 ? ObservedPower.STOPPED : ObservedPower.RUNNING));
      }
    }
    seen.add(observed(99_999, "stray", ObservedPower.RUNNING));
    var state = Fleet.state(objects.toArray(io.pdmgitops.model.desired.DesiredObject[]::new));

    DriftReport report =
        DriftDetector.detect(
            state,
            Inventory.of(NOW, List.of(east(seen.toArray(GuestObservation[]::new)))),
            DriftPolicy.ENFORCE);

    List<ResourceStatus> guests =
        report.resources().stream().filter(r -> r.ref().kind() == Kind.GUEST).toList();
    assertThat(guests)
        .extracting(r -> r.ref().identity())
        .containsExactlyElementsOf(state.guests().stream().map(g -> g.metadata().name()).toList());
    for (int i = 0; i < count; i++) {
      ResourceStatus status = guests.get(i);
      Health expected = i % 10 == 0 ? Health.MISSING : Health.HEALTHY;
      assertThat(status.health()).as(status.ref().identity()).isEqualTo(expected);
      assertThat(status.drifted(GuestField.POWER))
          .as(status.ref().identity())
          .isEqualTo(i % 10 != 0 && i % 7 == 0);
    }
    assertThat(report.unmanaged()).extracting(u -> u.guest().vmid()).containsExactly(99_999);
    assertThat(state.guest("g-000000")).isPresent();
    assertThat(state.guest(String.format("g-%06d", count - 1))).isPresent();
    assertThat(state.guest("g-004321").orElseThrow().spec().vmid()).isEqualTo(100 + 4321);
    assertThat(state.guest("g-0043210")).isEmpty();
    assertThat(state.guest("a")).isEmpty();
    assertThat(state.guest("z")).isEmpty();
    assertThat(state.remote("east")).isPresent();
    assertThat(state.remote("west")).isEmpty();
  }

  @Test
  void unmanagedGuestsComeInRemoteOrderWhateverTheInventorysOrder() {
    var state = state(remote("east"), remote("west"));
    List<RemoteObservation> remotes = new java.util.ArrayList<>();
    for (String name : List.of("west", "north", "east", "south")) {
      remotes.add(
          new RemoteObservation.Reachable(
              name, "8.2.4", nodes(), List.of(observed(100, name + "-vm", ObservedPower.RUNNING))));
    }

    DriftReport report =
        DriftDetector.detect(state, Inventory.of(NOW, remotes), DriftPolicy.ENFORCE);

    assertThat(report.unmanaged())
        .extracting(UnmanagedGuest::remote)
        .containsExactly("east", "north", "south", "west");
  }

  @Test
  void theDeclaredPolicyWinsOverTheDefault() {
    var state = state(remote("east"), GuestBuilder.web().policy(DriftPolicy.REPORT).build());

    ResourceStatus status =
        DriftDetector.detect(
                state,
                Inventory.of(NOW, List.of(east(web(ObservedPower.STOPPED)))),
                DriftPolicy.ENFORCE)
            .status(WEB)
            .orElseThrow();

    assertThat(status.policy()).isEqualTo(DriftPolicy.REPORT);
  }

  @Test
  void remotesReportReachabilityPinTokenAndNodes() {
    var state = state(remote("east"), remote("west"), remote("north"), remote("south"));
    var offlineNode =
        new RemoteObservation.Reachable(
            "west",
            "8.3.2",
            List.of(new NodeObservation("w1", true), new NodeObservation("w2", false)),
            List.of());
    var pinMismatch =
        new RemoteObservation.Unreachable("north", Unreachability.CERTIFICATE, "presented AA:BB");

    DriftReport report =
        DriftDetector.detect(
            state,
            Inventory.of(NOW, List.of(east(), offlineNode, pinMismatch)),
            DriftPolicy.ENFORCE);

    assertThat(report.status(new ObjectRef(Kind.REMOTE, "east")).orElseThrow().health())
        .isEqualTo(Health.HEALTHY);
    assertThat(report.status(new ObjectRef(Kind.REMOTE, "west")).orElseThrow().message())
        .isEqualTo("nodes offline: w2");
    ResourceStatus north = report.status(new ObjectRef(Kind.REMOTE, "north")).orElseThrow();
    assertThat(north.health()).isEqualTo(Health.DEGRADED);
    assertThat(north.sync()).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(north.message()).isEqualTo("certificate does not match its pin: presented AA:BB");
    assertThat(report.status(new ObjectRef(Kind.REMOTE, "south")).orElseThrow().health())
        .isEqualTo(Health.UNKNOWN);
  }

  @Test
  void healthCombinesToTheWorse() {
    assertThat(Health.worst(Health.HEALTHY, Health.DEGRADED)).isEqualTo(Health.DEGRADED);
    assertThat(Health.worst(Health.UNKNOWN, Health.MISSING)).isEqualTo(Health.UNKNOWN);
    assertThat(Health.PROGRESSING.isWorseThan(Health.HEALTHY)).isTrue();
  }
}
