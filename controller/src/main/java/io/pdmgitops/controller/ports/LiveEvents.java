package io.pdmgitops.controller.ports;

import io.pdmgitops.controller.loop.LoopObserver;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import io.pdmgitops.webui.live.LiveEvent;
import io.pdmgitops.webui.live.LivePort;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The loop's and the Git poller's news for open pages. Best effort: a page that cannot keep up
 * misses an event and catches up with the next; nothing is buffered without bound.
 */
public final class LiveEvents implements LivePort, LoopObserver, AutoCloseable {
  private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();

  @Override
  public Flux<LiveEvent> events() {
    return sink.asFlux();
  }

  @Override
  public void reportPublished(DriftReport report, String commitSha) {
    emit(new LiveEvent("fleet", report.at().toString()));
  }

  @Override
  public void actionFinished(PlannedAction action, ReconcileResult result) {
    emit(new LiveEvent("action", action.type().name().toLowerCase(java.util.Locale.ROOT)));
  }

  public void commitFetched(String sha) {
    emit(new LiveEvent("commit", sha));
  }

  /** Ends every open stream, so pages reconnect to the next controller and shutdown is quick. */
  @Override
  public synchronized void close() {
    sink.tryEmitComplete();
  }

  private synchronized void emit(LiveEvent event) {
    sink.tryEmitNext(event); // FAIL_NON_SERIALIZED cannot happen: emits are serialized here
  }
}
