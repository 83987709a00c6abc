package io.pdmgitops.reconcilers.guest;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.GuestRules;
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
  public Kind kind() {
    return Kind.GUEST;
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
    return executor.execute(action, commitSha);
  }

  @Override
  public Mono<ReconcileResult> settle(ActionJournal.Entry entry) {
    return executor.settle(entry);
  }
}
