package io.pdmgitops.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.ObjectMeta;
import io.pdmgitops.model.desired.Placement;
import io.pdmgitops.model.desired.PowerState;
import io.pdmgitops.model.drift.DriftDetector;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.Health;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.observed.RemoteObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  static Guest guest(
      String name, int vmid, PowerState power, Instant restartedAt, DriftPolicy policy) {
    return new Guest(
        ObjectMeta.named(name),
        new Guest.Spec(
            "east",
            vmid,
            GuestType.QEMU,
            name,
            Optional.ofNullable(power),
            Optional.ofNullable(restartedAt),
            Optional.empty(),
            Optional.ofNullable(policy)));
  }

  static GuestObservation seen(String name, int vmid, ObservedPower power, Duration uptime) {
    return new GuestObservation(
        vmid,
        GuestType.QEMU,
        name,
        "pve1",
        power,
        false,
        Optional.empty(),
        uptime,
        List.of(),
        Optional.empty());
  }

  static List<PlannedAction> plan(List<DesiredObject> guests, List<GuestObservation> seen) {
    DesiredState state = DesiredState.of(new ArrayList<>(guests), Map.of());
    return Planner.plan(report(state, seen), state);
  }

  static DriftReport report(DesiredState state, List<GuestObservation> seen) {
    var east =
        new RemoteObservation.Reachable(
            "east",
            "8.2.4",
            List.of(new NodeObservation("pve1", true), new NodeObservation("pve2", true)),
            seen);
    return DriftDetector.detect(state, Inventory.of(NOW, List.of(east)), DriftPolicy.ENFORCE);
  }

  /** A guest of {@code type} that should be on pve2, with the placement's {@code online}. */
  static Guest placed(String name, int vmid, GuestType type, PowerState power, Boolean online) {
    return new Guest(
        ObjectMeta.named(name),
        new Guest.Spec(
            "east",
            vmid,
            type,
            name,
            Optional.ofNullable(power),
            Optional.empty(),
            Optional.of(
                new Placement(
                    Optional.empty(),
                    "pve2",
                    Optional.empty(),
                    Map.of(),
                    Map.of(),
                    Optional.ofNullable(online),
                    Optional.empty(),
                    Optional.empty())),
            Optional.empty()));
  }

  static GuestObservation seen(String name, int vmid, GuestType type, ObservedPower power) {
    return new GuestObservation(
        vmid,
        type,
        name,
        "pve1",
        power,
        false,
        Optional.empty(),
        Duration.ofHours(1),
        List.of(),
        Optional.empty());
  }

  @Test
  void powerDriftBecomesStartShutdownOrResumeInVmidOrder() {
    List<PlannedAction> actions =
        plan(
            List.of(
                guest("c", 103, PowerState.RUNNING, null, null),
                guest("a", 101, PowerState.RUNNING, null, null),
                guest("b", 102, PowerState.STOPPED, null, null)),
            List.of(
                seen("a", 101, ObservedPower.STOPPED, Duration.ZERO),
                seen("b", 102, ObservedPower.RUNNING, Duration.ofHours(1)),
                seen("c", 103, ObservedPower.PAUSED, Duration.ofHours(1))));

    assertThat(actions)
        .extracting(PlannedAction::type)
        .containsExactly(GuestAction.START, GuestAction.RESUME, GuestAction.SHUTDOWN);
    assertThat(GuestTarget.of(actions.get(0)).at().vmid()).isEqualTo(101);
    assertThat(actions.get(0).reason()).isEqualTo("power: want running, is stopped");
  }

  @Test
  void aPausedVmThatShouldBeStoppedIsStoppedBecausePveRefusesToShutItDown() {
    List<PlannedAction> actions =
        plan(
            List.of(guest("c", 103, PowerState.STOPPED, null, null)),
            List.of(seen("c", 103, ObservedPower.PAUSED, Duration.ofHours(1))));

    assertThat(actions).extracting(PlannedAction::type).containsExactly(GuestAction.STOP);
    assertThat(actions.get(0).reason()).isEqualTo("power: want stopped, is paused");
  }

  @Test
  void aGuestDeclaredToStopAtOnceIsStoppedNotShutDown() {
    Guest hard = guest("h", 104, PowerState.STOPPED, null, null);
    hard =
        new Guest(
            hard.metadata(),
            new Guest.Spec(
                "east",
                104,
                GuestType.QEMU,
                "h",
                Optional.of(PowerState.STOPPED),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(io.pdmgitops.model.desired.StopMethod.STOP)));

    List<PlannedAction> actions =
        plan(List.of(hard), List.of(seen("h", 104, ObservedPower.RUNNING, Duration.ofHours(1))));

    assertThat(actions).extracting(PlannedAction::type).containsExactly(GuestAction.STOP);
  }

  @Test
  void aDueRestartIsOneReboot() {
    List<PlannedAction> actions =
        plan(
            List.of(guest("a", 101, PowerState.RUNNING, NOW.minus(Duration.ofHours(1)), null)),
            List.of(seen("a", 101, ObservedPower.RUNNING, Duration.ofHours(3))));

    assertThat(actions)
        .singleElement()
        .extracting(PlannedAction::type)
        .isEqualTo(GuestAction.REBOOT);
  }

  @Test
  void reportAndIgnoreNeverAct() {
    List<PlannedAction> actions =
        plan(
            List.of(
                guest("a", 101, PowerState.RUNNING, null, DriftPolicy.REPORT),
                guest("b", 102, PowerState.RUNNING, null, DriftPolicy.IGNORE)),
            List.of(
                seen("a", 101, ObservedPower.STOPPED, Duration.ZERO),
                seen("b", 102, ObservedPower.STOPPED, Duration.ZERO)));

    assertThat(actions).isEmpty();
  }

  @Test
  void aNameMismatchBlocksEveryAction() {
    List<PlannedAction> actions =
        plan(
            List.of(guest("a", 101, PowerState.RUNNING, null, null)),
            List.of(seen("someone-else", 101, ObservedPower.STOPPED, Duration.ZERO)));

    assertThat(actions).isEmpty();
  }

  @Test
  void aRunningVmThatMayNotMoveLiveIsBlockedNotPlanned() {
    DesiredState state =
        DesiredState.of(
            new ArrayList<>(List.of(placed("a", 101, GuestType.QEMU, null, false))), Map.of());
    DriftReport report =
        report(state, List.of(seen("a", 101, GuestType.QEMU, ObservedPower.RUNNING)));

    Plan plan = Planner.review(report, state);

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.blocked())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.type()).isEqualTo(GuestAction.MIGRATE);
              assertThat(b.reason())
                  .isEqualTo(
                      "placement.online is false, but VM 101 is running and PVE moves a running"
                          + " VM only live: set online to true, or stop the VM first");
            });
    ResourceStatus shown =
        plan.markBlocked(report).status(ObjectRef.of(state.guests().get(0))).orElseThrow();
    assertThat(shown.actionable()).isFalse();
    assertThat(shown.health()).isEqualTo(Health.DEGRADED);
    assertThat(shown.sync()).isEqualTo(SyncStatus.OUT_OF_SYNC);
    assertThat(shown.message()).isEqualTo(plan.blocked().get(0).reason());
  }

  @Test
  void aVmToBeStoppedIsShutDownFirstAndThenMovesOffline() {
    DesiredState state =
        DesiredState.of(
            new ArrayList<>(List.of(placed("a", 101, GuestType.QEMU, PowerState.STOPPED, false))),
            Map.of());

    Plan running =
        Planner.review(
            report(state, List.of(seen("a", 101, GuestType.QEMU, ObservedPower.RUNNING))), state);
    Plan stopped =
        Planner.review(
            report(state, List.of(seen("a", 101, GuestType.QEMU, ObservedPower.STOPPED))), state);

    assertThat(running.blocked()).isEmpty();
    assertThat(running.actions())
        .singleElement()
        .extracting(PlannedAction::type)
        .isEqualTo(GuestAction.SHUTDOWN);
    assertThat(stopped.actions())
        .singleElement()
        .extracting(PlannedAction::type)
        .isEqualTo(GuestAction.MIGRATE);
  }

  @Test
  void aLiveMoveAndAContainersMoveAreStillPlanned() {
    List<PlannedAction> actions =
        plan(
            List.of(
                placed("a", 101, GuestType.QEMU, null, null),
                placed("b", 102, GuestType.LXC, null, false),
                placed("c", 103, GuestType.LXC, null, true)),
            List.of(
                seen("a", 101, GuestType.QEMU, ObservedPower.RUNNING),
                seen("b", 102, GuestType.LXC, ObservedPower.RUNNING),
                seen("c", 103, GuestType.LXC, ObservedPower.RUNNING)));

    assertThat(actions).extracting(PlannedAction::type).containsOnly(GuestAction.MIGRATE);
    assertThat(actions).hasSize(3);
  }
}
