package io.pdmgitops.model.engine;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.ObjectRef;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.DriftPolicy;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.drift.DriftReport;
import io.pdmgitops.model.drift.GuestRules;
import io.pdmgitops.model.drift.RemoteRules;
import io.pdmgitops.model.drift.ResourceStatus;
import io.pdmgitops.model.drift.UnmanagedObject;
import io.pdmgitops.model.observed.Inventory;
import io.pdmgitops.model.plan.BlockedAction;
import io.pdmgitops.model.plan.Plan;
import io.pdmgitops.model.plan.PlannedAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of every registered kind, applied together: the fleet's drift report and plan. Kinds
 * are judged and planned in the order they were registered; nothing here knows any kind.
 */
public final class Rulebook {
  private final Map<Kind, KindRules> byKind = new LinkedHashMap<>();

  private Rulebook(List<? extends KindRules> rules) {
    for (KindRules r : rules) {
      if (byKind.putIfAbsent(r.kind(), r) != null) {
        throw new IllegalArgumentException("two rule sets for " + r.kind().kindName());
      }
    }
  }

  public static Rulebook of(List<? extends KindRules> rules) {
    return new Rulebook(rules);
  }

  /** The kinds that ship with the model: remotes and guests. */
  public static Rulebook builtIn() {
    return of(List.of(new RemoteRules(), new GuestRules()));
  }

  public Optional<KindRules> rules(Kind kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  public Set<Kind> kinds() {
    return byKind.keySet();
  }

  /** The remotes an object lives on; none for kinds that are not reconciled. */
  public Set<String> remotesOf(DesiredObject object) {
    KindRules r = byKind.get(object.kind());
    return r == null ? Set.of() : r.remotesOf(object);
  }

  /** The remote whose answer alone is enough to plan the object, if any. */
  public Optional<String> homeOf(DesiredObject object) {
    KindRules r = byKind.get(object.kind());
    return r == null ? Optional.empty() : r.homeOf(object);
  }

  /** Snapshot x inventory: every registered kind's verdicts, and what nothing declares. */
  public DriftReport detect(DesiredState state, Inventory inventory, DriftPolicy defaultPolicy) {
    List<ResourceStatus> statuses = new ArrayList<>();
    List<UnmanagedObject> unmanaged = new ArrayList<>();
    for (KindRules r : byKind.values()) {
      statuses.addAll(r.judge(state, inventory, defaultPolicy));
      unmanaged.addAll(r.unmanaged(state, inventory));
    }
    return new DriftReport(
        inventory.observedAt(),
        statuses,
        byKind.containsKey(Kind.GUEST) ? GuestRules.unmanagedGuests(state, inventory) : List.of(),
        unmanaged);
  }

  /** The actions the report on the whole state calls for, kind by kind. */
  public Plan review(DriftReport report, DesiredState state, Inventory inventory) {
    return review(report, state, inventory, PlanScope.WHOLE);
  }

  /** The actions the report calls for, kind by kind, and the ones PVE would refuse. */
  public Plan review(DriftReport report, DesiredState state, Inventory inventory, PlanScope scope) {
    Map<Kind, List<ResourceStatus>> byKindStatuses = new LinkedHashMap<>();
    for (ResourceStatus s : report.resources()) {
      byKindStatuses.computeIfAbsent(s.ref().kind(), k -> new ArrayList<>()).add(s);
    }
    List<PlannedAction> actions = new ArrayList<>();
    List<BlockedAction> blocked = new ArrayList<>();
    for (KindRules r : byKind.values()) {
      Plan plan = r.plan(byKindStatuses.getOrDefault(r.kind(), List.of()), state, inventory, scope);
      actions.addAll(plan.actions());
      blocked.addAll(plan.blocked());
    }
    return new Plan(actions, blocked);
  }

  /** What the action's outcome depends on, by its kind's rules. */
  public String fingerprint(PlannedAction action, DesiredState state, Inventory inventory) {
    return rulesOf(action.resource()).fingerprint(action, state, inventory);
  }

  private KindRules rulesOf(ObjectRef ref) {
    KindRules r = byKind.get(ref.kind());
    if (r == null) {
      throw new IllegalArgumentException("no rules registered for " + ref.kind().kindName());
    }
    return r;
  }
}
