package io.pdmgitops.reconcilers.remote;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.RemoteRules;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.engine.PlanScope;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.plan.Plan;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.ActionJournal;
import io.pdmgitops.reconcilers.engine.KindReconciler;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Remotes: observed by the inventory sweep, judged on reachability, certificate, token and nodes
 * ({@link RemoteRules}); nothing is ever sent to change a remote itself.
 */
public final class RemoteReconciler implements KindReconciler {
  private final RemoteRules rules = new RemoteRules();

  @Override
  public Kind kind() {
    return Kind.REMOTE;
  }

  @Override
  public Set<String> remotesOf(DesiredObject object) {
    return rules.remotesOf(object);
  }

  @Override
  public List<ResourceStatus> judge(
      DesiredState state, Inventory inventory, DriftPolicy defaultPolicy) {
    return rules.judge(state, inventory, defaultPolicy);
  }

  @Override
  public Plan plan(
      List<ResourceStatus> verdicts, DesiredState state, Inventory inventory, PlanScope scope) {
    return rules.plan(verdicts, state, inventory, scope);
  }

  @Override
  public String fingerprint(PlannedAction action, DesiredState state, Inventory inventory) {
    return rules.fingerprint(action, state, inventory);
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
