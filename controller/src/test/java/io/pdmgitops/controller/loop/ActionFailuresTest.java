package io.pdmgitops.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.GuestType;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.GuestLocation;
import io.pdmgitops.model.observed.ObservedPower;
import io.pdmgitops.model.plan.GuestAction;
import io.pdmgitops.model.plan.PlannedAction;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionFailuresTest {
  final ShiftedClock clock = new ShiftedClock();
  final ActionFailures failures = new ActionFailures(clock, ActionFailures.BACK_OFF, () -> 0.5);

  static PlannedAction shutdown() {
    return action(GuestAction.SHUTDOWN);
  }

  static PlannedAction action(GuestAction kind) {
    return PlannedAction.guest(
        new ObjectRef(Kind.GUEST, "web"),
        new GuestLocation("east", "pve1", GuestType.QEMU, 100, ObservedPower.RUNNING),
        kind,
        "power: want stopped, is running",
        Optional.empty());
  }

  @Test
  void aPermanentFailureHoldsTheSameActionUntilItsFingerprintChanges() {
    failures.failed(shutdown(), "f1", true, "Permission check failed (/vms/100, VM.PowerMgmt)");
    clock.advance(Duration.ofDays(1));

    assertThat(failures.holding(shutdown(), "f1")).isPresent();
    assertThat(failures.holding(shutdown(), "f2")).as("Git or the guest changed").isEmpty();
    assertThat(failures.holding(action(GuestAction.START), "f1")).as("another action").isEmpty();
    assertThat(failures.count(true)).isEqualTo(1);
  }

  @Test
  void aTransientFailureBacksOffAcrossAttemptsUpToTenMinutes() {
    Duration previous = Duration.ZERO;
    for (int attempt = 1; attempt <= 12; attempt++) {
      ActionFailure f = failures.failed(shutdown(), "f1", false, "VM 100 is locked (backup)");
      Duration wait = Duration.between(f.lastAttempt(), f.nextRetry().orElseThrow());

      assertThat(f.attempts()).isEqualTo(attempt);
      assertThat(wait).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofMinutes(10));
      assertThat(failures.holding(shutdown(), "f1")).as("before the retry is due").isPresent();
      clock.advance(wait);
      assertThat(failures.holding(shutdown(), "f1")).as("once it is due").isEmpty();
      previous = wait;
    }
    assertThat(previous).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aNewFingerprintStartsTheCountAfreshAndSuccessForgetsAll() {
    failures.failed(shutdown(), "f1", false, "locked");
    failures.failed(shutdown(), "f1", false, "locked");
    assertThat(failures.failed(shutdown(), "f2", false, "locked").attempts()).isEqualTo(1);

    failures.succeeded(shutdown(), "f2");

    assertThat(failures.of(new ObjectRef(Kind.GUEST, "web"))).isEmpty();
    assertThat(failures.holding(shutdown(), "f2")).isEmpty();
  }

  @Test
  void anActionUndoneAgainAndAgainFromTheSameStateBacksOffInsteadOfFlippingEveryCycle() {
    for (int i = 0; i < ActionFailures.UNDONE_LIMIT; i++) {
      assertThat(failures.holding(shutdown(), "running")).as("correction %d", i + 1).isEmpty();
      failures.succeeded(shutdown(), "running"); // and something starts the guest again
      clock.advance(Duration.ofSeconds(20));
    }

    ActionFailure fight = failures.holding(shutdown(), "running").orElseThrow();
    assertThat(fight.permanent()).isFalse();
    assertThat(fight.lastError()).contains("undone each time by something outside Git");
    assertThat(failures.holding(shutdown(), "running"))
        .as("the same hold, not a new one")
        .contains(fight);
    assertThat(failures.holding(shutdown(), "stopped")).as("another state decides anew").isEmpty();

    clock.advance(Duration.between(fight.lastAttempt(), fight.nextRetry().orElseThrow()));
    assertThat(failures.holding(shutdown(), "running")).as("the back-off is over").isEmpty();
    failures.succeeded(shutdown(), "running");
    ActionFailure longer = failures.holding(shutdown(), "running").orElseThrow();
    assertThat(longer.attempts()).isEqualTo(2);
    assertThat(Duration.between(longer.lastAttempt(), longer.nextRetry().orElseThrow()))
        .isGreaterThan(Duration.between(fight.lastAttempt(), fight.nextRetry().orElseThrow()));
  }

  @Test
  void correctionsFarApartAreNotAFight() {
    for (int i = 0; i < ActionFailures.UNDONE_LIMIT + 2; i++) {
      assertThat(failures.holding(shutdown(), "running")).isEmpty();
      failures.succeeded(shutdown(), "running");
      clock.advance(ActionFailures.UNDONE_WINDOW.plusSeconds(1));
    }
  }
}
