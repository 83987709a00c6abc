package io.pdmgitops.controller.security;

import io.pdmgitops.controller.store.JdbcTokenStore;
import io.pdmgitops.controller.threads.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each API token was last used. A scraper calls every few seconds, so uses are kept in memory
 * and written to the store every {@link #FLUSH_EVERY} (and at shutdown), never once per call; the
 * tokens page reads memory first. Bounded to {@link #MAX_TOKENS} tokens between two writes.
 */
public final class TokenUse implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TokenUse.class);
  static final Duration FLUSH_EVERY = Duration.ofMinutes(1);
  static final int MAX_TOKENS = 10_000;

  private final JdbcTokenStore store;
  private final Clock clock;
  private final Map<String, Instant> pending = new ConcurrentHashMap<>();
  private final Map<String, Instant> recent = new ConcurrentHashMap<>();
  private final ScheduledExecutorService writer = DaemonThreads.scheduler("token-use");

  public TokenUse(JdbcTokenStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void start() {
    long every = FLUSH_EVERY.toMillis();
    writer.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
  }

  public void used(String tokenId) {
    if (pending.size() >= MAX_TOKENS && !pending.containsKey(tokenId)) {
      return; // written at the next flush's room; the audit log has the use
    }
    Instant now = clock.instant();
    pending.put(tokenId, now);
    if (recent.size() >= MAX_TOKENS) {
      recent.clear();
    }
    recent.put(tokenId, now);
  }

  /** The last use this process saw, if any. */
  public Optional<Instant> lastSeen(String tokenId) {
    return Optional.ofNullable(recent.get(tokenId));
  }

  /** Writes what is pending; public for shutdown and tests. */
  public void flush() {
    Map<String, Instant> batch = new HashMap<>(pending);
    if (batch.isEmpty()) {
      return;
    }
    try {
      store.used(batch);
      batch.forEach(pending::remove);
    } catch (RuntimeException e) {
      LOG.warn("token last-use not written, will try again: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    writer.shutdownNow();
    flush();
  }
}
