package io.pdmgitops.reconcilers.guest;

import io.pdmgitops.model.drift.GuestRules;
import io.pdmgitops.model.engine.KindRules;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.ActionJournal;
import io.pdmgitops.reconcilers.engine.KindReconciler;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import reactor.core.publisher.Mono;

/**
 * Guests: observed by the inventory sweep (nothing more to read), judged and planned by {@link
 * GuestRules}, carried out by the {@link GuestActionExecutor} (power, reboot, in-cluster and
 * cross-cluster moves).
 */
public final class GuestReconciler implements KindReconciler {
  private final GuestRules rules = new GuestRules();
  private final GuestActionExecutor executor;

  public GuestReconciler(GuestActionExecutor executor) {
    this.executor = executor;
  }

  @Override
  public KindRules rules() {
    return rules;
  }

  @Override
  public Mono<ReconcileResult> execute(PlannedAction action, String commitSha) {
    return executor.execute(action, commitSha);
  }

  @Override
  public Mono<ReconcileResult> settle(ActionJournal.Entry entry) {
    return executor.settle(entry);
  }
}
