package io.pdmgitops.model.plan;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.StopMethod;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.FieldDrift;
import io.pdmgitops.model.drift.GuestField;
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
 * sees the result and continues). A move PVE would refuse as declared ({@link MoveCheck}) is not
 * sent: the guest is {@link BlockedAction blocked} with the reason, unless the declared power is
 * stopped, whose shutdown comes first and makes the move possible in the next plan.
 */
public final class Planner {
  /** Remote, then the kind's order, then vmid: deterministic, and moves before power changes. */
  static final Comparator<PlannedAction> ORDER =
      Comparator.comparing(PlannedAction::remote)
          .thenComparingInt(a -> ((GuestAction) a.type()).ordinal())
          .thenComparingInt(a -> GuestTarget.of(a).at().vmid());

  private Planner() {}

  /** The actions of {@link #review}; the blocked guests are left out. */
  public static List<PlannedAction> plan(DriftReport report, DesiredState state) {
    return review(report, state).actions();
  }

  /** The actions to send, and the guests whose drift cannot be acted on as declared. */
  public static Plan review(DriftReport report, DesiredState state) {
    return review(report.resources(), state);
  }

  /** {@link #review(DriftReport, DesiredState)} of these verdicts. */
  public static Plan review(List<ResourceStatus> verdicts, DesiredState state) {
    List<PlannedAction> actions = new ArrayList<>();
    List<BlockedAction> blocked = new ArrayList<>();
    for (ResourceStatus status : verdicts) {
      if (status.ref().kind() != Kind.GUEST
          || status.policy() != DriftPolicy.ENFORCE
          || !status.actionable()
          || status.sync() != SyncStatus.OUT_OF_SYNC
          || status.location().isEmpty()) {
        continue;
      }
      Optional<Guest> guest = state.guest(status.ref().identity());
      if (guest.isEmpty()) {
        continue;
      }
      Optional<PlannedAction> move = move(status, guest.get());
      Optional<String> refusal =
          move.flatMap(
              m -> {
                GuestTarget target = GuestTarget.of(m);
                return MoveCheck.refusal(target.at(), target.placement().orElseThrow());
              });
      if (move.isPresent() && refusal.isEmpty()) {
        actions.add(move.get());
        continue;
      }
      Optional<PlannedAction> inPlace = inPlace(status, guest.get());
      if (refusal.isEmpty()) {
        inPlace.ifPresent(actions::add);
      } else if (inPlace
          .map(a -> a.type() == GuestAction.SHUTDOWN || a.type() == GuestAction.STOP)
          .orElse(false)) {
        actions.add(inPlace.get()); // stopped, the VM may move offline: the next plan moves it
      } else {
        blocked.add(new BlockedAction(status.ref(), move.get().type(), refusal.get()));
      }
    }
    actions.sort(ORDER);
    return new Plan(actions, blocked);
  }

  /** A move to another remote or node, if the placement drifts. */
  private static Optional<PlannedAction> move(ResourceStatus status, Guest guest) {
    var at = status.location().orElseThrow();
    if (status.drifted(GuestField.PLACEMENT_REMOTE)) {
      return Optional.of(
          PlannedAction.guest(
              status.ref(),
              at,
              GuestAction.REMOTE_MIGRATE,
              reason(status, GuestField.PLACEMENT_REMOTE),
              guest.spec().placement()));
    }
    if (status.drifted(GuestField.PLACEMENT_NODE)) {
      return Optional.of(
          PlannedAction.guest(
              status.ref(),
              at,
              GuestAction.MIGRATE,
              reason(status, GuestField.PLACEMENT_NODE),
              guest.spec().placement()));
    }
    return Optional.empty();
  }

  /** A power change or a due reboot where the guest is. */
  private static Optional<PlannedAction> inPlace(ResourceStatus status, Guest guest) {
    var at = status.location().orElseThrow();
    if (status.drifted(GuestField.POWER)) {
      GuestAction kind =
          switch (guest.spec().power().orElseThrow()) {
            case RUNNING ->
                at.power() == ObservedPower.PAUSED ? GuestAction.RESUME : GuestAction.START;
            case STOPPED ->
                at.power() == ObservedPower.PAUSED
                        || guest.spec().stopMethod().orElse(StopMethod.SHUTDOWN) == StopMethod.STOP
                    ? GuestAction.STOP
                    : GuestAction.SHUTDOWN;
          };
      return Optional.of(
          PlannedAction.guest(
              status.ref(), at, kind, reason(status, GuestField.POWER), Optional.empty()));
    }
    if (status.drifted(GuestField.RESTARTED_AT)) {
      return Optional.of(
          PlannedAction.guest(
              status.ref(),
              at,
              GuestAction.REBOOT,
              reason(status, GuestField.RESTARTED_AT),
              Optional.empty()));
    }
    return Optional.empty();
  }

  private static String reason(ResourceStatus status, GuestField field) {
    FieldDrift drift = status.drift(field).orElseThrow();
    return field.path() + ": want " + drift.desired() + ", is " + drift.observed();
  }
}
