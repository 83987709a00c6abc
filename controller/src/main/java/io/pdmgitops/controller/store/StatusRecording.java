package io.pdmgitops.controller.store;

import io.pdmgitops.controller.threads.DaemonThreads;
import io.pdmgitops.model.drift.DriftReport;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link StatusRecorder} on its own thread so the reconcile loop never waits for the
 * database. Only the newest report waits its turn: one written late replaces any it overtook, which
 * is right, as each report is complete.
 */
public final class StatusRecording implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusRecording.class);

  private record Pending(DriftReport report, Optional<String> commitSha) {}

  private final StatusRecorder recorder;
  private final AtomicReference<Pending> pending = new AtomicReference<>();
  private final ExecutorService thread = DaemonThreads.single("status-recorder");

  public StatusRecording(StatusRecorder recorder) {
    this.recorder = recorder;
  }

  /** Queues the report, replacing one not yet written. */
  public void submit(DriftReport report, Optional<String> commitSha) {
    if (pending.getAndSet(new Pending(report, commitSha)) == null) {
      thread.execute(this::writeLatest);
    }
  }

  private void writeLatest() {
    Pending next = pending.getAndSet(null);
    if (next == null) {
      return;
    }
    try {
      recorder.record(next.report(), next.commitSha());
    } catch (RuntimeException e) {
      LOG.warn("cannot record the fleet's status, will try with the next report: {}", e.toString());
    }
  }

  @Override
  public void close() {
    thread.shutdown();
  }
}
