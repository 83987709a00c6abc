package io.pdmgitops.model.drift;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.engine.KindRules;
import io.pdmgitops.model.engine.PlanScope;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.plan.Plan;
import io.pdmgitops.model.plan.PlannedAction;
import java.util.List;
import java.util.Set;

/** Remotes are judged (reachable, certificate, token, nodes online), never acted on. */
public final class RemoteRules implements KindRules {
  @Override
  public Kind kind() {
    return Kind.REMOTE;
  }

  @Override
  public Set<String> remotesOf(DesiredObject object) {
    return Set.of(object.identity());
  }

  @Override
  public List<ResourceStatus> judge(
      DesiredState state, Inventory inventory, DriftPolicy defaultPolicy) {
    return state.remotes().stream()
        .map(r -> RemoteClassifier.classify(r, inventory.remote(r.metadata().name())))
        .toList();
  }

  @Override
  public Plan plan(
      List<ResourceStatus> verdicts, DesiredState state, Inventory inventory, PlanScope scope) {
    return new Plan(List.of(), List.of());
  }

  @Override
  public String fingerprint(PlannedAction action, DesiredState state, Inventory inventory) {
    throw new IllegalArgumentException("remotes have no actions: " + action);
  }
}
