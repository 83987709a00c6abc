package io.pdmgitops.controller.health;

import io.pdmgitops.model.desired.Remote;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * One overview's reads of the remotes (their subscriptions, say), each remote on the overview's own
 * interval. The rules:
 *
 * <ol>
 *   <li>A remote is read when it is due: first at start plus its own offset, spread over the first
 *       {@link #SPREAD} (or the interval, if shorter) so a fleet is not asked all at once; then one
 *       interval after its last read began. Never more than one read of a remote at a time, so no
 *       more than one request per node per endpoint per interval.
 *   <li>A refresh asked for a remote (the page's button) makes it due now, unless a read of it
 *       began less than {@link #MIN_GAP} ago.
 *   <li>A read that fails or takes longer than {@link #TIMEOUT} keeps the last answer, marked with
 *       the error and the time of the try.
 *   <li>Remotes no longer declared are forgotten at the next tick.
 * </ol>
 *
 * Time comes from the injected clock and {@link #tick()} is called from outside (a scheduler every
 * {@link #TICK}), so tests step it by hand.
 */
public final class OverviewReads<T> {
  static final Duration TICK = Duration.ofSeconds(10);
  static final Duration SPREAD = Duration.ofMinutes(2);
  static final Duration MIN_GAP = Duration.ofSeconds(10);
  static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** Reads started by one tick at most; the rest wait for the next tick. */
  static final int STARTS_PER_TICK = 16;

  /**
   * What the overview knows of one remote.
   *
   * @param value the last answer; empty before the first one
   * @param readAt when the read that gave {@code value} began
   * @param error why the latest try failed; empty when it worked
   * @param triedAt when the latest try began
   */
  public record Read<T>(
      Optional<T> value, Optional<Instant> readAt, Optional<String> error, Instant triedAt) {}

  private final String name;
  private final Duration interval;
  private final Supplier<List<Remote>> remotes;
  private final Function<Remote, Mono<T>> reader;
  private final Clock clock;
  private final Instant start;
  private final Map<String, Read<T>> reads = new ConcurrentHashMap<>();
  private final Map<String, Instant> dueAt = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicLong answered =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong failed =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * @param remotes the remotes this overview reads (e.g. the declared PVE remotes)
   * @param reader one read of a remote; a failed Mono keeps the last answer
   */
  public OverviewReads(
      String name,
      Duration interval,
      Supplier<List<Remote>> remotes,
      Function<Remote, Mono<T>> reader,
      Clock clock) {
    this.name = name;
    this.interval = interval;
    this.remotes = remotes;
    this.reader = reader;
    this.clock = clock;
    this.start = clock.instant();
  }

  public String name() {
    return name;
  }

  public Duration interval() {
    return interval;
  }

  /** Starts the reads that are due; answers how many it started. */
  public int tick() {
    Instant now = clock.instant();
    List<Remote> declared = remotes.get();
    Set<String> names = new HashSet<>();
    int started = 0;
    for (Remote remote : declared) {
      String r = remote.metadata().name();
      names.add(r);
      Instant due = dueAt.computeIfAbsent(r, this::firstDue);
      if (!now.isBefore(due) && started < STARTS_PER_TICK && running.add(r)) {
        started++;
        dueAt.put(r, now.plus(interval));
        read(remote, now);
      }
    }
    reads.keySet().retainAll(names);
    dueAt.keySet().retainAll(names);
    return started;
  }

  /** A stable offset per remote, so the first round is spread and restarts spread alike. */
  private Instant firstDue(String remote) {
    long window = Math.min(SPREAD.toMillis(), interval.toMillis());
    // Mixed, since the hashes of names like dc-1, dc-2 lie close together.
    long h = remote.hashCode() * 0x9E3779B97F4A7C15L;
    return start.plusMillis(Math.floorMod(h ^ (h >>> 29), Math.max(window, 1)));
  }

  private void read(Remote remote, Instant began) {
    String r = remote.metadata().name();
    Mono.defer(() -> reader.apply(remote))
        .timeout(TIMEOUT)
        .subscribe(
            value -> {
              answered.incrementAndGet();
              reads.put(
                  r, new Read<>(Optional.of(value), Optional.of(began), Optional.empty(), began));
            },
            e -> {
              failed.incrementAndGet();
              running.remove(r);
              Read<T> last = reads.get(r);
              String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
              reads.put(
                  r,
                  last == null
                      ? new Read<>(Optional.empty(), Optional.empty(), Optional.of(why), began)
                      : new Read<>(last.value(), last.readAt(), Optional.of(why), began));
            },
            () -> running.remove(r));
  }

  /**
   * Makes the remote due now; false when a read of it began less than {@link #MIN_GAP} ago, one is
   * running (its answer is on the way), or this overview does not read it.
   */
  public boolean refresh(String remote) {
    Read<T> last = reads.get(remote);
    Instant now = clock.instant();
    if (!dueAt.containsKey(remote)
        || running.contains(remote)
        || (last != null && last.triedAt().plus(MIN_GAP).isAfter(now))) {
      return false;
    }
    dueAt.put(remote, now);
    return true;
  }

  /** Reads that brought an answer, since start. */
  public long answered() {
    return answered.get();
  }

  /** Reads that failed or timed out, since start. */
  public long failed() {
    return failed.get();
  }

  /** The remotes this overview reads, as of its last tick: read yet or not. */
  public Set<String> remotes() {
    return Set.copyOf(dueAt.keySet());
  }

  /** The remote's last answer, stale or not; empty before the first. */
  public Optional<T> answer(String remote) {
    return Optional.ofNullable(reads.get(remote)).flatMap(Read::value);
  }

  /** What is known of each remote, by name. */
  public Map<String, Read<T>> reads() {
    return Map.copyOf(reads);
  }
}
