package io.pdmgitops.controller.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.controller.loop.ShiftedClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  final ShiftedClock clock = new ShiftedClock();
  final Conditions conditions = new Conditions(clock);

  @Test
  void aConditionKeepsItsStartWhileItsReasonChanges() {
    conditions.raise(ConditionKind.REMOTE_UNREACHABLE, "east", "unreachable: refused");
    Condition first = conditions.active().get(0);
    clock.advance(Duration.ofMinutes(5));
    conditions.raise(ConditionKind.REMOTE_UNREACHABLE, "east", "unreachable: timed out");

    assertThat(conditions.active())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.since()).isEqualTo(first.since());
              assertThat(c.message()).isEqualTo("unreachable: timed out");
            });
  }

  @Test
  void errorsComeFirstThenTheOldest() {
    conditions.raise(ConditionKind.REMOTE_UNREACHABLE, "west", "unreachable");
    clock.advance(Duration.ofSeconds(1));
    conditions.raise(ConditionKind.GIT_FETCH_FAILED, "https://git.example/fleet.git", "timeout");
    clock.advance(Duration.ofSeconds(1));
    conditions.raise(ConditionKind.STORE_UNAVAILABLE, "status store", "No space left on device");

    assertThat(conditions.active())
        .extracting(Condition::subject)
        .containsExactly("status store", "west", "https://git.example/fleet.git");
  }

  @Test
  void clearAndRetainEndConditions() {
    conditions.raise(ConditionKind.REMOTE_UNREACHABLE, "east", "unreachable");
    conditions.raise(ConditionKind.REMOTE_UNREACHABLE, "west", "unreachable");
    conditions.raise(ConditionKind.COMMIT_REJECTED, "repo", "3 problems");

    conditions.retain(ConditionKind.REMOTE_UNREACHABLE, List.of("west"));
    conditions.clear(ConditionKind.COMMIT_REJECTED, "repo");
    conditions.clear(ConditionKind.COMMIT_REJECTED, "repo"); // ending twice is harmless

    assertThat(conditions.active()).extracting(Condition::subject).containsExactly("west");
    assertThat(conditions.count(ConditionKind.REMOTE_UNREACHABLE)).isEqualTo(1);
    assertThat(conditions.isActive(ConditionKind.COMMIT_REJECTED)).isFalse();
  }

  @Test
  void atMostTenThousandAreKept() {
    for (int i = 0; i < Conditions.MAX_CONDITIONS + 5; i++) {
      conditions.raise(ConditionKind.REMOTE_UNREACHABLE, "r" + i, "unreachable");
    }

    assertThat(conditions.active()).hasSize(Conditions.MAX_CONDITIONS);
  }
}
