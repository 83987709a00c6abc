package io.pdmgitops.reconcilers.engine;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.UnmanagedObject;
import io.pdmgitops.model.engine.KindRules;
import io.pdmgitops.model.engine.PlanScope;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.observed.ObservedPart;
import io.pdmgitops.model.plan.Plan;
import io.pdmgitops.model.plan.PlannedAction;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * One kind's reconciler, registered once in the composition root, in the Java Operator SDK's style:
 * what it reads from a remote ({@link #observe}), how it judges and plans (its pure {@link
 * #rules()}, which this interface answers for), and how it carries out an action through the
 * journal, returning a result object. The loop, the queue, the journal, the store and the pages
 * know no kind beyond this.
 */
public interface KindReconciler extends KindRules {
  /** The kind's pure rules: judging and planning live in the model, beside the kind. */
  KindRules rules();

  /**
   * What this kind reads from one remote beyond the inventory sweep, e.g. its backup jobs. A failed
   * read is an error signal: the kind's objects on that remote are then judged as not observed.
   */
  default Mono<List<ObservedPart>> observe(ReadContext context) {
    return Mono.just(List.of());
  }

  /** Journals the action, sends it, follows it to its end; or settles an earlier one first. */
  Mono<ReconcileResult> execute(PlannedAction action, String commitSha);

  /** Follows an action whose end is not known (a restart, a lost answer); never resends it. */
  Mono<ReconcileResult> settle(ActionJournal.Entry entry);

  @Override
  default Kind kind() {
    return rules().kind();
  }

  @Override
  default Set<String> remotesOf(DesiredObject object) {
    return rules().remotesOf(object);
  }

  @Override
  default Optional<String> homeOf(DesiredObject object) {
    return rules().homeOf(object);
  }

  @Override
  default List<ResourceStatus> judge(
      DesiredState state, Inventory inventory, DriftPolicy defaultPolicy) {
    return rules().judge(state, inventory, defaultPolicy);
  }

  @Override
  default List<UnmanagedObject> unmanaged(DesiredState state, Inventory inventory) {
    return rules().unmanaged(state, inventory);
  }

  @Override
  default Plan plan(
      List<ResourceStatus> verdicts, DesiredState state, Inventory inventory, PlanScope scope) {
    return rules().plan(verdicts, state, inventory, scope);
  }

  @Override
  default String fingerprint(PlannedAction action, DesiredState state, Inventory inventory) {
    return rules().fingerprint(action, state, inventory);
  }
}
