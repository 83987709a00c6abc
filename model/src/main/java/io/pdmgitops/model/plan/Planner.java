package io.pdmgitops.model.plan;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.FieldDrift;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.SyncStatus;
import io.pdmgitops.model.observed.ObservedPower;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns drift into actions: only for guests whose policy is enforce and whose status is actionable,
 * at most one action per guest per plan (a move first, then power, then a reboot; the next plan
 * sees the result and continues).
 */
public final class Planner {
  /** Remote, then the kind's order, then vmid: deterministic, and moves before power changes. */
  static final Comparator<PlannedAction> ORDER =
      Comparator.comparing((PlannedAction a) -> a.at().remote())
          .thenComparing(PlannedAction::kind)
          .thenComparingInt(a -> a.at().vmid());

  private Planner() {}

  public static List<PlannedAction> plan(DriftReport report, DesiredState state) {
    List<PlannedAction> actions = new ArrayList<>();
    for (ResourceStatus status : report.resources()) {
      if (status.ref().kind() != Kind.GUEST
          || status.policy() != DriftPolicy.ENFORCE
          || !status.actionable()
          || status.sync() != SyncStatus.OUT_OF_SYNC
          || status.location().isEmpty()) {
        continue;
      }
      Optional<Guest> guest = state.guest(status.ref().identity());
      guest.flatMap(g -> action(status, g)).ifPresent(actions::add);
    }
    actions.sort(ORDER);
    return List.copyOf(actions);
  }

  private static Optional<PlannedAction> action(ResourceStatus status, Guest guest) {
    var at = status.location().orElseThrow();
    if (status.drifted("placement.remote")) {
      return Optional.of(
          new PlannedAction(
              status.ref(),
              at,
              ActionKind.REMOTE_MIGRATE,
              reason(status, "placement.remote"),
              guest.spec().placement()));
    }
    if (status.drifted("placement.node")) {
      return Optional.of(
          new PlannedAction(
              status.ref(),
              at,
              ActionKind.MIGRATE,
              reason(status, "placement.node"),
              guest.spec().placement()));
    }
    if (status.drifted("power")) {
      ActionKind kind =
          switch (guest.spec().power().orElseThrow()) {
            case RUNNING ->
                at.power() == ObservedPower.PAUSED ? ActionKind.RESUME : ActionKind.START;
            case STOPPED -> ActionKind.SHUTDOWN;
          };
      return Optional.of(
          new PlannedAction(status.ref(), at, kind, reason(status, "power"), Optional.empty()));
    }
    if (status.drifted("restartedAt")) {
      return Optional.of(
          new PlannedAction(
              status.ref(),
              at,
              ActionKind.REBOOT,
              reason(status, "restartedAt"),
              Optional.empty()));
    }
    return Optional.empty();
  }

  private static String reason(ResourceStatus status, String field) {
    FieldDrift drift =
        status.drifts().stream().filter(d -> d.field().equals(field)).findFirst().orElseThrow();
    return field + ": want " + drift.desired() + ", is " + drift.observed();
  }
}
