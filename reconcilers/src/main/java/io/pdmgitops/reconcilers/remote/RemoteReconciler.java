package io.pdmgitops.reconcilers.remote;

import io.pdmgitops.model.drift.RemoteRules;
import io.pdmgitops.model.engine.KindRules;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.ActionJournal;
import io.pdmgitops.reconcilers.engine.KindReconciler;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import reactor.core.publisher.Mono;

/**
 * Remotes: observed by the inventory sweep, judged on reachability, certificate, token and nodes
 * ({@link RemoteRules}); nothing is ever sent to change a remote itself.
 */
public final class RemoteReconciler implements KindReconciler {
  private final RemoteRules rules = new RemoteRules();

  @Override
  public KindRules rules() {
    return rules;
  }

  @Override
  public Mono<ReconcileResult> execute(PlannedAction action, String commitSha) {
    return Mono.just(ReconcileResult.failed("remotes have no actions: " + action.type()));
  }

  @Override
  public Mono<ReconcileResult> settle(ActionJournal.Entry entry) {
    return Mono.just(ReconcileResult.failed("remotes have no actions: " + entry.action()));
  }
}
