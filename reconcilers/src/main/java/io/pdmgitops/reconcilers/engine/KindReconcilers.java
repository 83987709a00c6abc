package io.pdmgitops.reconcilers.engine;

import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.engine.Rulebook;
import io.pdmgitops.model.observed.ObservedPart;
import io.pdmgitops.model.observed.UnreadPart;
import io.pdmgitops.model.plan.PlannedAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registered kinds' reconcilers: the one place a kind is added. Actions and journal rows go to
 * their kind's reconciler; reads and rules are applied for all.
 */
public final class KindReconcilers {
  private final Map<Kind, KindReconciler> byKind = new LinkedHashMap<>();
  private final Rulebook rulebook;

  public KindReconcilers(List<KindReconciler> reconcilers) {
    for (KindReconciler r : reconcilers) {
      if (byKind.putIfAbsent(r.kind(), r) != null) {
        throw new IllegalArgumentException("two reconcilers for " + r.kind().kindName());
      }
    }
    this.rulebook = Rulebook.of(reconcilers);
  }

  /** Every kind's rules, for detection and planning. */
  public Rulebook rulebook() {
    return rulebook;
  }

  public KindReconciler of(Kind kind) {
    KindReconciler r = byKind.get(kind);
    if (r == null) {
      throw new IllegalArgumentException("no reconciler registered for " + kind.kindName());
    }
    return r;
  }

  /**
   * The first line of a failure, bounded: API errors name the call and PVE's text, never a token.
   */
  private static String reason(Throwable e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    int end = text.indexOf('\n');
    text = end < 0 ? text : text.substring(0, end);
    return text.length() <= 300 ? text : text.substring(0, 299) + "…";
  }

  public Mono<ReconcileResult> execute(PlannedAction action, String commitSha) {
    return of(action.resource().kind()).execute(action, commitSha);
  }

  public Mono<ReconcileResult> settle(ActionJournal.Entry entry) {
    return of(entry.action().resource().kind()).settle(entry);
  }

  /**
   * What every kind reads from the remote beyond the sweep, kinds in parallel; a kind whose read
   * fails contributes why ({@link UnreadPart}), so its objects there are judged as not observed,
   * with the reason.
   */
  public Mono<List<ObservedPart>> observe(ReadContext context) {
    return Flux.fromIterable(byKind.values())
        .flatMap(
            r ->
                Mono.defer(() -> r.observe(context))
                    .onErrorResume(
                        e -> Mono.just(List.<ObservedPart>of(new UnreadPart(r.kind(), reason(e))))))
        .collectList()
        .map(
            lists -> {
              List<ObservedPart> all = new ArrayList<>();
              lists.forEach(all::addAll);
              return all;
            });
  }
}
