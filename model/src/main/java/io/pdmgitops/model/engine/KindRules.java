package io.pdmgitops.model.engine;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.UnmanagedObject;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.plan.Plan;
import io.pdmgitops.model.plan.PlannedAction;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pure half of one kind's reconciler, in the style of gitops-engine's separate diff, health and
 * plan pieces: which remotes its objects live on, how desired meets observed (typed field
 * differences, sync and health), and which actions follow. Same inputs, same answers; nothing is
 * sent. The plan preview, the loop and the tests all judge through these.
 */
public interface KindRules {
  Kind kind();

  /**
   * The remotes a declared object of this kind is observed on and acted on: a guest moving to
   * another cluster has two. Empty for an object that is not on any remote.
   */
  Set<String> remotesOf(DesiredObject object);

  /**
   * The remote whose answer alone is enough to plan the object (a guest's own remote), if any; a
   * kind that can say it without building a set should, the loop asks for every object per answer.
   */
  default Optional<String> homeOf(DesiredObject object) {
    return remotesOf(object).stream().findFirst();
  }

  /** The verdict on each declared object of this kind. */
  List<ResourceStatus> judge(DesiredState state, Inventory inventory, DriftPolicy defaultPolicy);

  /** What the remotes hold of this kind that nothing declares; only for configuration kinds. */
  default List<UnmanagedObject> unmanaged(DesiredState state, Inventory inventory) {
    return List.of();
  }

  /**
   * The actions the verdicts on this kind's objects call for, and the ones PVE would refuse.
   *
   * @param scope {@link PlanScope#PART}: the state holds only some objects, so nothing may be
   *     removed for not being declared
   */
  Plan plan(
      List<ResourceStatus> verdicts, DesiredState state, Inventory inventory, PlanScope scope);

  /**
   * What an action's outcome depends on, as one short value: a permanently failed action is tried
   * again only when this changes.
   */
  String fingerprint(PlannedAction action, DesiredState state, Inventory inventory);
}
