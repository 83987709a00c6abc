package io.pdmgitops.controller.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.pdmgitops.model.desired.ApiToken;
import io.pdmgitops.model.desired.Endpoint;
import io.pdmgitops.model.desired.ObjectMeta;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.desired.SecretRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The rules of {@link OverviewReads}, stepped by hand on a clock the test moves. */
class OverviewReadsTest {
  static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");
  static final Duration HOUR = Duration.ofHours(1);

  final ManualClock clock = new ManualClock();
  final List<String> asked = new ArrayList<>();
  final Map<String, String> failing = new java.util.HashMap<>();
  List<Remote> declared = remotes(3);

  final OverviewReads<String> reads =
      new OverviewReads<>(
          "test",
          HOUR,
          () -> declared,
          remote -> {
            String name = remote.metadata().name();
            asked.add(name);
            return failing.containsKey(name)
                ? Mono.error(new IllegalStateException(failing.get(name)))
                : Mono.just("answer of " + name + " at " + clock.instant());
          },
          clock);

  static List<Remote> remotes(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new Remote(
                    new ObjectMeta("r" + i, Map.of(), Map.of()),
                    new Remote.Spec(
                        RemoteType.PVE,
                        List.of(new Endpoint("https://r" + i + ".example:8006", Optional.empty())),
                        new ApiToken("t@pve!t", new SecretRef(Optional.of("T"), Optional.empty())),
                        Optional.empty())))
        .toList();
  }

  @Test
  void theFirstRoundIsSpreadOverTheFirstMinutesAndEachRemoteIsReadOncePerInterval() {
    declared = remotes(40);
    int first = reads.tick();
    clock.advance(OverviewReads.SPREAD);
    int rest = 0;
    for (int i = 0; i < 10; i++) {
      rest += reads.tick();
    }

    assertThat(first).as("not everyone at once").isLessThan(40);
    assertThat(first + rest).isEqualTo(40);
    assertThat(asked).hasSize(40).doesNotHaveDuplicates();

    clock.advance(HOUR.minusMinutes(5));
    reads.tick();
    assertThat(asked).as("nobody twice within the interval").hasSize(40);
    clock.advance(Duration.ofMinutes(10));
    reads.tick();
    reads.tick();
    reads.tick();
    assertThat(asked).hasSize(80);
  }

  @Test
  void aFailedReadKeepsTheLastAnswerMarkedWithTheError() {
    clock.advance(OverviewReads.SPREAD);
    reads.tick();
    String answer = reads.reads().get("r1").value().orElseThrow();

    failing.put("r1", "r1: connection refused");
    clock.advance(HOUR);
    reads.tick();

    OverviewReads.Read<String> read = reads.reads().get("r1");
    assertThat(read.value()).contains(answer);
    assertThat(read.readAt()).contains(T0.plus(OverviewReads.SPREAD));
    assertThat(read.error()).contains("r1: connection refused");
    assertThat(read.triedAt()).isEqualTo(T0.plus(OverviewReads.SPREAD).plus(HOUR));
    assertThat(reads.reads().get("r0").error()).isEmpty();
  }

  @Test
  void aRefreshMakesARemoteDueNowButNotMomentsAfterItsLastRead() {
    clock.advance(OverviewReads.SPREAD);
    reads.tick();
    int before = asked.size();

    assertThat(reads.refresh("r2")).as("read a moment ago").isFalse();
    clock.advance(OverviewReads.MIN_GAP);
    assertThat(reads.refresh("r2")).isTrue();
    reads.tick();

    assertThat(asked).hasSize(before + 1).last().isEqualTo("r2");
  }

  @Test
  void aRemoteIsNeverReadTwiceAtOnceAndOneNoLongerDeclaredIsForgotten() {
    Sinks.One<String> slow = Sinks.one();
    AtomicReference<Integer> calls = new AtomicReference<>(0);
    OverviewReads<String> hanging =
        new OverviewReads<>(
            "slow",
            Duration.ofMinutes(1),
            () -> declared,
            remote -> {
              calls.updateAndGet(c -> c + 1);
              return slow.asMono();
            },
            clock);
    clock.advance(Duration.ofMinutes(1));
    hanging.tick();
    clock.advance(Duration.ofMinutes(5));
    hanging.tick();

    assertThat(calls.get()).as("three remotes, each once while its read runs").isEqualTo(3);
    assertThat(hanging.refresh("r0")).as("its answer is on the way").isFalse();

    clock.advance(OverviewReads.SPREAD);
    reads.tick();
    declared = remotes(1);
    reads.tick();
    assertThat(reads.reads()).containsOnlyKeys("r0");
  }

  static final class ManualClock extends Clock {
    private Instant now = T0;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
