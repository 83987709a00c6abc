package io.pdmgitops.controller.security;

import io.pdmgitops.controller.threads.DaemonThreads;
import io.pdmgitops.webui.audit.AuditEntry;
import io.pdmgitops.webui.audit.AuditKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit log without slowing a request. Rules:
 *
 * <ol>
 *   <li>{@link #record} never blocks: entries wait in a queue of {@link #CAPACITY}; when it is full
 *       the entry is dropped, counted ({@link #dropped()}) and said in the log, so a flood of
 *       refused requests cannot exhaust memory or stall the event loop.
 *   <li>One thread writes them in batches of at most {@link #BATCH}; a batch the store refuses is
 *       logged with its size and lost (the store's own condition says why).
 *   <li>A token's successful use is recorded at most once per {@link #TOKEN_USE_EVERY} (a scraper
 *       calls every few seconds); refusals always are.
 * </ol>
 */
public final class AuditTrail implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  static final int CAPACITY = 10_000;
  static final int BATCH = 500;
  static final Duration TOKEN_USE_EVERY = Duration.ofHours(1);
  private static final int MAX_TOKENS_REMEMBERED = 10_000;

  private final Consumer<List<AuditEntry>> store;
  private final Clock clock;
  private final BlockingQueue<AuditEntry> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong handled = new AtomicLong();
  private final Map<String, Instant> tokenUseRecorded = new ConcurrentHashMap<>();
  private final Thread writer;
  private volatile boolean running = true;

  public AuditTrail(Consumer<List<AuditEntry>> store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.writer = DaemonThreads.named("audit-writer").newThread(this::write);
    writer.start();
  }

  /** Queues one entry; never blocks. */
  public void record(AuditKind kind, String actor, String address, String target, String detail) {
    AuditEntry entry = new AuditEntry(clock.instant(), kind, actor, address, target, detail);
    if (queue.offer(entry)) {
      accepted.incrementAndGet();
    } else {
      long total = dropped.incrementAndGet();
      if (total == 1 || total % 1_000 == 0) {
        LOG.warn("audit log queue full: {} entries dropped so far", total);
      }
    }
  }

  /** A token's successful use, at most once per {@link #TOKEN_USE_EVERY} per token. */
  public void tokenUsed(String tokenId, String address) {
    Instant now = clock.instant();
    Instant last = tokenUseRecorded.get(tokenId);
    if (last != null && now.isBefore(last.plus(TOKEN_USE_EVERY))) {
      return;
    }
    if (tokenUseRecorded.size() >= MAX_TOKENS_REMEMBERED) {
      tokenUseRecorded.clear(); // at worst a few more entries, never unbounded memory
    }
    tokenUseRecorded.put(tokenId, now);
    record(AuditKind.TOKEN_USED, tokenId, address, "api", "");
  }

  /** Entries lost to a full queue since start. */
  public long dropped() {
    return dropped.get();
  }

  /** Waits until what was queued before this call is handled (for tests and shutdown). */
  public boolean flush(Duration timeout) throws InterruptedException {
    long target = accepted.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (handled.get() < target) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  private void write() {
    List<AuditEntry> batch = new ArrayList<>(BATCH);
    while (running || !queue.isEmpty()) {
      try {
        AuditEntry first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        store.accept(List.copyOf(batch));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("audit log: {} entries not written: {}", batch.size(), e.getMessage());
      } finally {
        handled.addAndGet(batch.size());
        batch.clear();
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    flush(Duration.ofSeconds(5));
    running = false;
    writer.interrupt();
  }
}
