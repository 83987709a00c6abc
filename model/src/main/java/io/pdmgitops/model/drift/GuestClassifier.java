package io.pdmgitops.model.drift;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Placement;
import io.pdmgitops.model.desired.PowerState;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.observed.RemoteObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Step two for guests: classify one pair. Every doubt ends as "not actionable": an unobserved or
 * unreachable remote, an offline node, a name or type that differs from Git, a template asked to
 * run. Report, don't touch.
 */
final class GuestClassifier {
  /** Slack for the whole-second uptime, so one reboot never looks like too early a start. */
  static final java.time.Duration UPTIME_RESOLUTION = java.time.Duration.ofSeconds(2);

  private final Instant now;
  private final DriftPolicy defaultPolicy;

  GuestClassifier(Instant now, DriftPolicy defaultPolicy) {
    this.now = now;
    this.defaultPolicy = defaultPolicy;
  }

  ResourceStatus classify(GuestPair pair) {
    Guest desired = pair.desired();
    String remoteName = desired.spec().remote();
    Optional<Placement> placement = desired.spec().placement();
    boolean crossRemote =
        placement.map(p -> !p.remoteOr(remoteName).equals(remoteName)).orElse(false);
    if (crossRemote && pair.atTarget().isPresent()) {
      // The move is done (or the guest was created there): judge it where it now lives.
      return classifyAt(
          desired, pair.target().orElseThrow(), pair.atTarget().get(), List.of(), true);
    }
    Optional<ResourceStatus> unknown = unknown(desired, pair.remote());
    if (unknown.isPresent()) {
      return unknown.get();
    }
    if (pair.observed().isEmpty()) {
      return status(
          desired,
          SyncStatus.OUT_OF_SYNC,
          Health.MISSING,
          List.of(),
          false,
          "no guest with vmid " + desired.spec().vmid() + " on " + remoteName,
          Optional.empty());
    }
    List<FieldDrift> moves = new ArrayList<>();
    if (crossRemote) {
      if (pair.target().isEmpty() || pair.target().get() instanceof RemoteObservation.Unreachable) {
        return status(
            desired,
            SyncStatus.UNKNOWN,
            Health.UNKNOWN,
            List.of(),
            false,
            "the placement's remote "
                + placement.get().remoteOr(remoteName)
                + " cannot be observed",
            Optional.empty());
      }
      moves.add(
          new FieldDrift(
              GuestField.PLACEMENT_REMOTE, placement.get().remoteOr(remoteName), remoteName));
    }
    return classifyAt(desired, pair.remote().get(), pair.observed().get(), moves, crossRemote);
  }

  private ResourceStatus classifyAt(
      Guest desired,
      RemoteObservation remote,
      GuestObservation observed,
      List<FieldDrift> moves,
      boolean crossRemote) {
    GuestLocation location =
        new GuestLocation(
            remote.name(), observed.node(), observed.type(), observed.vmid(), observed.power());
    if (!observed.name().equals(desired.spec().name())
        || observed.type() != desired.spec().type()) {
      List<FieldDrift> identity = new ArrayList<>();
      if (!observed.name().equals(desired.spec().name())) {
        identity.add(new FieldDrift(GuestField.NAME, desired.spec().name(), observed.name()));
      }
      if (observed.type() != desired.spec().type()) {
        identity.add(
            new FieldDrift(GuestField.TYPE, desired.spec().type().wire(), observed.type().wire()));
      }
      return status(
          desired,
          SyncStatus.OUT_OF_SYNC,
          Health.DEGRADED,
          identity,
          false,
          "vmid "
              + observed.vmid()
              + " on "
              + remote.name()
              + " is "
              + observed.type().wire()
              + " '"
              + observed.name()
              + "', not "
              + desired.spec().type().wire()
              + " '"
              + desired.spec().name()
              + "': no action until they agree",
          Optional.of(location));
    }
    if (observed.power() == ObservedPower.UNKNOWN) {
      return status(
          desired,
          SyncStatus.UNKNOWN,
          Health.UNKNOWN,
          List.of(),
          false,
          "node " + observed.node() + " does not report the guest's state",
          Optional.of(location));
    }
    List<FieldDrift> drifts = new ArrayList<>(moves);
    // While a cross-remote move is pending, the move itself is the drift; the node is judged after.
    desired
        .spec()
        .placement()
        .filter(p -> moves.isEmpty())
        .filter(p -> !p.node().equals(observed.node()))
        .ifPresent(
            p -> drifts.add(new FieldDrift(GuestField.PLACEMENT_NODE, p.node(), observed.node())));
    desired.spec().power().ifPresent(power -> powerDrift(power, observed).ifPresent(drifts::add));
    rebootDue(desired, observed).ifPresent(drifts::add);
    boolean templateToRun =
        observed.template() && desired.spec().power().equals(Optional.of(PowerState.RUNNING));
    if (templateToRun) {
      return status(
          desired,
          SyncStatus.OUT_OF_SYNC,
          Health.DEGRADED,
          drifts,
          false,
          "vmid " + observed.vmid() + " is a template; templates are never started",
          Optional.of(location));
    }
    Health health = observed.lock().isPresent() ? Health.PROGRESSING : Health.HEALTHY;
    String message =
        observed
            .lock()
            .map(l -> "locked (" + l + ")")
            .orElse(drifts.isEmpty() ? "" : describe(drifts));
    return status(
        desired,
        drifts.isEmpty() ? SyncStatus.SYNCED : SyncStatus.OUT_OF_SYNC,
        health,
        drifts,
        true,
        message,
        Optional.of(location));
  }

  private static Optional<FieldDrift> powerDrift(PowerState desired, GuestObservation observed) {
    boolean wantsRunning = desired == PowerState.RUNNING;
    boolean running = observed.power() == ObservedPower.RUNNING;
    boolean stopped = observed.power() == ObservedPower.STOPPED;
    if ((wantsRunning && running) || (!wantsRunning && stopped)) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldDrift(
            GuestField.POWER, desired.wire(), observed.power().name().toLowerCase(Locale.ROOT)));
  }

  /** Running since before restartedAt, and restartedAt has come: exactly one reboot is due. */
  private Optional<FieldDrift> rebootDue(Guest desired, GuestObservation observed) {
    Optional<Instant> restartedAt = desired.spec().restartedAt();
    if (restartedAt.isEmpty()
        || observed.power() != ObservedPower.RUNNING
        || restartedAt.get().isAfter(now)) {
      return Optional.empty();
    }
    // Uptime comes in whole seconds and is read a moment after "now": a guest rebooted just after
    // the timestamp can look started up to a second or two before it. Only a clear "before" counts.
    Instant runningSince = now.minus(observed.uptime()).plus(UPTIME_RESOLUTION);
    if (!runningSince.isBefore(restartedAt.get())) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldDrift(
            GuestField.RESTARTED_AT,
            restartedAt.get().toString(),
            "running since " + runningSince));
  }

  private Optional<ResourceStatus> unknown(Guest desired, Optional<RemoteObservation> remote) {
    if (remote.isEmpty()) {
      return Optional.of(
          unknown(desired, "remote " + desired.spec().remote() + " has not been observed yet"));
    }
    if (remote.get() instanceof RemoteObservation.Unreachable unreachable) {
      return Optional.of(
          unknown(
              desired,
              "remote " + unreachable.name() + " is unreachable: " + unreachable.message()));
    }
    return Optional.empty();
  }

  private ResourceStatus unknown(Guest desired, String message) {
    return status(
        desired, SyncStatus.UNKNOWN, Health.UNKNOWN, List.of(), false, message, Optional.empty());
  }

  private static String describe(List<FieldDrift> drifts) {
    StringBuilder out = new StringBuilder();
    for (FieldDrift d : drifts) {
      out.append(out.isEmpty() ? "" : "; ")
          .append(d.path())
          .append(": want ")
          .append(d.desired())
          .append(", is ")
          .append(d.observed());
    }
    return out.toString();
  }

  private ResourceStatus status(
      Guest desired,
      SyncStatus sync,
      Health health,
      List<FieldDrift> drifts,
      boolean actionable,
      String message,
      Optional<GuestLocation> location) {
    return new ResourceStatus(
        ObjectRef.of(desired),
        sync,
        health,
        drifts,
        desired.spec().policy().orElse(defaultPolicy),
        actionable,
        message,
        location,
        // where it was found, else where it is declared: a missing guest is grouped by its remote
        Optional.of(location.map(GuestLocation::remote).orElse(desired.spec().remote())));
  }
}
