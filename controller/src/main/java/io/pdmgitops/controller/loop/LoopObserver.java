package io.pdmgitops.controller.loop;

import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import java.time.Duration;

/** Hooks for metrics and the status store; each default observes nothing. */
public interface LoopObserver {
  LoopObserver NONE = new LoopObserver() {};

  default void cycleFinished(Duration took) {}

  default void actionFinished(PlannedAction action, ReconcileResult result) {}

  /** A cycle produced a new drift report, judged against the commit {@code commitSha}. */
  default void reportPublished(DriftReport report, String commitSha) {}
}
