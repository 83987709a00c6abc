package io.pdmgitops.reconcilers.firewall;

import io.pdmgitops.model.desired.RemoteType;
import io.pdmgitops.model.engine.KindRules;
import io.pdmgitops.model.firewall.FirewallChange;
import io.pdmgitops.model.firewall.FirewallOptions;
import io.pdmgitops.model.firewall.FirewallRules;
import io.pdmgitops.model.firewall.FirewallTarget;
import io.pdmgitops.model.firewall.ObservedFirewallOptions;
import io.pdmgitops.model.observed.GuestObservation;
import io.pdmgitops.model.observed.ObservedPart;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.ActionJournal;
import io.pdmgitops.reconcilers.engine.JournalSteps;
import io.pdmgitops.reconcilers.engine.KindReconciler;
import io.pdmgitops.reconcilers.engine.ReadContext;
import io.pdmgitops.reconcilers.engine.ReconcileResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Firewall options: on each poll of a PVE remote, one {@code GET} per place Git declares options
 * for there (nothing for a remote without any), judged and planned by {@link FirewallRules}, and
 * set with one PUT each that carries the digest they were judged from, journaled before it is sent.
 * A PUT whose answer was lost is settled by reading the options again: there, it is done; not
 * there, never applied, and the next cycle plans it afresh. It is never sent a second time blind.
 */
public final class FirewallReconciler implements KindReconciler {
  /** Places read at once on one remote. */
  static final int READS_AT_ONCE = 4;

  /** PVE's words when the digest sent is no longer the file's (PVE::Tools::assert_if_modified). */
  static final String MODIFIED = "detected modified configuration";

  private final FirewallRules rules = new FirewallRules();
  private final Function<String, FirewallApi> apis;
  private final ActionJournal journal;

  /**
   * @param apis a remote's firewall API by remote name; throws {@link IllegalStateException} with a
   *     message fit for the journal when the remote cannot be called (no secret)
   */
  public FirewallReconciler(Function<String, FirewallApi> apis, ActionJournal journal) {
    this.apis = apis;
    this.journal = journal;
  }

  @Override
  public KindRules rules() {
    return rules;
  }

  /**
   * The declared places on this remote that can be read now: the cluster, nodes that are online,
   * and guests where the sweep found them. The others are judged as not observed, with the reason.
   */
  @Override
  public Mono<List<ObservedPart>> observe(ReadContext context) {
    if (context.remote().spec().type() != RemoteType.PVE) {
      return Mono.just(List.of());
    }
    Map<FirewallTarget, String> paths = new LinkedHashMap<>();
    for (FirewallOptions options : context.state().all(FirewallOptions.class)) {
      if (options.spec().remote().equals(context.name())) {
        path(options.target(), context).ifPresent(p -> paths.put(options.target(), p));
      }
    }
    if (paths.isEmpty()) {
      return Mono.just(List.of());
    }
    return Mono.defer(
        () -> {
          FirewallApi api = apis.apply(context.name());
          return Flux.fromIterable(paths.entrySet())
              .flatMap(
                  e -> api.read(e.getValue()).map(read -> Map.entry(e.getKey(), read)),
                  READS_AT_ONCE)
              .collectMap(Map.Entry::getKey, Map.Entry::getValue)
              .map(read -> List.<ObservedPart>of(new ObservedFirewallOptions(read)));
        });
  }

  private static Optional<String> path(FirewallTarget target, ReadContext context) {
    return switch (target.level()) {
      case CLUSTER -> Optional.of(target.path(null, null));
      case NODE ->
          context.sweep().nodeOnline(target.node().orElseThrow())
              ? Optional.of(target.path(null, null))
              : Optional.empty();
      case GUEST -> {
        Optional<GuestObservation> guest = context.sweep().guest(target.vmid().orElseThrow());
        yield guest
            .filter(g -> context.sweep().nodeOnline(g.node()))
            .map(g -> target.path(g.node(), g.type()));
      }
    };
  }

  @Override
  public Mono<ReconcileResult> execute(PlannedAction action, String commitSha) {
    return JournalSteps.execute(
        journal,
        action.resource(),
        FirewallCodec.encode(action),
        commitSha,
        this::settle,
        id -> send(action, id));
  }

  private Mono<ReconcileResult> send(PlannedAction action, long id) {
    FirewallChange change = (FirewallChange) action.params();
    return JournalSteps.sendCall(
        journal,
        id,
        () -> apis.apply(action.remote()).update(change.path(), change.set(), change.digest()),
        e ->
            e.getMessage() != null && e.getMessage().contains(MODIFIED)
                // Not sent again as it is: the next read judges the edited options afresh, and
                // the changed options let the new plan through.
                ? ReconcileResult.failed(
                    "the options changed on "
                        + action.remote()
                        + " after they were read; planned again from the next read")
                : ReconcileResult.of(e));
  }

  /**
   * A change whose end is not known: the options say whether it landed. Nothing is sent here; a
   * change that did not land is planned again by the next cycle, from a fresh read.
   */
  @Override
  public Mono<ReconcileResult> settle(ActionJournal.Entry entry) {
    PlannedAction action = FirewallCodec.decode(entry.action());
    FirewallChange change = (FirewallChange) action.params();
    return JournalSteps.settleCall(
        journal,
        entry.id(),
        () ->
            apis.apply(action.remote())
                .read(change.path())
                .map(
                    read ->
                        change.set().entrySet().stream()
                            .allMatch(e -> e.getValue().equals(read.options().get(e.getKey())))));
  }
}
