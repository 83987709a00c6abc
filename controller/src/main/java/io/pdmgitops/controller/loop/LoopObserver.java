package io.pdmgitops.controller.loop;

import io.pdmgitops.model.plan.ActionKind;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import java.time.Duration;

/** Hooks for metrics; the default observes nothing. */
public interface LoopObserver {
  LoopObserver NONE = new LoopObserver() {};

  default void cycleFinished(Duration took) {}

  default void actionFinished(ActionKind kind, ReconcileResult result) {}
}
