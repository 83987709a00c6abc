package io.pdmgitops.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.ObjectMeta;
import io.pdmgitops.model.desired.PowerState;
import io.pdmgitops.model.drift.DriftDetector;
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
    var east =
        new RemoteObservation.Reachable(
            "east", "8.2.4", List.of(new NodeObservation("pve1", true)), seen);
    return Planner.plan(
        DriftDetector.detect(state, Inventory.of(NOW, List.of(east)), DriftPolicy.ENFORCE), state);
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
        .extracting(PlannedAction::kind)
        .containsExactly(ActionKind.START, ActionKind.RESUME, ActionKind.SHUTDOWN);
    assertThat(actions.get(0).at().vmid()).isEqualTo(101);
    assertThat(actions.get(0).reason()).isEqualTo("power: want running, is stopped");
  }

  @Test
  void aDueRestartIsOneReboot() {
    List<PlannedAction> actions =
        plan(
            List.of(guest("a", 101, PowerState.RUNNING, NOW.minus(Duration.ofHours(1)), null)),
            List.of(seen("a", 101, ObservedPower.RUNNING, Duration.ofHours(3))));

    assertThat(actions)
        .singleElement()
        .extracting(PlannedAction::kind)
        .isEqualTo(ActionKind.REBOOT);
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
}
