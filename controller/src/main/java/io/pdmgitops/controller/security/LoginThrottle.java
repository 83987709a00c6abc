package io.pdmgitops.controller.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, per user name and per source address. Rules:
 *
 * <ol>
 *   <li>{@link #PER_USER} failed logins for one user name within {@link #WINDOW} hold that name
 *       back until the oldest of them leaves the window; known and unknown names alike, so the
 *       answer tells nothing about which names exist.
 *   <li>{@link #PER_ADDRESS} failed logins from one address within the window hold that address
 *       back the same way, whatever names it tries.
 *   <li>A successful login forgets the name's failures (not the address's).
 *   <li>Bounded: at most {@link #MAX_KEYS} names and addresses are remembered; when full, the
 *       entries whose failures have all left the window are dropped, then the rest if need be.
 * </ol>
 */
public final class LoginThrottle {
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final int PER_USER = 5;
  public static final int PER_ADDRESS = 20;
  static final int MAX_KEYS = 10_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether a login for this name from this address may be tried now. */
  public boolean allows(String user, String address) {
    Instant now = clock.instant();
    return recent("user:" + user, now) < PER_USER && recent("addr:" + address, now) < PER_ADDRESS;
  }

  public void failed(String user, String address) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_KEYS) {
      failures.entrySet().removeIf(e -> recent(e.getKey(), now) == 0);
      if (failures.size() >= MAX_KEYS) {
        failures.clear(); // a flood of names: forgetting beats running out of memory
      }
    }
    add("user:" + user, now, PER_USER);
    add("addr:" + address, now, PER_ADDRESS);
  }

  public void succeeded(String user) {
    failures.remove("user:" + user);
  }

  private void add(String key, Instant now, int keep) {
    failures.compute(
        key,
        (k, q) -> {
          Deque<Instant> queue = q == null ? new ArrayDeque<>() : q;
          synchronized (queue) {
            queue.addLast(now);
            while (queue.size() > keep) {
              queue.removeFirst();
            }
          }
          return queue;
        });
  }

  private int recent(String key, Instant now) {
    Deque<Instant> queue = failures.get(key);
    if (queue == null) {
      return 0;
    }
    synchronized (queue) {
      return (int) queue.stream().filter(t -> t.isAfter(now.minus(WINDOW))).count();
    }
  }
}
