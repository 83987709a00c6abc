package io.pdmgitops.reconcilers.engine;

import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.engine.KindRules;
import io.pdmgitops.model.observed.ObservedPart;
import io.pdmgitops.model.plan.PlannedAction;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * One kind's reconciler, registered once in the composition root, in the Java Operator SDK's style:
 * what it reads from a remote ({@link #observe}), how it judges and plans (its pure {@link
 * KindRules}), and how it carries out an action through the journal, returning a result object. The
 * loop, the queue, the journal, the store and the pages know no kind beyond this.
 */
public interface KindReconciler extends KindRules {
  /**
   * What this kind reads from one remote beyond the inventory sweep, e.g. its backup jobs. A failed
   * read is an error signal: the kind's objects on that remote are then judged as not observed.
   */
  default Mono<List<ObservedPart>> observe(Remote remote) {
    return Mono.just(List.of());
  }

  /** Journals the action, sends it, follows it to its end; or settles an earlier one first. */
  Mono<ReconcileResult> execute(PlannedAction action, String commitSha);

  /** Follows an action whose end is not known (a restart, a lost answer); never resends it. */
  Mono<ReconcileResult> settle(ActionJournal.Entry entry);
}
