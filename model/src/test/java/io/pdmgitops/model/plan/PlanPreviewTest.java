package io.pdmgitops.model.plan;

import static io.pdmgitops.model.plan.PlannerTest.NOW;
import static io.pdmgitops.model.plan.PlannerTest.guest;
import static io.pdmgitops.model.plan.PlannerTest.seen;
import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.PowerState;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.NodeObservation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.observed.RemoteObservation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanPreviewTest {
  private static final Duration UP = Duration.ofHours(2);

  private static DesiredState state(DesiredObject... objects) {
    return DesiredState.of(new ArrayList<>(List.of(objects)), Map.of());
  }

  private static Inventory fleet(GuestObservation... guests) {
    return Inventory.of(
        NOW,
        List.of(
            new RemoteObservation.Reachable(
                "east", "8.2.4", List.of(new NodeObservation("pve1", true)), List.of(guests))));
  }

  private static PlanPreview preview(DesiredState inForce, DesiredState candidate, Inventory seen) {
    return PlanPreview.of(inForce, candidate, seen, DriftPolicy.ENFORCE);
  }

  @Test
  void aCandidateThatStopsARunningGuestListsTheGitChangeAndTheShutdown() {
    DesiredState inForce = state(guest("web", 101, PowerState.RUNNING, null, null));
    DesiredState candidate = state(guest("web", 101, PowerState.STOPPED, null, null));

    PlanPreview plan =
        preview(inForce, candidate, fleet(seen("web", 101, ObservedPower.RUNNING, UP)));

    assertThat(plan.entries()).hasSize(1);
    PlanPreview.Entry web = plan.entries().get(0);
    assertThat(web.ref().toString()).isEqualTo("Guest/web");
    assertThat(web.change()).isEqualTo(PlanPreview.GitChange.CHANGED);
    assertThat(web.action()).map(PlannedAction::type).contains(GuestAction.SHUTDOWN);
    assertThat(web.status().orElseThrow().drifts())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.field()).isEqualTo(io.pdmgitops.model.drift.GuestField.POWER);
              assertThat(d.desired()).isEqualTo("stopped");
              assertThat(d.observed()).isEqualTo("running");
            });
    assertThat(plan.changes()).isTrue();
    assertThat(plan.actions()).isEqualTo(1);
  }

  @Test
  void theStateInForceAgainstAFleetInSyncChangesNothing() {
    DesiredState inForce = state(guest("web", 101, PowerState.RUNNING, null, null));

    PlanPreview plan =
        preview(inForce, inForce, fleet(seen("web", 101, ObservedPower.RUNNING, UP)));

    assertThat(plan.entries()).isEmpty();
    assertThat(plan.changes()).isFalse();
  }

  @Test
  void driftUnderAReportPolicyIsListedButChangesNothing() {
    DesiredState inForce = state(guest("web", 101, PowerState.RUNNING, null, DriftPolicy.REPORT));

    PlanPreview plan =
        preview(inForce, inForce, fleet(seen("web", 101, ObservedPower.STOPPED, UP)));

    assertThat(plan.entries()).singleElement().satisfies(e -> assertThat(e.action()).isEmpty());
    assertThat(plan.changes()).isFalse();
  }

  @Test
  void driftIsPlannedEvenWhenGitDoesNotChangeTheGuest() {
    DesiredState inForce = state(guest("web", 101, PowerState.RUNNING, null, null));

    PlanPreview plan =
        preview(inForce, inForce, fleet(seen("web", 101, ObservedPower.STOPPED, UP)));

    assertThat(plan.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.change()).isEqualTo(PlanPreview.GitChange.NONE);
              assertThat(e.action()).map(PlannedAction::type).contains(GuestAction.START);
            });
    assertThat(plan.changes()).isTrue();
  }

  @Test
  void aRemovedGuestIsListedAsRemovedAndLeftAlone() {
    DesiredState inForce =
        state(
            guest("web", 101, PowerState.RUNNING, null, null),
            guest("db", 102, PowerState.RUNNING, null, null));
    DesiredState candidate = state(guest("web", 101, PowerState.RUNNING, null, null));

    PlanPreview plan =
        preview(
            inForce,
            candidate,
            fleet(
                seen("web", 101, ObservedPower.RUNNING, UP),
                seen("db", 102, ObservedPower.RUNNING, UP)));

    assertThat(plan.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.ref().toString()).isEqualTo("Guest/db");
              assertThat(e.change()).isEqualTo(PlanPreview.GitChange.REMOVED);
              assertThat(e.status()).isEmpty();
              assertThat(e.action()).isEmpty();
            });
    assertThat(plan.count(PlanPreview.GitChange.REMOVED)).isEqualTo(1);
    assertThat(plan.changes()).isTrue();
  }
}
